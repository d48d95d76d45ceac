import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../../api/client.ts';
import { FocusAlert } from '../../components/FocusAlert.tsx';
import { FormProblems } from '../../components/FormErrorSummary.tsx';
import { useFormErrors, type FieldMessages } from '../../components/forms.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useSignedInUser } from '../../components/RequireAuth.tsx';
import { useRoleLabel } from '../users/labels.ts';
import { PasswordFields } from './PasswordFields.tsx';
import { passwordErrors } from './passwords.ts';
import { ReminderSettings } from './Reminders.tsx';
import type { ResponseOf } from '../../api/types.ts';

const FIELDS = ['currentPassword', 'newPassword', 'confirm'] as const;
type Field = (typeof FIELDS)[number];

/** /account — the signed-in user's own account: who they are, reminders and the calendar feed, and changing their password. */
export function AccountPage() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const roleLabel = useRoleLabel();
  const roles = [...new Set(me.roles.map((grant) => roleLabel(grant.role)))];
  return (
    <>
      <PageHeading title={t('account.title')} />
      <section aria-labelledby="account-details-heading" className="section">
        <Heading level={2} data-size="sm" id="account-details-heading">
          {t('account.detailsHeading')}
        </Heading>
        <dl className="facts">
          <dt>{t('fields.name')}</dt>
          <dd>{me.name}</dd>
          <dt>{t('fields.email')}</dt>
          <dd>{me.email}</dd>
          <dt>{t('account.roles')}</dt>
          <dd>{roles.length > 0 ? roles.join(', ') : t('users.noRoles')}</dd>
        </dl>
      </section>
      <ReminderSettings />
      <ChangePasswordForm />
    </>
  );
}

function ChangePasswordForm() {
  const { t } = useTranslation();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [done, setDone] = useState<{ ended: number; at: number } | null>(null);
  const errors = useFormErrors(FIELDS, 'account');

  const change = useMutation({
    mutationFn: () => api.post<ResponseOf<'/api/me/password', 'post'>>('/api/me/password', { currentPassword, newPassword }),
    onSuccess: ({ otherSessionsEnded }) => {
      setCurrentPassword('');
      setNewPassword('');
      setConfirm('');
      setDone({ ended: otherSessionsEnded, at: Date.now() });
    },
    onError: (error) => {
      setCurrentPassword('');
      errors.showApiError(error, t('errors.unexpected'));
    },
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (change.isPending) return;
    setDone(null);
    const found: FieldMessages<Field> = {};
    if (!currentPassword) found.currentPassword = t('validation.currentPasswordRequired');
    const checked = passwordErrors(t, newPassword, confirm);
    if (checked.password) found.newPassword = checked.password;
    if (checked.confirm) found.confirm = checked.confirm;
    if (Object.keys(found).length > 0) {
      errors.showClientErrors(found);
      return;
    }
    errors.clear();
    change.mutate();
  }

  const tooMany = isApiError(change.error) && change.error.code === 'too_many_attempts';

  return (
    <section aria-labelledby="password-heading" className="section">
      <Heading level={2} data-size="sm" id="password-heading">
        {t('account.passwordHeading')}
      </Heading>
      <Paragraph>{t('account.passwordIntro')}</Paragraph>
      {done && (
        <FocusAlert color="success" focusKey={done.at}>
          {t('account.passwordChanged', { count: done.ended })}
        </FocusAlert>
      )}
      <FormProblems errors={errors} generalColor={tooMany ? 'warning' : 'danger'} />
      <form className="form" noValidate onSubmit={onSubmit}>
        <Paragraph data-size="sm">{t('form.allRequired')}</Paragraph>
        <Textfield
          id={errors.id('currentPassword')}
          label={t('fields.currentPassword')}
          type="password"
          autoComplete="current-password"
          required
          value={currentPassword}
          onChange={(e) => setCurrentPassword(e.target.value)}
          error={errors.fields.currentPassword}
        />
        <PasswordFields
          ids={{ password: errors.id('newPassword'), confirm: errors.id('confirm') }}
          password={newPassword}
          confirm={confirm}
          onPassword={setNewPassword}
          onConfirm={setConfirm}
          errors={{ password: errors.fields.newPassword, confirm: errors.fields.confirm }}
          labels={{ password: t('fields.newPasswordOwn'), confirm: t('fields.confirmNewPassword') }}
        />
        <div className="actions">
          <Button type="submit" loading={change.isPending}>
            {t('account.passwordSubmit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
