import { Checkbox, Fieldset, Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { bindFields } from '../../components/fieldBinding.ts';
import type { FieldMessages } from '../../components/forms.ts';
import { SelectField } from '../../components/SelectField.tsx';
import { PersonPicker } from '../shared/PersonPicker.tsx';
import type { AgreementField, AgreementValues } from './agreementForm.ts';
import { AGREEMENT_KINDS, CLAUSES, type Ref } from '../../api/agreements.ts';
import { useAgreementLabels } from './labels.ts';
import { SupplierPicker } from '../shared/SupplierPicker.tsx';

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
  const field = bindFields(values, (name, value) => onChange((v) => ({ ...v, [name]: value })), errors);
  const text = (name: 'title' | 'reference' | 'documentUrl', extra: { required?: boolean; description?: string; type?: 'url' } = {}) => (
    <Textfield
      {...field.text(name)}
      label={t(`agreements.fields.${name}`)}
      description={extra.description}
      type={extra.type}
      required={extra.required}
      autoComplete="off"
    />
  );
  const date = (name: 'startDate' | 'endDate', description?: string) => (
    <Textfield {...field.text(name)} label={t(`agreements.fields.${name}`)} description={description} type="date" className="narrow-field" />
  );

  return (
    <>
      <Fieldset className="form-group">
        <Fieldset.Legend>{t('agreements.form.basics')}</Fieldset.Legend>
        <SelectField
          {...field.choice('kind')}
          label={t('agreements.fields.kind')}
          placeholder={t('agreements.form.chooseKind')}
          options={AGREEMENT_KINDS.map((k) => ({ value: k, label: labels.kind(k) }))}
          required
        />
        {text('title', { required: true })}
        {text('reference', { description: t('agreements.fields.referenceHint') })}
        <SupplierPicker
          {...field.choice('supplierId')}
          legend={t('agreements.fields.supplierId')}
          description={t('agreements.fields.supplierHint')}
          current={supplier}
        />
        <PersonPicker
          {...field.choice('responsiblePersonId')}
          legend={t('agreements.fields.responsiblePersonId')}
          description={t('agreements.fields.responsibleHint')}
          current={responsible}
          placeholder={t('agreements.form.noResponsible')}
        />
      </Fieldset>
      <Fieldset className="form-group">
        <Fieldset.Legend>{t('agreements.form.period')}</Fieldset.Legend>
        {date('startDate')}
        {date('endDate', t('agreements.fields.endDateHint'))}
        <Textfield
          {...field.text('noticeMonths')}
          label={t('agreements.fields.noticeMonths')}
          description={t('agreements.fields.noticeMonthsHint')}
          inputMode="numeric"
          className="narrow-field"
          autoComplete="off"
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
      <Textfield {...field.text('note')} label={t('agreements.fields.note')} multiline rows={3} />
    </>
  );
}
