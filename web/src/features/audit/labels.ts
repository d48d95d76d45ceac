import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/** Where a change came from, as text in the user's language. */
export function useOriginLabel() {
  const { t } = useTranslation();
  return useCallback(
    (origin: string): string => {
      switch (origin) {
        case 'ui':
          return t('audit.originUi');
        case 'api':
          return t('audit.originApi');
        case 'import':
          return t('audit.originImport');
        case 'system':
          return t('audit.originSystem');
        default:
          return origin;
      }
    },
    [t],
  );
}

/**
 * Entity types and actions are codes chosen by the server modules ("user", "user.invited").
 * Known ones have a translation under audit.entityTypes / audit.actions; others are shown as
 * the code itself.
 */
export function useCodeLabel(group: 'entityTypes' | 'actions') {
  const { t, i18n } = useTranslation();
  return useCallback(
    (code: string): string | null => {
      const key = `audit.${group}.${code}`;
      return i18n.exists(key) ? t(key) : null;
    },
    [t, i18n, group],
  );
}
