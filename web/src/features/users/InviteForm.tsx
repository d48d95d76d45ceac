import { Button, Field, Heading, Label, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { APP_ROLES } from '../../../../shared/roles.ts';
import type { AppRole } from '../../api/types.ts';
import { FormProblems } from '../../components/FormErrorSummary.tsx';
import { looksLikeEmail, useFormErrors, type FieldMessages } from '../../components/forms.ts';
import { createInvite, type CreatedInvite } from '../../api/users.ts';
import { InviteResult } from './InviteResult.tsx';
import { useRoleLabel } from './labels.ts';

const FIELDS = ['email', 'name', 'role'] as const;
type Field = (typeof FIELDS)[number];

/** Creates an invitation link for a new user; the administrator sends it to them. */
export function InviteForm() {
  const { t } = useTranslation();
  const roleLabel = useRoleLabel();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<AppRole>('user');
  const [created, setCreated] = useState<{
    invite: CreatedInvite;
    name: string;
    email: string;
  } | null>(null);
  const errors = useFormErrors(FIELDS, 'invite-form');

  const invite = useMutation({
    mutationFn: () => createInvite({ email: email.trim(), name: name.trim(), role }),
    onSuccess: (result) => {
      setCreated({ invite: result, name: name.trim(), email: email.trim() });
      setEmail('');
      setName('');
      setRole('user');
    },
    onError: (error) => errors.showApiError(error, t('errors.unexpected')),
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (invite.isPending) return;
    const found: FieldMessages<Field> = {};
    if (!email.trim()) found.email = t('validation.emailRequired');
    else if (!looksLikeEmail(email)) found.email = t('validation.emailInvalid');
    if (!name.trim()) found.name = t('validation.nameRequired');
    if (Object.keys(found).length > 0) {
      setCreated(null);
      errors.showClientErrors(found);
      return;
    }
    errors.clear();
    setCreated(null);
    invite.mutate();
  }

  return (
    <section aria-labelledby="invite-heading" className="section">
      <Heading level={2} data-size="sm" id="invite-heading">
        {t('users.inviteHeading')}
      </Heading>
      <FormProblems errors={errors} />
      {created && <InviteResult invite={created.invite} name={created.name} email={created.email} />}
      <form className="form" noValidate onSubmit={onSubmit}>
        <Textfield
          id={errors.id('email')}
          label={t('fields.email')}
          type="email"
          autoComplete="off"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={errors.fields.email}
        />
        <Textfield
          id={errors.id('name')}
          label={t('fields.name')}
          autoComplete="off"
          required
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors.fields.name}
        />
        <Field>
          <Label>{t('fields.role')}</Label>
          <Field.Description>{t('users.roleHint')}</Field.Description>
          <Select
            id={errors.id('role')}
            value={role}
            onChange={(e) => setRole(e.target.value as AppRole)}
            aria-invalid={errors.fields.role ? true : undefined}
          >
            {APP_ROLES.map((r) => (
              <Select.Option key={r} value={r}>
                {roleLabel(r)}
              </Select.Option>
            ))}
          </Select>
          {errors.fields.role && <ValidationMessage>{errors.fields.role}</ValidationMessage>}
        </Field>
        <div className="actions">
          <Button type="submit" loading={invite.isPending}>
            {t('users.inviteSubmit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
