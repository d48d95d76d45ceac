import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { System } from '../../api/systems.ts';
import { useSystemLabels } from '../shared/systemLabels.ts';
import type { FactField } from './systemForm.ts';

/** A fact of a system as plain text ("Inget angivet" when empty), for the overview and the conflict notice. */
export function useFactText() {
  const { t, i18n } = useTranslation();
  const labels = useSystemLabels();
  return useCallback(
    (field: FactField, s: System): string => {
      const none = t('common.none');
      const textOr = (v: string | null) => (v && v.trim() ? v : none);
      switch (field) {
        case 'name':
          return s.name;
        case 'aliases':
          return s.aliases.length ? s.aliases.join(', ') : none;
        case 'kind':
          return labels.kind(s.kind);
        case 'description':
          return textOr(s.description);
        case 'purpose':
          return textOr(s.purpose);
        case 'owningUnitId':
          return s.owningUnit.name;
        case 'usingUnitIds':
          return s.usingUnits.length ? s.usingUnits.map((u) => u.name).join(', ') : none;
        case 'kommungemensamt':
          return labels.yesNo(s.kommungemensamt);
        case 'criticality':
          return s.criticality ? labels.criticality(s.criticality) : t('systems.notAssessed');
        case 'samhallsviktig':
          return labels.yesNo(s.samhallsviktig);
        case 'personalData':
          return s.personalData ? labels.personalData(s.personalData) : t('systems.notAssessed');
        case 'userCount':
          return s.userCount === null ? none : s.userCount.toLocaleString(i18n.resolvedLanguage === 'en' ? 'en-GB' : 'sv-SE');
        case 'hosting':
          return labels.hosting(s.hosting);
        case 'dataLocation':
          return labels.dataLocation(s.dataLocation);
        case 'thirdCountryTransfer':
          return labels.yesNo(s.thirdCountryTransfer);
        case 'thirdCountryBasis':
          return textOr(s.thirdCountryBasis);
        case 'authMethod':
          return labels.authMethod(s.authMethod);
        case 'links':
          return s.links.length ? s.links.map((l) => `${l.label} (${l.url})`).join(', ') : none;
        case 'note':
          return textOr(s.note);
      }
    },
    [t, i18n.resolvedLanguage, labels],
  );
}
