import { useTranslation } from 'react-i18next';
import { packText, useScales, type Aspect, type Classification, type PackText } from '../../api/classifications.ts';

type ScaleRef = { id: string; version: string };

/** The words of information classification in the user's language: aspects, states, flags and levels from the pack's scale. */
export function useClassificationLabels() {
  const { t, i18n } = useTranslation();
  const scales = useScales();
  const data = scales.data;
  const text = (x: PackText | null | undefined) => packText(x, i18n.language);

  /** The scale a classification is on (or the current one). */
  const scaleOf = (ref?: ScaleRef) => {
    const want = ref ?? data?.current;
    return data?.scales.find((s) => s.id === want?.id && s.version === want?.version) ?? null;
  };

  /** "3 – Hög" (the number always, the label when the scale is known). */
  const level = (aspect: Aspect, n: number | null | undefined, ref?: ScaleRef): string => {
    if (n === null || n === undefined) return t('classifications.levelNone');
    const label = scaleOf(ref)?.aspects.find((a) => a.aspect === aspect)?.levels.find((l) => l.number === n)?.label;
    return label ? t('classifications.levelWithLabel', { level: n, label: text(label) }) : String(n);
  };

  return {
    scales,
    scaleOf,
    level,
    text,
    aspect: (a: Aspect) => t(`classifications.aspects.${a}`),
    status: (c: Pick<Classification, 'status'>) => t(`classifications.status.${c.status}`),
    method: (m: Classification['method']) => t(`classifications.method.${m}`),
    yesNo: (v: boolean | null) => (v === null ? t('classifications.flags.unknown') : v ? t('common.yes') : t('common.no')),
    protection: (v: Classification['flags']['securityProtection']) =>
      v === null ? t('classifications.flags.unknown') : t(`classifications.flags.protection.${v}`),
  };
}

/** The tag colour of a classification's state (the text says the state; colour only repeats it). */
export const STATUS_COLOR: Record<Classification['status'], 'success' | 'warning' | 'info' | 'danger' | 'neutral'> = {
  approved: 'success',
  submitted: 'info',
  draft: 'warning',
  rejected: 'danger',
  superseded: 'neutral',
};
