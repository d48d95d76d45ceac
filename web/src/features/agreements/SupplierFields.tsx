import { Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { bindFields } from '../../components/fieldBinding.ts';
import type { FieldMessages } from '../../components/forms.ts';
import type { SupplierDetail, SupplierInput } from '../../api/agreements.ts';

export const SUPPLIER_FIELDS = ['name', 'orgNumber', 'website', 'note'] as const;
export type SupplierField = (typeof SUPPLIER_FIELDS)[number];
export type SupplierValues = Record<SupplierField, string>;

export const EMPTY_SUPPLIER: SupplierValues = { name: '', orgNumber: '', website: '', note: '' };

export const supplierValuesOf = (s: SupplierDetail): SupplierValues => ({
  name: s.name,
  orgNumber: s.orgNumber ?? '',
  website: s.website ?? '',
  note: s.note ?? '',
});

export const supplierInputOf = (v: SupplierValues): SupplierInput => ({
  name: v.name.trim(),
  orgNumber: v.orgNumber.trim() || null,
  website: v.website.trim() || null,
  note: v.note.trim() || null,
});

interface Props {
  values: SupplierValues;
  onChange: (values: SupplierValues) => void;
  errors: { fields: FieldMessages<SupplierField>; id: (name: SupplierField) => string };
}

/** The facts of a supplier, shared by the create and edit forms. The server checks the organisation number. */
export function SupplierFields({ values, onChange, errors }: Props) {
  const { t } = useTranslation();
  const field = bindFields(values, (name, value) => onChange({ ...values, [name]: value }), errors);
  return (
    <>
      <Textfield {...field.text('name')} label={t('suppliers.fields.name')} autoComplete="off" required />
      <Textfield
        {...field.text('orgNumber')}
        label={t('suppliers.fields.orgNumber')}
        description={t('suppliers.fields.orgNumberHint')}
        autoComplete="off"
        inputMode="numeric"
        className="narrow-field"
      />
      <Textfield {...field.text('website')} label={t('suppliers.fields.website')} description={t('suppliers.fields.websiteHint')} type="url" autoComplete="off" />
      <Textfield {...field.text('note')} label={t('suppliers.fields.note')} multiline rows={3} />
    </>
  );
}

/** Checks in the browser what needs no server; the server validates everything again. */
export function validateSupplier(values: SupplierValues, t: (key: string) => string): FieldMessages<SupplierField> {
  const found: FieldMessages<SupplierField> = {};
  if (!values.name.trim()) found.name = t('suppliers.validation.nameRequired');
  return found;
}
