import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppRole } from '../../api/types.ts';

/** Role names as text in the user's language (never the raw code). */
export function useRoleLabel() {
  const { t } = useTranslation();
  return useCallback(
    (role: AppRole | string): string => {
      switch (role) {
        case 'administrator':
          return t('roles.administrator');
        case 'reviewer':
          return t('roles.reviewer');
        case 'user':
          return t('roles.user');
        default:
          return role;
      }
    },
    [t],
  );
}

export function useStatusLabel() {
  const { t } = useTranslation();
  return useCallback(
    (status: string): string => {
      switch (status) {
        case 'active':
          return t('users.statusActive');
        case 'disabled':
          return t('users.statusDisabled');
        default:
          return status;
      }
    },
    [t],
  );
}
