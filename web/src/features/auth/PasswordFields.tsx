import { Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { MIN_PASSWORD_LENGTH } from './passwords.ts';

interface Props {
  ids: { password: string; confirm: string };
  password: string;
  confirm: string;
  onPassword: (value: string) => void;
  onConfirm: (value: string) => void;
  errors: { password?: string; confirm?: string };
  /** Labels where "Lösenord" alone would be unclear (next to the current password). */
  labels?: { password: string; confirm: string };
}

/** New password and its confirmation. */
export function PasswordFields({ ids, password, confirm, onPassword, onConfirm, errors, labels }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <Textfield
        id={ids.password}
        label={labels?.password ?? t('fields.newPassword')}
        description={t('fields.newPasswordHint', { min: MIN_PASSWORD_LENGTH })}
        type="password"
        autoComplete="new-password"
        required
        value={password}
        onChange={(e) => onPassword(e.target.value)}
        error={errors.password}
      />
      <Textfield
        id={ids.confirm}
        label={labels?.confirm ?? t('fields.confirmPassword')}
        type="password"
        autoComplete="new-password"
        required
        value={confirm}
        onChange={(e) => onConfirm(e.target.value)}
        error={errors.confirm}
      />
    </>
  );
}
