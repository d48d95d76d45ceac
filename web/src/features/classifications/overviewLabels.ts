import { useTranslation } from 'react-i18next';
import { packText, useScales, type Aspect, type OverviewSystem } from '../../api/classifications.ts';
import { useLocale } from '../../components/language.ts';
import { intlLocale } from '../../i18n/language.ts';

/** The words of the overview: aspects, levels with their labels from the current scale, numbers and shares. */
export function useOverviewLabels() {
  const { t } = useTranslation();
  const locale = useLocale();
  const scales = useScales();
  const current = scales.data?.current;
  const scale = scales.data?.scales.find((s) => s.id === current?.id && s.version === current?.version) ?? scales.data?.scales[0];
  const numberFormat = new Intl.NumberFormat(intlLocale(locale));
  const percentFormat = new Intl.NumberFormat(intlLocale(locale), { style: 'percent', maximumFractionDigits: 0 });

  /** The scale's label of a level ("Hög"), or '' while the scale is read or when it has none. */
  const levelName = (aspect: Aspect, level: number): string => {
    const found = scale?.aspects.find((a) => a.aspect === aspect)?.levels.find((l) => l.number === level);
    return found ? packText(found.label, locale) : '';
  };

  return {
    aspect: (aspect: Aspect) => t(`classifications.aspects.${aspect}`),
    /** The aspect's name inside a sentence ("konfidentialitet"). */
    aspectInText: (aspect: Aspect) => t(`classifications.aspects.${aspect}`).toLocaleLowerCase(intlLocale(locale)),
    aspectShort: (aspect: Aspect) => t(`classifications.letters.${aspect}`),
    levelName,
    /** "3 – Hög" (or "3" without a label). */
    level: (aspect: Aspect, level: number) => {
      const name = levelName(aspect, level);
      return name ? t('classifications.levelWithLabel', { level, label: name }) : String(level);
    },
    number: (value: number) => numberFormat.format(value),
    /** A whole percent as "60 %" / "60%". */
    percent: (whole: number) => percentFormat.format(whole / 100),
    /** Where a system stands: Godkänd, Pågår – utkast, Pågår – inlämnad, Saknas. */
    state: (system: Pick<OverviewSystem, 'state' | 'inProgress'>) =>
      system.state === 'in_progress'
        ? t(`classifications.overview.state.${system.inProgress ?? 'inProgress'}`)
        : t(`classifications.overview.state.${system.state}`),
  };
}

export type OverviewLabels = ReturnType<typeof useOverviewLabels>;
