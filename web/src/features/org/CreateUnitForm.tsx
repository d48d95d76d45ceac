import { Button, Heading, Link, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { FocusAlert } from '../../components/FocusAlert.tsx';
import { FormProblems } from '../../components/FormErrorSummary.tsx';
import { useFormErrors, type FieldMessages } from '../../components/forms.ts';
import { SelectField } from '../../components/SelectField.tsx';
import { createUnit, orgKeys, UNIT_FUNCTIONS, UNIT_KINDS, type OrgUnit, type UnitFunction, type UnitKind } from '../../api/org.ts';
import { useFunctionLabel, useKindLabel } from './labels.ts';
import { UnitSelect } from '../shared/UnitSelect.tsx';

const FIELDS = ['name', 'kind', 'parentId', 'code', 'function'] as const;
type Field = (typeof FIELDS)[number];

interface Values {
  name: string;
  kind: UnitKind | '';
  parentId: string;
  code: string;
  function: UnitFunction | '';
}

const EMPTY: Values = { name: '', kind: '', parentId: '', code: '', function: '' };

/** Creates an org unit; the form stays for the next one and links to the unit just made. */
export function CreateUnitForm({ defaultParentId = '' }: { defaultParentId?: string }) {
  const { t } = useTranslation();
  const kindLabel = useKindLabel();
  const functionLabel = useFunctionLabel();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Values>({ ...EMPTY, parentId: defaultParentId });
  const [created, setCreated] = useState<OrgUnit | null>(null);
  const errors = useFormErrors(FIELDS, 'create-unit');
  const set = <K extends keyof Values>(field: K) => (value: Values[K]) => setValues((v) => ({ ...v, [field]: value }));

  const create = useMutation({
    mutationFn: () =>
      createUnit({
        name: values.name.trim(),
        kind: values.kind as UnitKind,
        parentId: values.parentId || null,
        code: values.code.trim() || undefined,
        function: values.function || null,
      }),
    onSuccess: (unit) => {
      setCreated(unit);
      // Keep the parent: units are often added several under the same one.
      setValues((v) => ({ ...EMPTY, parentId: v.parentId }));
      void queryClient.invalidateQueries({ queryKey: orgKeys.all });
    },
    onError: (error) => errors.showApiError(error, t('errors.unexpected')),
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (create.isPending) return;
    const found: FieldMessages<Field> = {};
    if (!values.name.trim()) found.name = t('org.validation.nameRequired');
    if (!values.kind) found.kind = t('org.validation.kindRequired');
    if (Object.keys(found).length > 0) {
      setCreated(null);
      errors.showClientErrors(found);
      return;
    }
    errors.clear();
    setCreated(null);
    create.mutate();
  }

  return (
    <section aria-labelledby="create-unit-heading" className="section">
      <Heading level={2} data-size="sm" id="create-unit-heading">
        {t('org.createHeading')}
      </Heading>
      <FormProblems errors={errors} />
      {created && (
        <FocusAlert color="success" focusKey={created.id}>
          {t('org.created', { name: created.name })}{' '}
          <Link asChild>
            <RouterLink to={`/organisation/${created.id}`}>{t('org.openUnit', { name: created.name })}</RouterLink>
          </Link>
        </FocusAlert>
      )}
      <form className="form" noValidate onSubmit={onSubmit}>
        <Textfield
          id={errors.id('name')}
          label={t('org.fields.name')}
          autoComplete="off"
          required
          value={values.name}
          onChange={(e) => set('name')(e.target.value)}
          error={errors.fields.name}
        />
        <SelectField
          id={errors.id('kind')}
          label={t('org.fields.kind')}
          value={values.kind}
          onChange={(v) => set('kind')(v as UnitKind | '')}
          placeholder={t('org.fields.kindPlaceholder')}
          options={UNIT_KINDS.map((kind) => ({ value: kind, label: kindLabel(kind) }))}
          error={errors.fields.kind}
          required
        />
        <UnitSelect
          id={errors.id('parentId')}
          label={t('org.fields.parent')}
          description={t('org.fields.parentHint')}
          value={values.parentId}
          onChange={set('parentId')}
          placeholder={t('org.fields.noParent')}
          error={errors.fields.parentId}
        />
        <Textfield
          id={errors.id('code')}
          label={t('org.fields.code')}
          description={t('org.fields.codeHint')}
          autoComplete="off"
          value={values.code}
          onChange={(e) => set('code')(e.target.value)}
          error={errors.fields.code}
        />
        <SelectField
          id={errors.id('function')}
          label={t('org.fields.function')}
          description={t('org.fields.functionHint')}
          value={values.function}
          onChange={(v) => set('function')(v as UnitFunction | '')}
          placeholder={t('org.function.none')}
          options={UNIT_FUNCTIONS.map((fn) => ({ value: fn, label: functionLabel(fn) ?? fn }))}
          error={errors.fields.function}
        />
        <div className="actions">
          <Button type="submit" loading={create.isPending}>
            {t('org.createSubmit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
