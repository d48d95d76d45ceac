import { Button, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { api, isApiError } from '../../api/client.ts';
import { meQueryKey } from '../../api/me.ts';
import type { ResponseOf } from '../../api/types.ts';
import { FocusAlert } from '../../components/FocusAlert.tsx';
import { FormProblems } from '../../components/FormErrorSummary.tsx';
import { useFormErrors, type FieldMessages } from '../../components/forms.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { readLoginState, safeNext } from './flash.ts';

const FIELDS = ['email', 'password'] as const;
type Field = (typeof FIELDS)[number];

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const initial = readLoginState(location.state);
  const [email, setEmail] = useState(initial.email ?? '');
  const [password, setPassword] = useState('');
  const errors = useFormErrors(FIELDS, 'login');

  const [arrivedWith] = useState(initial.flash);

  // Coming here after signing out: drop everything cached for the previous session.
  useEffect(() => {
    if (arrivedWith === 'signedOut' || arrivedWith === 'signedOutEverywhere') queryClient.clear();
  }, [arrivedWith, queryClient]);

  const login = useMutation({
    mutationFn: () =>
      api.post<ResponseOf<'/api/auth/login', 'post'>>('/api/auth/login', { email: email.trim(), password }, { sessionChange: true }),
    onSuccess: async ({ user }) => {
      queryClient.clear(); // nothing from an earlier session may linger
      queryClient.setQueryData(meQueryKey, user);
      await navigate(safeNext(params.get('next')), { replace: true });
    },
    onError: (error) => {
      setPassword('');
      errors.showApiError(error, t('errors.unexpected'));
    },
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (login.isPending) return;
    const found: FieldMessages<Field> = {};
    if (!email.trim()) found.email = t('validation.emailRequired');
    if (!password) found.password = t('validation.passwordRequired');
    if (Object.keys(found).length > 0) {
      errors.showClientErrors(found);
      return;
    }
    errors.clear();
    login.mutate();
  }

  const flashText = {
    setupDone: t('login.flashSetupDone'),
    inviteAccepted: t('login.flashInviteAccepted'),
    passwordReset: t('login.flashPasswordReset'),
    signedOut: t('login.flashSignedOut'),
    signedOutEverywhere: t('login.flashSignedOutEverywhere'),
  };
  const tooMany = isApiError(login.error) && login.error.code === 'too_many_attempts';

  return (
    <>
      <PageHeading title={t('login.title')} />
      {initial.flash && !errors.general && <FocusAlert color="success">{flashText[initial.flash]}</FocusAlert>}
      <FormProblems errors={errors} generalColor={tooMany ? 'warning' : 'danger'} />
      <form className="form" noValidate onSubmit={onSubmit}>
        <Textfield
          id={errors.id('email')}
          label={t('fields.email')}
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={errors.fields.email}
        />
        <Textfield
          id={errors.id('password')}
          label={t('fields.password')}
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={errors.fields.password}
        />
        <div className="actions">
          <Button type="submit" loading={login.isPending}>
            {t('login.submit')}
          </Button>
        </div>
      </form>
      <Paragraph data-size="sm" className="muted">
        {t('login.help')}
      </Paragraph>
    </>
  );
}
