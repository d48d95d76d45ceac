import { Button, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api/client.ts';
import { formatDateTime } from '../../components/format.ts';
import { FormProblems } from '../../components/FormErrorSummary.tsx';
import { looksLikeEmail, useFormErrors, type FieldMessages } from '../../components/forms.ts';
import { useLocale } from '../../components/language.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import type { LoginState } from './flash.ts';
import { PasswordFields } from './PasswordFields.tsx';
import { passwordErrors } from './passwords.ts';
import { TokenGate } from './TokenGate.tsx';
import type { ResponseOf } from '../../api/types.ts';

type SetupCheck = ResponseOf<'/api/setup/{token}'>;

const FIELDS = ['kommunName', 'name', 'email', 'password', 'confirm'] as const;
type Field = (typeof FIELDS)[number];

/** /setup?token=… — creates the first administrator from the link the server printed. */
export function SetupPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token');
  return (
    <>
      <PageHeading title={t('setup.title')} />
      <TokenGate<SetupCheck> path={token ? `/api/setup/${encodeURIComponent(token)}` : null} invalidText={t('setup.invalidLink')}>
        {(check) => <SetupForm token={token as string} expiresAt={check.expiresAt} />}
      </TokenGate>
    </>
  );
}

function SetupForm({ token, expiresAt }: { token: string; expiresAt: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [kommunName, setKommunName] = useState('');
  const errors = useFormErrors(FIELDS, 'setup');

  const create = useMutation({
    mutationFn: () => api.post<unknown>(
        '/api/setup',
        { token, kommunName: kommunName.trim(), name: name.trim(), email: email.trim(), password },
        { sessionChange: true },
      ),
    onSuccess: async () => {
      const state: LoginState = { flash: 'setupDone', email: email.trim() };
      await navigate('/login', { replace: true, state });
    },
    onError: (error) => errors.showApiError(error, t('errors.unexpected')),
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (create.isPending) return;
    const found: FieldMessages<Field> = {};
    if (!kommunName.trim()) found.kommunName = t('validation.kommunNameRequired');
    if (!name.trim()) found.name = t('validation.nameRequired');
    if (!email.trim()) found.email = t('validation.emailRequired');
    else if (!looksLikeEmail(email)) found.email = t('validation.emailInvalid');
    Object.assign(found, passwordErrors(t, password, confirm));
    if (Object.keys(found).length > 0) {
      errors.showClientErrors(found);
      return;
    }
    errors.clear();
    create.mutate();
  }

  return (
    <>
      <Paragraph>{t('setup.intro')}</Paragraph>
      <Paragraph data-size="sm" className="muted">
        {t('setup.expires', { time: formatDateTime(expiresAt, locale) })}
      </Paragraph>
      <FormProblems errors={errors} />
      <form className="form" noValidate onSubmit={onSubmit}>
        <Paragraph data-size="sm">{t('form.allRequired')}</Paragraph>
        <Textfield
          id={errors.id('kommunName')}
          label={t('setup.kommunLabel')}
          description={t('setup.kommunDescription')}
          autoComplete="organization"
          required
          value={kommunName}
          onChange={(e) => setKommunName(e.target.value)}
          error={errors.fields.kommunName}
        />
        <Textfield
          id={errors.id('name')}
          label={t('fields.name')}
          autoComplete="name"
          required
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors.fields.name}
        />
        <Textfield
          id={errors.id('email')}
          label={t('fields.email')}
          type="email"
          autoComplete="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={errors.fields.email}
        />
        <PasswordFields
          ids={{ password: errors.id('password'), confirm: errors.id('confirm') }}
          password={password}
          confirm={confirm}
          onPassword={setPassword}
          onConfirm={setConfirm}
          errors={errors.fields}
        />
        <div className="actions">
          <Button type="submit" loading={create.isPending}>
            {t('setup.submit')}
          </Button>
        </div>
      </form>
    </>
  );
}
