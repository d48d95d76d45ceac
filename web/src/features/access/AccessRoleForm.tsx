import { Button, Checkbox, Dialog, Heading, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { accessKeys, createAccessRole, updateAccessRole, type AccessRole } from '../../api/access.ts';
import { FocusAlert } from '../../components/FocusAlert.tsx';
import { FormProblems } from '../../components/FormErrorSummary.tsx';
import { useFormErrors } from '../../components/forms.ts';

const FIELDS = ['name', 'description', 'privileged', 'status'] as const;

interface Values {
  name: string;
  description: string;
  privileged: boolean;
  retired: boolean;
}

const valuesOf = (role: AccessRole | null): Values => ({
  name: role?.name ?? '',
  description: role?.description ?? '',
  privileged: role?.privileged ?? false,
  retired: role?.status === 'retired',
});

interface FormProps {
  systemId: string;
  /** The access role to change; none: a new one. */
  role?: AccessRole | null;
  /** After a save, with the notice to show. */
  onSaved: (text: string) => void;
  /** Someone else changed the access role first (409): the page reads it again. */
  onConflict?: () => void;
}

/**
 * An access role's name (as the system spells it), what it gives, whether it is privileged, and (when changed)
 * whether it is retired. 400 field messages are shown at the fields and in the summary.
 */
export function AccessRoleForm({ systemId, role = null, onSaved, onConflict }: FormProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Values>(() => valuesOf(role));
  const errors = useFormErrors(FIELDS, role ? `access-role-${role.id}` : `access-role-new-${systemId}`);

  const save = useMutation({
    mutationFn: () => {
      const description = values.description.trim() || null;
      if (!role) return createAccessRole(systemId, { name: values.name.trim(), description, privileged: values.privileged });
      return updateAccessRole(systemId, role.id, {
        version: role.version,
        name: values.name.trim(),
        description,
        privileged: values.privileged,
        status: values.retired ? 'retired' : 'active',
      });
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: accessKeys.roles(systemId) });
      void queryClient.invalidateQueries({ queryKey: accessKeys.grants(systemId) });
      onSaved(role ? t('access.roles.saved', { name: saved.name }) : t('access.roles.added', { name: saved.name }));
    },
    onError: async (error) => {
      if (isApiError(error) && error.status === 409 && error.code === 'conflict' && onConflict) {
        errors.clear();
        await queryClient.invalidateQueries({ queryKey: accessKeys.roles(systemId) });
        onConflict();
        return;
      }
      errors.showApiError(error, t('errors.unexpected'));
    },
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (save.isPending) return;
    if (!values.name.trim()) return errors.showClientErrors({ name: t('access.roles.nameRequired') });
    errors.clear();
    save.mutate();
  }

  return (
    <>
      <FormProblems errors={errors} />
      <form className="form" noValidate onSubmit={onSubmit}>
        <Textfield
          id={errors.id('name')}
          label={t('access.roles.name')}
          description={t('access.roles.nameHint')}
          value={values.name}
          onChange={(e) => setValues((v) => ({ ...v, name: e.target.value }))}
          error={errors.fields.name}
        />
        <Textfield
          id={errors.id('description')}
          label={t('access.roles.description')}
          description={t('access.roles.descriptionHint')}
          multiline
          rows={2}
          value={values.description}
          onChange={(e) => setValues((v) => ({ ...v, description: e.target.value }))}
          error={errors.fields.description}
        />
        <Checkbox
          id={errors.id('privileged')}
          label={t('access.roles.privilegedLabel')}
          description={t('access.roles.privilegedHint')}
          checked={values.privileged}
          onChange={(e) => setValues((v) => ({ ...v, privileged: e.target.checked }))}
          error={errors.fields.privileged}
        />
        {role && (
          <Checkbox
            id={errors.id('status')}
            label={t('access.roles.retiredLabel')}
            description={t('access.roles.retiredHint')}
            checked={values.retired}
            onChange={(e) => setValues((v) => ({ ...v, retired: e.target.checked }))}
            error={errors.fields.status}
          />
        )}
        <div className="actions">
          <Button type="submit" loading={save.isPending}>
            {role ? t('access.roles.saveSubmit') : t('access.roles.addSubmit')}
          </Button>
        </div>
      </form>
    </>
  );
}

/** Changes one access role in a dialog; a conflict reads it again and says so, with the other person's values. */
export function EditAccessRoleDialog({
  systemId,
  role,
  onSaved,
  onClose,
}: {
  systemId: string;
  role: AccessRole | null;
  onSaved: (text: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const [conflict, setConflict] = useState(0);
  return (
    <Dialog open onClose={onClose} closeButton={t('common.close')} aria-labelledby={headingId}>
      <Dialog.Block>
        <Heading level={2} data-size="xs" id={headingId}>
          {t('access.roles.editHeading', { name: role?.name ?? '' })}
        </Heading>
      </Dialog.Block>
      <Dialog.Block>
        {conflict > 0 && (
          <FocusAlert color="warning" focusKey={conflict}>
            {t('access.roles.conflict')}
          </FocusAlert>
        )}
        {role && (
          <AccessRoleForm
            key={role.version}
            systemId={systemId}
            role={role}
            onSaved={onSaved}
            onConflict={() => setConflict((n) => n + 1)}
          />
        )}
      </Dialog.Block>
    </Dialog>
  );
}
