import { Button, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api/client.ts';
import { formatDateTime } from '../../components/format.ts';
import { FormProblems } from '../../components/FormErrorSummary.tsx';
import { useFormErrors, type FieldMessages } from '../../components/forms.ts';
import { useLocale } from '../../components/language.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import type { LoginState } from './flash.ts';
import { PasswordFields } from './PasswordFields.tsx';
import { passwordErrors } from './passwords.ts';
import { TokenGate } from './TokenGate.tsx';
import type { ResponseOf } from '../../api/types.ts';

type ResetLink = ResponseOf<'/api/password-reset/{token}'>;

const FIELDS = ['password', 'confirm'] as const;
type Field = (typeof FIELDS)[number];

/** /reset-password?token=… — a user chooses a new password from the link an administrator made. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token');
  return (
    <>
      <PageHeading title={t('resetPassword.title')} />
      <TokenGate<ResetLink> path={token ? `/api/password-reset/${encodeURIComponent(token)}` : null} invalidText={t('resetPassword.invalidLink')}>
        {(link) => <ResetForm token={token as string} link={link} />}
      </TokenGate>
    </>
  );
}

function ResetForm({ token, link }: { token: string; link: ResetLink }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const errors = useFormErrors(FIELDS, 'reset');

  const reset = useMutation({
    mutationFn: () => api.post<void>('/api/password-reset', { token, password }, { sessionChange: true }),
    onSuccess: async () => {
      // Every session of this user has ended, perhaps this browser's too.
      queryClient.clear();
      const state: LoginState = { flash: 'passwordReset', email: link.email };
      await navigate('/login', { replace: true, state });
    },
    onError: (error) => errors.showApiError(error, t('errors.unexpected')),
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (reset.isPending) return;
    const found: FieldMessages<Field> = passwordErrors(t, password, confirm);
    if (Object.keys(found).length > 0) {
      errors.showClientErrors(found);
      return;
    }
    errors.clear();
    reset.mutate();
  }

  return (
    <>
      <Paragraph>{t('resetPassword.intro', { name: link.name })}</Paragraph>
      <Paragraph data-size="sm" className="muted">
        {t('resetPassword.expires', { time: formatDateTime(link.expiresAt, locale) })}
      </Paragraph>
      <FormProblems errors={errors} />
      <form className="form" noValidate onSubmit={onSubmit}>
        <Paragraph data-size="sm">{t('form.allRequired')}</Paragraph>
        <Textfield id="reset-email" label={t('fields.email')} type="email" autoComplete="username" value={link.email} readOnly />
        <PasswordFields
          ids={{ password: errors.id('password'), confirm: errors.id('confirm') }}
          password={password}
          confirm={confirm}
          onPassword={setPassword}
          onConfirm={setConfirm}
          errors={errors.fields}
          labels={{ password: t('fields.newPasswordOwn'), confirm: t('fields.confirmNewPassword') }}
        />
        <div className="actions">
          <Button type="submit" loading={reset.isPending}>
            {t('resetPassword.submit')}
          </Button>
        </div>
      </form>
    </>
  );
}
