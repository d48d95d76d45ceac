import { Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { FieldMessages } from '../../components/forms.ts';
import type { SupplierDetail, SupplierInput } from './api.ts';

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
  const set = (field: SupplierField) => (value: string) => onChange({ ...values, [field]: value });
  return (
    <>
      <Textfield
        id={errors.id('name')}
        label={t('suppliers.fields.name')}
        autoComplete="off"
        required
        value={values.name}
        onChange={(e) => set('name')(e.target.value)}
        error={errors.fields.name}
      />
      <Textfield
        id={errors.id('orgNumber')}
        label={t('suppliers.fields.orgNumber')}
        description={t('suppliers.fields.orgNumberHint')}
        autoComplete="off"
        inputMode="numeric"
        className="narrow-field"
        value={values.orgNumber}
        onChange={(e) => set('orgNumber')(e.target.value)}
        error={errors.fields.orgNumber}
      />
      <Textfield
        id={errors.id('website')}
        label={t('suppliers.fields.website')}
        description={t('suppliers.fields.websiteHint')}
        type="url"
        autoComplete="off"
        value={values.website}
        onChange={(e) => set('website')(e.target.value)}
        error={errors.fields.website}
      />
      <Textfield
        id={errors.id('note')}
        label={t('suppliers.fields.note')}
        multiline
        rows={3}
        value={values.note}
        onChange={(e) => set('note')(e.target.value)}
        error={errors.fields.note}
      />
    </>
  );
}

/** Checks in the browser what needs no server; the server validates everything again. */
export function validateSupplier(values: SupplierValues, t: (key: string) => string): FieldMessages<SupplierField> {
  const found: FieldMessages<SupplierField> = {};
  if (!values.name.trim()) found.name = t('suppliers.validation.nameRequired');
  return found;
}
