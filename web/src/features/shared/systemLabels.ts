import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { swedishDay } from '../../../../shared/dates.ts';
import type { AuthMethod, Criticality, DataLocation, Hosting, Lifecycle, PersonalData, SystemKind } from '../../../../shared/systems.ts';

/** Colours for lifecycle tags; the text always says the state, the colour only repeats it. */
export const LIFECYCLE_COLOR = {
  planned: 'neutral',
  implementing: 'info',
  in_operation: 'success',
  retiring: 'warning',
  retired: 'neutral',
} as const;

export const CRITICALITY_COLOR = { low: 'info', medium: 'warning', high: 'danger' } as const;

/** The register's codes as words in the user's language. */
export function useSystemLabels() {
  const { t } = useTranslation();
  return useMemo(() => {
    const orNotSet =
      <T extends string>(group: string) =>
      (value: T | null) =>
        value ? t(`systems.${group}.${value}`) : t('systems.notSet');
    return {
      lifecycle: (value: Lifecycle) => t(`systems.lifecycle.${value}`),
      kind: (value: SystemKind) => t(`systems.kind.${value}`),
      hosting: orNotSet<Hosting>('hosting'),
      criticality: orNotSet<Criticality>('criticality'),
      personalData: orNotSet<PersonalData>('personalData'),
      dataLocation: orNotSet<DataLocation>('dataLocation'),
      authMethod: orNotSet<AuthMethod>('authMethod'),
      /** Yes, no, or "not assessed" for a fact nobody has judged yet. */
      yesNo: (value: boolean | null) => (value === null ? t('systems.notAssessed') : value ? t('common.yes') : t('common.no')),
      /** The action that moves a system to this state ("Take into operation"). */
      transition: (value: Lifecycle) => t(`systems.transition.${value}`),
    };
  }, [t]);
}

export type SystemLabels = ReturnType<typeof useSystemLabels>;

/** Today as yyyy-mm-dd in Sweden, the server's day: what date fields start at and ISO dates (confirmationDue) compare with. */
export const todayIso = (): string => swedishDay(new Date());

export const isOverdue = (due: string): boolean => due < todayIso();

