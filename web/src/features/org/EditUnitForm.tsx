import { Button, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { FocusAlert } from '../../components/FocusAlert.tsx';
import { FormProblems } from '../../components/FormErrorSummary.tsx';
import { useFormErrors, type FieldMessages } from '../../components/forms.ts';
import { SelectField } from '../../components/SelectField.tsx';
import { getUnit, orgKeys, updateUnit, UNIT_FUNCTIONS, UNIT_KINDS, type OrgUnitDetail, type UnitFunction, type UnitKind } from './api.ts';
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
  const [notice, setNotice] = useState<{ kind: 'saved' | 'conflict'; at: number } | null>(null);
  const errors = useFormErrors(FIELDS, `edit-unit-${unit.id}`);
  const set = <K extends keyof Values>(field: K) => (value: Values[K]) => setValues((v) => ({ ...v, [field]: value }));

  const save = useMutation({
    mutationFn: () =>
      // The version this page last read; the page's query is updated after every save or conflict.
      updateUnit(unit.id, {
        version: unit.version,
        name: values.name.trim(),
        kind: values.kind,
        code: values.code.trim() || null,
        externalId: values.externalId.trim() || null,
        function: values.function || null,
      }),
    onSuccess: async () => {
      const fresh = await getUnit(unit.id);
      queryClient.setQueryData(orgKeys.unit(unit.id), fresh);
      setValues(valuesOf(fresh));
      setNotice({ kind: 'saved', at: Date.now() });
      void queryClient.invalidateQueries({ queryKey: orgKeys.all });
    },
    onError: async (error) => {
      if (isApiError(error) && error.status === 409) {
        // Someone else saved first: show what is stored now, and let the user redo their change.
        try {
          const fresh = await getUnit(unit.id);
          queryClient.setQueryData(orgKeys.unit(unit.id), fresh);
          setValues(valuesOf(fresh));
        } catch {
          // the warning below still applies; the page's own query will show any load error
        }
        errors.clear();
        setNotice({ kind: 'conflict', at: Date.now() });
        return;
      }
      errors.showApiError(error, t('errors.unexpected'));
    },
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (save.isPending) return;
    setNotice(null);
    const found: FieldMessages<Field> = {};
    if (!values.name.trim()) found.name = t('org.validation.nameRequired');
    if (Object.keys(found).length > 0) {
      errors.showClientErrors(found);
      return;
    }
    errors.clear();
    save.mutate();
  }

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
          <Button type="submit" loading={save.isPending}>
            {t('org.saveSubmit')}
          </Button>
        </div>
      </form>
    </>
  );
}
