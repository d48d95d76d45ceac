import { Alert, Button, Dialog, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { FormProblems } from '../../components/FormErrorSummary.tsx';
import { useFormErrors, type FieldMessages } from '../../components/forms.ts';
import { SelectField } from '../../components/SelectField.tsx';
import { assignRole, handOver, useRoles, type PrincipalInput, type RoleDefinition, type RoleHolding } from '../../api/org.ts';
import type { ResponseOf } from '../../api/types.ts';
import { emptyHolder, HolderPicker, holderRequiredKey, principalOf, type HolderChoice } from './HolderPicker.tsx';
import { useHolderName } from './holderLabels.tsx';
import { todayIso } from './systemLabels.ts';
import { assignSystemRole } from '../../api/systems.ts';

/** What a role is held for: an organisational unit or a system. */
export interface RoleSubject {
  kind: 'unit' | 'system';
  id: string;
}

/** Element ids per subject kind, so the unit and system pages keep their own. */
const FORM_IDS: Record<RoleSubject['kind'], { assign: string; handover: string }> = {
  unit: { assign: 'assign-role', handover: 'handover' },
  system: { assign: 'assign-system-role', handover: 'system-handover' },
};

export type HandoverResult = ResponseOf<'/api/role-assignments/{id}/handover', 'post'>;

/** The server names a holder's problems `principal` and `principal.contactId` (the last part is the field). */
const ASSIGN_FIELDS = ['roleKey', 'principal', 'contactId', 'validFrom'] as const;
type AssignField = (typeof ASSIGN_FIELDS)[number];

function assignTo(subject: RoleSubject, input: { roleKey: string; principal: PrincipalInput; validFrom?: string }) {
  return subject.kind === 'unit'
    ? assignRole({ ...input, subjectKind: 'unit', subjectId: subject.id })
    : assignSystemRole({ ...input, subjectId: subject.id });
}

/** Gives a person (or, where the role allows it, an org unit or a supplier) one of the given roles for the subject. */
export function AssignRoleForm({
  subject,
  heading,
  roles,
  rolesError,
  onAssigned,
}: {
  subject: RoleSubject;
  heading: string;
  roles: RoleDefinition[];
  /** Why the roles could not be read (null when they could). */
  rolesError: unknown;
  onAssigned: (holding: RoleHolding) => void;
}) {
  const { t } = useTranslation();
  const idPrefix = FORM_IDS[subject.kind].assign;
  const [roleKey, setRoleKey] = useState('');
  const [holder, setHolder] = useState<HolderChoice>(emptyHolder());
  const [validFrom, setValidFrom] = useState(todayIso());
  const [pickerKey, setPickerKey] = useState(0);
  const errors = useFormErrors(ASSIGN_FIELDS, idPrefix);
  const role = roles.find((r) => r.key === roleKey);
  const kinds = role?.holderKinds ?? ['person'];

  const assign = useMutation({
    mutationFn: (principal: PrincipalInput) => assignTo(subject, { roleKey, principal, validFrom: validFrom || undefined }),
    onSuccess: (holding) => {
      setRoleKey('');
      setHolder(emptyHolder());
      setValidFrom(todayIso());
      setPickerKey((k) => k + 1);
      onAssigned(holding);
    },
    onError: (error) => errors.showApiError(error, t('errors.unexpected')),
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (assign.isPending) return;
    const found: FieldMessages<AssignField> = {};
    const principal = principalOf(holder);
    if (!roleKey) found.roleKey = t('unitRoles.validation.roleRequired');
    if (!principal) found.principal = t(holderRequiredKey(holder.kind));
    if (!principal || Object.keys(found).length > 0) {
      errors.showClientErrors(found);
      return;
    }
    errors.clear();
    assign.mutate(principal);
  }

  function chooseRole(key: string) {
    setRoleKey(key);
    // A holder of a kind the new role does not allow is dropped; the person picker is the default.
    const allowed = roles.find((r) => r.key === key)?.holderKinds ?? ['person'];
    if (!allowed.includes(holder.kind)) setHolder(emptyHolder(allowed));
  }

  return (
    <section aria-labelledby={`${idPrefix}-heading`} className="section subsection">
      <Heading level={3} data-size="xs" id={`${idPrefix}-heading`}>
        {heading}
      </Heading>
      {rolesError != null && (
        <Alert data-color="danger" role="alert">
          {isApiError(rolesError) ? rolesError.message : t('errors.unexpected')}
        </Alert>
      )}
      <FormProblems errors={errors} />
      <form className="form" noValidate onSubmit={onSubmit}>
        <SelectField
          id={errors.id('roleKey')}
          label={t('unitRoles.fields.role')}
          description={role?.description || t('unitRoles.fields.roleHint')}
          value={roleKey}
          onChange={chooseRole}
          placeholder={t('unitRoles.fields.rolePlaceholder')}
          options={roles.map((r) => ({ value: r.key, label: r.name }))}
          error={errors.fields.roleKey}
          required
        />
        <HolderPicker
          key={pickerKey}
          id={errors.id('principal')}
          contactFieldId={errors.id('contactId')}
          kinds={kinds}
          value={holder}
          onChange={setHolder}
          legend={kinds.length > 1 ? t('unitRoles.fields.holder') : t('unitRoles.fields.person')}
          error={errors.fields.principal}
          contactError={errors.fields.contactId}
        />
        <Textfield
          id={errors.id('validFrom')}
          label={t('unitRoles.fields.validFrom')}
          type="date"
          value={validFrom}
          onChange={(e) => setValidFrom(e.target.value)}
          error={errors.fields.validFrom}
        />
        <div className="actions">
          <Button type="submit" loading={assign.isPending}>
            {t('unitRoles.assignSubmit')}
          </Button>
        </div>
      </form>
    </section>
  );
}

const HANDOVER_FIELDS = ['principal', 'contactId', 'date'] as const;

/** Hands a role over to someone else: the old holding ends the day the new one starts. */
export function HandoverDialog({
  holding,
  subjectKind,
  onClose,
  onDone,
}: {
  holding: RoleHolding;
  subjectKind: RoleSubject['kind'];
  onClose: () => void;
  onDone: (result: HandoverResult) => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const holderName = useHolderName();
  const roles = useRoles();
  const kinds = roles.data?.items.find((r) => r.key === holding.roleKey)?.holderKinds ?? ['person'];
  const [chosen, setHolder] = useState<HolderChoice>(emptyHolder());
  const holder = kinds.includes(chosen.kind) ? chosen : emptyHolder(kinds);
  const [date, setDate] = useState(todayIso());
  const errors = useFormErrors(HANDOVER_FIELDS, FORM_IDS[subjectKind].handover);
  const name = holderName(holding.holder);

  const handover = useMutation({
    mutationFn: (principal: PrincipalInput) => handOver(holding.id, principal, date || undefined),
    onSuccess: onDone,
    onError: (error) => errors.showApiError(error, t('errors.unexpected')),
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (handover.isPending) return;
    const principal = principalOf(holder);
    if (!principal) {
      errors.showClientErrors({ principal: t(holderRequiredKey(holder.kind)) });
      return;
    }
    errors.clear();
    handover.mutate(principal);
  }

  return (
    <Dialog open onClose={onClose} closeButton={t('common.close')} aria-labelledby={headingId}>
      <Dialog.Block>
        <Heading level={2} data-size="xs" id={headingId}>
          {t('unitRoles.handOverTitle', { role: holding.roleName, name })}
        </Heading>
      </Dialog.Block>
      <Dialog.Block>
        <Paragraph>{t('unitRoles.handOverText', { role: holding.roleName, name })}</Paragraph>
        <FormProblems errors={errors} />
        <form className="form" noValidate onSubmit={onSubmit}>
          <HolderPicker
            id={errors.id('principal')}
            contactFieldId={errors.id('contactId')}
            kinds={kinds}
            value={holder}
            onChange={setHolder}
            legend={t('unitRoles.fields.successor')}
            error={errors.fields.principal}
            contactError={errors.fields.contactId}
            exclude={holding.holder}
          />
          <Textfield
            id={errors.id('date')}
            label={t('unitRoles.fields.handOverDate')}
            type="date"
            value={date}
            onChange={(e) => setDate(e.target.value)}
            error={errors.fields.date}
          />
          <div className="actions">
            <Button type="submit" loading={handover.isPending}>
              {t('unitRoles.handOverSubmit')}
            </Button>
            <Button type="button" variant="secondary" onClick={onClose}>
              {t('common.cancel')}
            </Button>
          </div>
        </form>
      </Dialog.Block>
    </Dialog>
  );
}
