import { Button, Fieldset, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { useFormErrors, type FieldMessages } from '../../components/forms.ts';
import { SelectField } from '../../components/SelectField.tsx';
import { isDay } from '../../api/audit.ts';
import { AUDIT_ENTITY_TYPES, useCodeLabel } from './labels.ts';

/** The filter form's values: calendar days as yyyy-mm-dd, as <input type=date> gives them. */
export interface FilterValues {
  entityType: string;
  from: string;
  to: string;
}

const FIELDS = ['entityType', 'from', 'to'] as const;
type Field = (typeof FIELDS)[number];

interface Props {
  initial: FilterValues;
  onApply: (values: FilterValues) => void;
}

export function AuditFilters({ initial, onApply }: Props) {
  const { t } = useTranslation();
  const [values, setValues] = useState<FilterValues>(initial);
  const errors = useFormErrors(FIELDS, 'audit-filter');
  const entityLabel = useCodeLabel('entityTypes');
  const set = (field: Field) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: e.target.value }));

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const found: FieldMessages<Field> = {};
    if (values.from && !isDay(values.from)) found.from = t('validation.dateInvalid');
    if (values.to && !isDay(values.to)) found.to = t('validation.dateInvalid');
    if (!found.from && !found.to && values.from && values.to && values.from > values.to) {
      found.to = t('validation.toBeforeFrom');
    }
    if (Object.keys(found).length > 0) {
      errors.showClientErrors(found);
      return;
    }
    errors.clear();
    onApply({ ...values, entityType: values.entityType.trim() });
  }

  function onReset() {
    const empty = { entityType: '', from: '', to: '' };
    setValues(empty);
    errors.clear();
    onApply(empty);
  }

  return (
    <>
      <FormErrorSummary key={errors.attempt} items={errors.summary} />
      <form className="filters" noValidate onSubmit={onSubmit} aria-label={t('audit.filterLabel')}>
        <Fieldset>
          <Fieldset.Legend>{t('audit.filterLegend')}</Fieldset.Legend>
          <div className="filters__fields">
            <SelectField
              id={errors.id('entityType')}
              label={t('audit.entityTypeFilter')}
              value={values.entityType}
              onChange={(entityType) => setValues((v) => ({ ...v, entityType }))}
              options={AUDIT_ENTITY_TYPES.map((type) => ({ value: type, label: entityLabel(type) ?? type }))}
              placeholder={t('audit.allObjects')}
              error={errors.fields.entityType}
            />
            <Textfield
              id={errors.id('from')}
              label={t('audit.fromDate')}
              type="date"
              value={values.from}
              onChange={set('from')}
              error={errors.fields.from}
            />
            <Textfield
              id={errors.id('to')}
              label={t('audit.toDate')}
              type="date"
              value={values.to}
              onChange={set('to')}
              error={errors.fields.to}
            />
          </div>
        </Fieldset>
        <div className="actions">
          <Button type="submit">{t('audit.applyFilter')}</Button>
          <Button type="button" variant="tertiary" onClick={onReset}>
            {t('audit.clearFilter')}
          </Button>
        </div>
      </form>
    </>
  );
}
