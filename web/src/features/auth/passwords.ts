import type { TFunction } from 'i18next';

export const MIN_PASSWORD_LENGTH = 12;

/** Client-side checks shared by the setup and invitation forms. */
export function passwordErrors(t: TFunction, password: string, confirm: string): { password?: string; confirm?: string } {
  const errors: { password?: string; confirm?: string } = {};
  if (!password) errors.password = t('validation.passwordRequired');
  else if ([...password].length < MIN_PASSWORD_LENGTH) errors.password = t('validation.passwordTooShort', { min: MIN_PASSWORD_LENGTH });
  if (!confirm) errors.confirm = t('validation.confirmRequired');
  else if (password && confirm !== password) errors.confirm = t('validation.passwordMismatch');
  return errors;
}
