import { Button, Textfield } from '@digdir/designsystemet-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FocusAlert } from '../../components/FocusAlert.tsx';
import { FormProblems } from '../../components/FormErrorSummary.tsx';
import { useFormErrors, type FieldMessages } from '../../components/forms.ts';
import { SelectField } from '../../components/SelectField.tsx';
import { useVersionedSave } from '../../components/versionedSave.ts';
import { getUnit, orgKeys, updateUnit, UNIT_FUNCTIONS, UNIT_KINDS, type OrgUnitDetail, type UnitFunction, type UnitKind } from '../../api/org.ts';
import { useFunctionLabel, useKindLabel } from './labels.ts';

const FIELDS = ['name', 'kind', 'code', 'externalId', 'function'] as const;
type Field = (typeof FIELDS)[number];

interface Values {
  name: string;
  kind: UnitKind;
  code: string;
  externalId: string;
  function: UnitFunction | '';
}

const valuesOf = (unit: OrgUnitDetail): Values => ({
  name: unit.name,
  kind: unit.kind,
  code: unit.code ?? '',
  externalId: unit.externalId ?? '',
  function: unit.function ?? '',
});

/**
 * Changes a unit's details. The version read with the unit goes with the change; if someone else
 * saved in between, the server answers 409 and the form shows their values to start again from.
 */
export function EditUnitForm({ unit }: { unit: OrgUnitDetail }) {
  const { t } = useTranslation();
  const kindLabel = useKindLabel();
  const functionLabel = useFunctionLabel();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Values>(() => valuesOf(unit));
  const errors = useFormErrors(FIELDS, `edit-unit-${unit.id}`);
  const set = <K extends keyof Values>(field: K) => (value: Values[K]) => setValues((v) => ({ ...v, [field]: value }));

  const { notice, onSubmit, isPending } = useVersionedSave<Field>({
    errors,
    // The version this page last read; the page's query is updated after every save or conflict.
    save: () =>
      updateUnit(unit.id, {
        version: unit.version,
        name: values.name.trim(),
        kind: values.kind,
        code: values.code.trim() || null,
        externalId: values.externalId.trim() || null,
        function: values.function || null,
      }),
    reload: async () => {
      const fresh = await getUnit(unit.id);
      queryClient.setQueryData(orgKeys.unit(unit.id), fresh);
      setValues(valuesOf(fresh));
      void queryClient.invalidateQueries({ queryKey: orgKeys.all });
    },
    validate: () => {
      const found: FieldMessages<Field> = {};
      if (!values.name.trim()) found.name = t('org.validation.nameRequired');
      return found;
    },
  });

  return (
    <>
      {notice?.kind === 'conflict' && (
        <FocusAlert color="warning" focusKey={notice.at}>
          {t('org.conflict')}
        </FocusAlert>
      )}
      {notice?.kind === 'saved' && (
        <FocusAlert color="success" focusKey={notice.at}>
          {t('org.saved')}
        </FocusAlert>
      )}
      <FormProblems errors={errors} />
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
          onChange={(v) => set('kind')(v as UnitKind)}
          options={UNIT_KINDS.map((kind) => ({ value: kind, label: kindLabel(kind) }))}
          error={errors.fields.kind}
          required
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
        <Textfield
          id={errors.id('externalId')}
          label={t('org.fields.externalId')}
          description={t('org.fields.externalIdHint')}
          autoComplete="off"
          value={values.externalId}
          onChange={(e) => set('externalId')(e.target.value)}
          error={errors.fields.externalId}
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
          <Button type="submit" loading={isPending}>
            {t('org.saveSubmit')}
          </Button>
        </div>
      </form>
    </>
  );
}
