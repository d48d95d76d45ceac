import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgUnit, UnitFunction, UnitKind } from '../../api/org.ts';

/** Kinds of org unit as text in the user's language (never the raw code). */
export function useKindLabel() {
  const { t } = useTranslation();
  return useCallback(
    (kind: UnitKind | string): string => {
      switch (kind) {
        case 'kommun':
          return t('org.kind.kommun');
        case 'kommunstyrelse':
          return t('org.kind.kommunstyrelse');
        case 'namnd':
          return t('org.kind.namnd');
        case 'forvaltning':
          return t('org.kind.forvaltning');
        case 'avdelning':
          return t('org.kind.avdelning');
        case 'enhet':
          return t('org.kind.enhet');
        case 'kommunalt_bolag':
          return t('org.kind.kommunalt_bolag');
        case 'kommunalforbund':
          return t('org.kind.kommunalforbund');
        case 'annan':
          return t('org.kind.annan');
        default:
          return kind;
      }
    },
    [t],
  );
}

/** What the policy calls the unit (IT-enheten, Kansliet), or null. */
export function useFunctionLabel() {
  const { t } = useTranslation();
  return useCallback(
    (fn: UnitFunction | string | null): string | null => {
      switch (fn) {
        case null:
          return null;
        case 'it_unit':
          return t('org.function.it_unit');
        case 'kansli':
          return t('org.function.kansli');
        default:
          return fn;
      }
    },
    [t],
  );
}

/** "Förvaltning · IT-enheten · Inaktiv": what a unit is, in words, for lists and pickers. */
export function useUnitDescription() {
  const { t } = useTranslation();
  const kindLabel = useKindLabel();
  const functionLabel = useFunctionLabel();
  return useCallback(
    (unit: Pick<OrgUnit, 'kind' | 'function' | 'status'>): string =>
      [kindLabel(unit.kind), functionLabel(unit.function), unit.status === 'inactive' ? t('org.statusInactive') : null]
        .filter(Boolean)
        .join(', '),
    [kindLabel, functionLabel, t],
  );
}
