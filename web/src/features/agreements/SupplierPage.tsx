import { Details, Heading, Link, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useLocation, useParams } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { FocusAlert } from '../../components/FocusAlert.tsx';
import { formatDateTime } from '../../components/format.ts';
import { useFormErrors } from '../../components/forms.ts';
import { useLocale } from '../../components/language.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { SaveForm } from '../../components/SaveForm.tsx';
import { useVersionedSave } from '../../components/versionedSave.ts';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import { AgreementsTable } from './AgreementsTable.tsx';
import { agreementKeys, getSupplier, updateSupplier, useSupplier, type SupplierDetail } from '../../api/agreements.ts';
import { ContactsSection } from './ContactsSection.tsx';
import { SUPPLIER_FIELDS, SupplierFields, supplierInputOf, supplierValuesOf, validateSupplier, type SupplierValues } from './SupplierFields.tsx';
import './agreements.css';

/** /suppliers/:id — one supplier: its facts, contacts and the agreements with it. */
export function SupplierPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const supplier = useSupplier(id);

  if (isApiError(supplier.error) && supplier.error.status === 404) return <NotFoundPage />;
  if (supplier.isError && !supplier.data) return <LoadError error={supplier.error} />;
  if (!supplier.data) return <Spinner aria-label={t('suppliers.loadingOne')} />;
  return <SupplierView key={supplier.data.id} supplier={supplier.data} />;
}

function SupplierView({ supplier }: { supplier: SupplierDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const location = useLocation();
  const created = (location.state as { created?: boolean } | null)?.created === true;
  const none = <span className="muted">{t('common.none')}</span>;

  return (
    <>
      <Paragraph>
        <Link asChild>
          <RouterLink to="/suppliers">{t('suppliers.backToList')}</RouterLink>
        </Link>
      </Paragraph>
      <PageHeading title={supplier.name} />
      {created && <FocusAlert color="success">{t('suppliers.created', { name: supplier.name })}</FocusAlert>}
      <section aria-labelledby="supplier-facts-heading" className="section">
        <Heading level={2} data-size="sm" id="supplier-facts-heading">
          {t('suppliers.factsHeading')}
        </Heading>
        <dl className="facts">
          <dt>{t('suppliers.fields.orgNumber')}</dt>
          <dd>{supplier.orgNumber ?? none}</dd>
          <dt>{t('suppliers.fields.website')}</dt>
          <dd>
            {supplier.website ? (
              <Link href={supplier.website} rel="noreferrer noopener" target="_blank">
                {supplier.website}
              </Link>
            ) : (
              none
            )}
          </dd>
          <dt>{t('suppliers.fields.note')}</dt>
          <dd className="agreement-note">{supplier.note ?? none}</dd>
          <dt>{t('suppliers.fields.updated')}</dt>
          <dd>
            <time dateTime={supplier.updatedAt}>{formatDateTime(supplier.updatedAt, locale)}</time>
          </dd>
        </dl>
        {supplier.can.edit && (
          <div className="disclosures">
            <Details>
              <Details.Summary>{t('suppliers.editHeading')}</Details.Summary>
              <Details.Content>
                <EditSupplierForm supplier={supplier} />
              </Details.Content>
            </Details>
          </div>
        )}
      </section>
      <ContactsSection supplier={supplier} />
      <section aria-labelledby="supplier-agreements-heading" className="section">
        <Heading level={2} data-size="sm" id="supplier-agreements-heading">
          {t('suppliers.agreementsHeading')}
        </Heading>
        {supplier.agreements.length === 0 ? (
          <Paragraph>{t('suppliers.noAgreements', { name: supplier.name })}</Paragraph>
        ) : (
          <AgreementsTable agreements={supplier.agreements} caption={t('suppliers.agreementsCaption', { name: supplier.name })} hideSupplier />
        )}
        {supplier.can.edit && (
          <div className="actions">
            <Link asChild>
              <RouterLink to={`/agreements/new?supplierId=${encodeURIComponent(supplier.id)}`}>{t('suppliers.newAgreement')}</RouterLink>
            </Link>
          </div>
        )}
      </section>
    </>
  );
}

function EditSupplierForm({ supplier }: { supplier: SupplierDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<SupplierValues>(() => supplierValuesOf(supplier));
  const errors = useFormErrors(SUPPLIER_FIELDS, `edit-supplier-${supplier.id}`);

  async function reload() {
    const fresh = await getSupplier(supplier.id);
    queryClient.setQueryData(agreementKeys.supplier(supplier.id), fresh);
    setValues(supplierValuesOf(fresh));
    void queryClient.invalidateQueries({ queryKey: agreementKeys.suppliers, predicate: (q) => q.queryKey[1] === 'list' });
  }

  const save = useVersionedSave({
    errors,
    save: () => updateSupplier(supplier.id, { version: supplier.version, ...supplierInputOf(values) }),
    reload,
    validate: () => validateSupplier(values, t),
  });

  return (
    <SaveForm
      save={save}
      errors={errors}
      savedText={t('suppliers.saved')}
      conflictText={t('suppliers.conflict')}
      submitText={t('suppliers.saveSubmit')}
    >
      <SupplierFields values={values} onChange={setValues} errors={errors} />
    </SaveForm>
  );
}
