import { Button, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api/client.ts';
import type { ResponseOf } from '../../api/types.ts';
import { formatDateTime } from '../../components/format.ts';
import { FormProblems } from '../../components/FormErrorSummary.tsx';
import { useFormErrors, type FieldMessages } from '../../components/forms.ts';
import { useLocale } from '../../components/language.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useRoleLabel } from '../users/labels.ts';
import type { LoginState } from './flash.ts';
import { PasswordFields } from './PasswordFields.tsx';
import { passwordErrors } from './passwords.ts';
import { TokenGate } from './TokenGate.tsx';

type Invitation = ResponseOf<'/api/invites/{token}'>;

const FIELDS = ['name', 'password', 'confirm'] as const;
type Field = (typeof FIELDS)[number];

/** /invite?token=… — the invited person chooses a password and becomes a user. */
export function InvitePage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token');
  return (
    <>
      <PageHeading title={t('invite.title')} />
      <TokenGate<Invitation> path={token ? `/api/invites/${encodeURIComponent(token)}` : null} invalidText={t('invite.invalidLink')}>
        {(invitation) => <InviteForm token={token as string} invitation={invitation} />}
      </TokenGate>
    </>
  );
}

function InviteForm({ token, invitation }: { token: string; invitation: Invitation }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const roleLabel = useRoleLabel();
  const navigate = useNavigate();
  const [name, setName] = useState(invitation.name);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const errors = useFormErrors(FIELDS, 'invite');

  const accept = useMutation({
    mutationFn: () => api.post<unknown>('/api/invites/accept', { token, name: name.trim(), password }, { sessionChange: true }),
    onSuccess: async () => {
      const state: LoginState = { flash: 'inviteAccepted', email: invitation.email };
      await navigate('/login', { replace: true, state });
    },
    onError: (error) => errors.showApiError(error, t('errors.unexpected')),
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (accept.isPending) return;
    const found: FieldMessages<Field> = {};
    if (!name.trim()) found.name = t('validation.nameRequired');
    Object.assign(found, passwordErrors(t, password, confirm));
    if (Object.keys(found).length > 0) {
      errors.showClientErrors(found);
      return;
    }
    errors.clear();
    accept.mutate();
  }

  return (
    <>
      <Paragraph>{t('invite.intro', { email: invitation.email, role: roleLabel(invitation.role) })}</Paragraph>
      <Paragraph data-size="sm" className="muted">
        {t('invite.expires', { time: formatDateTime(invitation.expiresAt, locale) })}
      </Paragraph>
      <FormProblems errors={errors} />
      <form className="form" noValidate onSubmit={onSubmit}>
        <Paragraph data-size="sm">{t('form.allRequired')}</Paragraph>
        <Textfield id="invite-email" label={t('fields.email')} type="email" autoComplete="username" value={invitation.email} readOnly />
        <Textfield
          id={errors.id('name')}
          label={t('fields.name')}
          autoComplete="name"
          required
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors.fields.name}
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
          <Button type="submit" loading={accept.isPending}>
            {t('invite.submit')}
          </Button>
        </div>
      </form>
    </>
  );
}
