import { Checkbox, Fieldset, Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { FieldMessages } from '../../components/forms.ts';
import { SelectField } from '../../components/SelectField.tsx';
import { PersonPicker } from '../people/PersonPicker.tsx';
import type { AgreementField, AgreementValues } from './agreementForm.ts';
import { AGREEMENT_KINDS, CLAUSES, type Ref } from './api.ts';
import { useAgreementLabels } from './labels.ts';
import { SupplierPicker } from './SupplierPicker.tsx';

interface Props {
  values: AgreementValues;
  onChange: (update: (values: AgreementValues) => AgreementValues) => void;
  errors: { fields: FieldMessages<AgreementField>; id: (name: AgreementField) => string };
  /** The saved supplier and responsible person, so the pickers show them before any search. */
  supplier?: Ref | null;
  responsible?: Ref | null;
}

/** The facts of an agreement, shared by the create and edit forms, grouped as a contract register talks about them. */
export function AgreementFields({ values, onChange, errors, supplier, responsible }: Props) {
  const { t } = useTranslation();
  const labels = useAgreementLabels();
  const set = (field: Exclude<keyof AgreementValues, 'clauses' | 'autoRenewal'>) => (value: string) => onChange((v) => ({ ...v, [field]: value }));
  const text = (field: 'title' | 'reference' | 'documentUrl', extra: { required?: boolean; description?: string; type?: 'url' } = {}) => (
    <Textfield
      id={errors.id(field)}
      label={t(`agreements.fields.${field}`)}
      description={extra.description}
      type={extra.type}
      required={extra.required}
      autoComplete="off"
      value={values[field]}
      onChange={(e) => set(field)(e.target.value)}
      error={errors.fields[field]}
    />
  );
  const date = (field: 'startDate' | 'endDate', description?: string) => (
    <Textfield
      id={errors.id(field)}
      label={t(`agreements.fields.${field}`)}
      description={description}
      type="date"
      className="narrow-field"
      value={values[field]}
      onChange={(e) => set(field)(e.target.value)}
      error={errors.fields[field]}
    />
  );

  return (
    <>
      <Fieldset className="form-group">
        <Fieldset.Legend>{t('agreements.form.basics')}</Fieldset.Legend>
        <SelectField
          id={errors.id('kind')}
          label={t('agreements.fields.kind')}
          value={values.kind}
          onChange={set('kind')}
          placeholder={t('agreements.form.chooseKind')}
          options={AGREEMENT_KINDS.map((k) => ({ value: k, label: labels.kind(k) }))}
          error={errors.fields.kind}
          required
        />
        {text('title', { required: true })}
        {text('reference', { description: t('agreements.fields.referenceHint') })}
        <SupplierPicker
          id={errors.id('supplierId')}
          legend={t('agreements.fields.supplierId')}
          description={t('agreements.fields.supplierHint')}
          value={values.supplierId}
          onChange={set('supplierId')}
          current={supplier}
          error={errors.fields.supplierId}
        />
        <PersonPicker
          id={errors.id('responsiblePersonId')}
          legend={t('agreements.fields.responsiblePersonId')}
          description={t('agreements.fields.responsibleHint')}
          value={values.responsiblePersonId}
          onChange={set('responsiblePersonId')}
          current={responsible}
          placeholder={t('agreements.form.noResponsible')}
          error={errors.fields.responsiblePersonId}
        />
      </Fieldset>
      <Fieldset className="form-group">
        <Fieldset.Legend>{t('agreements.form.period')}</Fieldset.Legend>
        {date('startDate')}
        {date('endDate', t('agreements.fields.endDateHint'))}
        <Textfield
          id={errors.id('noticeMonths')}
          label={t('agreements.fields.noticeMonths')}
          description={t('agreements.fields.noticeMonthsHint')}
          inputMode="numeric"
          className="narrow-field"
          autoComplete="off"
          value={values.noticeMonths}
          onChange={(e) => set('noticeMonths')(e.target.value)}
          error={errors.fields.noticeMonths}
        />
        <Checkbox
          id={errors.id('autoRenewal')}
          label={t('agreements.fields.autoRenewal')}
          description={t('agreements.fields.autoRenewalHint')}
          checked={values.autoRenewal}
          onChange={(e) => onChange((v) => ({ ...v, autoRenewal: e.target.checked }))}
        />
        {text('documentUrl', { type: 'url', description: t('agreements.fields.documentUrlHint') })}
      </Fieldset>
      <Fieldset className="form-group">
        <Fieldset.Legend>{t('agreements.form.clauses')}</Fieldset.Legend>
        <Fieldset.Description>{t('agreements.form.clausesHint')}</Fieldset.Description>
        <div className="clause-fields">
          {CLAUSES.map((c) => (
            <SelectField
              key={c}
              id={errors.id(c)}
              label={labels.clause(c)}
              value={values.clauses[c]}
              onChange={(value) => onChange((v) => ({ ...v, clauses: { ...v.clauses, [c]: value as '' | 'true' | 'false' } }))}
              options={[
                { value: '', label: labels.yesNo(null) },
                { value: 'true', label: labels.yesNo(true) },
                { value: 'false', label: labels.yesNo(false) },
              ]}
              error={errors.fields[c]}
            />
          ))}
        </div>
      </Fieldset>
      <Textfield
        id={errors.id('note')}
        label={t('agreements.fields.note')}
        multiline
        rows={3}
        value={values.note}
        onChange={(e) => set('note')(e.target.value)}
        error={errors.fields.note}
      />
    </>
  );
}
