import { Alert, Button, Dialog, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { FormProblems } from '../../components/FormErrorSummary.tsx';
import { useFormErrors, type FieldMessages } from '../../components/forms.ts';
import { SelectField } from '../../components/SelectField.tsx';
import { assignRole, handOver, today, type RoleDefinition, type RoleHolding } from '../../api/org.ts';
import type { ResponseOf } from '../../api/types.ts';
import { PersonPicker } from './PersonPicker.tsx';
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

const ASSIGN_FIELDS = ['roleKey', 'personId', 'validFrom'] as const;
type AssignField = (typeof ASSIGN_FIELDS)[number];

function assignTo(subject: RoleSubject, input: { roleKey: string; personId: string; validFrom?: string }) {
  return subject.kind === 'unit'
    ? assignRole({ ...input, subjectKind: 'unit', subjectId: subject.id })
    : assignSystemRole({ ...input, subjectId: subject.id });
}

/** Gives a person one of the given roles for the subject. */
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
  const [personId, setPersonId] = useState('');
  const [validFrom, setValidFrom] = useState(today());
  const [pickerKey, setPickerKey] = useState(0);
  const errors = useFormErrors(ASSIGN_FIELDS, idPrefix);
  const role = roles.find((r) => r.key === roleKey);

  const assign = useMutation({
    mutationFn: () => assignTo(subject, { roleKey, personId, validFrom: validFrom || undefined }),
    onSuccess: (holding) => {
      setRoleKey('');
      setPersonId('');
      setValidFrom(today());
      setPickerKey((k) => k + 1);
      onAssigned(holding);
    },
    onError: (error) => errors.showApiError(error, t('errors.unexpected')),
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (assign.isPending) return;
    const found: FieldMessages<AssignField> = {};
    if (!roleKey) found.roleKey = t('unitRoles.validation.roleRequired');
    if (!personId) found.personId = t('unitRoles.validation.personRequired');
    if (Object.keys(found).length > 0) {
      errors.showClientErrors(found);
      return;
    }
    errors.clear();
    assign.mutate();
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
          onChange={setRoleKey}
          placeholder={t('unitRoles.fields.rolePlaceholder')}
          options={roles.map((r) => ({ value: r.key, label: r.name }))}
          error={errors.fields.roleKey}
          required
        />
        <PersonPicker
          key={pickerKey}
          id={errors.id('personId')}
          legend={t('unitRoles.fields.person')}
          value={personId}
          onChange={setPersonId}
          error={errors.fields.personId}
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

const HANDOVER_FIELDS = ['personId', 'date'] as const;

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
  const [personId, setPersonId] = useState('');
  const [date, setDate] = useState(today());
  const errors = useFormErrors(HANDOVER_FIELDS, FORM_IDS[subjectKind].handover);

  const handover = useMutation({
    mutationFn: () => handOver(holding.id, personId, date || undefined),
    onSuccess: onDone,
    onError: (error) => errors.showApiError(error, t('errors.unexpected')),
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (handover.isPending) return;
    if (!personId) {
      errors.showClientErrors({ personId: t('unitRoles.validation.personRequired') });
      return;
    }
    errors.clear();
    handover.mutate();
  }

  return (
    <Dialog open onClose={onClose} closeButton={t('common.close')} aria-labelledby={headingId}>
      <Dialog.Block>
        <Heading level={2} data-size="xs" id={headingId}>
          {t('unitRoles.handOverTitle', { role: holding.roleName, name: holding.person.name })}
        </Heading>
      </Dialog.Block>
      <Dialog.Block>
        <Paragraph>{t('unitRoles.handOverText', { role: holding.roleName, name: holding.person.name })}</Paragraph>
        <FormProblems errors={errors} />
        <form className="form" noValidate onSubmit={onSubmit}>
          <PersonPicker
            id={errors.id('personId')}
            legend={t('unitRoles.fields.successor')}
            value={personId}
            onChange={setPersonId}
            error={errors.fields.personId}
            excludeId={holding.person.id}
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
