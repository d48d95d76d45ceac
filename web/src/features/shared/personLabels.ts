import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/** A person's status (active, disabled, left) as text in the user's language. */
export function usePersonStatusLabel() {
  const { t } = useTranslation();
  return useCallback(
    (status: string): string => {
      switch (status) {
        case 'active':
          return t('people.status.active');
        case 'disabled':
          return t('people.status.disabled');
        case 'left':
          return t('people.status.left');
        default:
          return status;
      }
    },
    [t],
  );
}
