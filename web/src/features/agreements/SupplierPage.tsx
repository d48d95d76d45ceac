import { Alert, Button, Details, Heading, Link, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useLocation, useParams } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { FocusAlert } from '../../components/FocusAlert.tsx';
import { FormProblems } from '../../components/FormErrorSummary.tsx';
import { formatDateTime } from '../../components/format.ts';
import { useFormErrors } from '../../components/forms.ts';
import { useLocale } from '../../components/language.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import { AgreementsTable } from './AgreementsTable.tsx';
import { agreementKeys, getSupplier, updateSupplier, useSupplier, type SupplierDetail } from './api.ts';
import { ContactsSection } from './ContactsSection.tsx';
import { SUPPLIER_FIELDS, SupplierFields, supplierInputOf, supplierValuesOf, validateSupplier, type SupplierValues } from './SupplierFields.tsx';
import './agreements.css';

/** /suppliers/:id — one supplier: its facts, contacts and the agreements with it. */
export function SupplierPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const supplier = useSupplier(id);

  if (isApiError(supplier.error) && supplier.error.status === 404) return <NotFoundPage />;
  if (supplier.isError && !supplier.data) {
    return (
      <>
        <PageHeading title={t('errors.title')} />
        <Alert data-color="danger" role="alert">
          {isApiError(supplier.error) ? supplier.error.message : t('errors.unexpected')}
        </Alert>
      </>
    );
  }
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
  const [notice, setNotice] = useState<{ kind: 'saved' | 'conflict'; at: number } | null>(null);
  const errors = useFormErrors(SUPPLIER_FIELDS, `edit-supplier-${supplier.id}`);

  async function reload() {
    const fresh = await getSupplier(supplier.id);
    queryClient.setQueryData(agreementKeys.supplier(supplier.id), fresh);
    setValues(supplierValuesOf(fresh));
    void queryClient.invalidateQueries({ queryKey: agreementKeys.suppliers, predicate: (q) => q.queryKey[1] === 'list' });
  }

  const save = useMutation({
    mutationFn: () => updateSupplier(supplier.id, { version: supplier.version, ...supplierInputOf(values) }),
    onSuccess: async () => {
      await reload();
      setNotice({ kind: 'saved', at: Date.now() });
    },
    onError: async (error) => {
      if (isApiError(error) && error.status === 409) {
        errors.clear();
        await reload().catch(() => undefined);
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
    const found = validateSupplier(values, t);
    if (Object.keys(found).length > 0) {
      errors.showClientErrors(found);
      return;
    }
    errors.clear();
    save.mutate();
  }

  return (
    <>
      {notice && (
        <FocusAlert color={notice.kind === 'saved' ? 'success' : 'warning'} focusKey={notice.at}>
          {notice.kind === 'saved' ? t('suppliers.saved') : t('suppliers.conflict')}
        </FocusAlert>
      )}
      <FormProblems errors={errors} />
      <form className="form" noValidate onSubmit={onSubmit}>
        <SupplierFields values={values} onChange={setValues} errors={errors} />
        <div className="actions">
          <Button type="submit" loading={save.isPending}>
            {t('suppliers.saveSubmit')}
          </Button>
        </div>
      </form>
    </>
  );
}
