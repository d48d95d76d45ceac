import { Alert, Details, Heading, Link, Paragraph, Spinner, Tag } from '@digdir/designsystemet-react';
import { useQueryClient } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useLocation, useParams } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { FocusAlert } from '../../components/FocusAlert.tsx';
import { formatDate, formatDateTime } from '../../components/format.ts';
import { useFormErrors } from '../../components/forms.ts';
import { useLocale } from '../../components/language.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { SaveForm } from '../../components/SaveForm.tsx';
import { useVersionedSave } from '../../components/versionedSave.ts';
import { NotFoundPage } from '../errors/NotFoundPage.tsx';
import { AgreementFields } from './AgreementFields.tsx';
import { AGREEMENT_FIELDS, agreementInputOf, agreementValuesOf, validateAgreement, type AgreementValues } from './agreementForm.ts';
import { agreementKeys, CLAUSES, getAgreement, updateAgreement, useAgreement, type Agreement } from '../../api/agreements.ts';
import { STATUS_COLOR, useAgreementLabels } from './labels.ts';
import { LinkedSystemsSection } from './LinkedSystemsSection.tsx';
import './agreements.css';

/** /agreements/:id — one agreement: its facts, status and clauses, the systems it covers, and its edit form. */
export function AgreementPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const agreement = useAgreement(id);

  if (isApiError(agreement.error) && agreement.error.status === 404) return <NotFoundPage />;
  if (agreement.isError && !agreement.data) return <LoadError error={agreement.error} />;
  if (!agreement.data) return <Spinner aria-label={t('agreements.loadingOne')} />;
  return <AgreementView key={agreement.data.id} agreement={agreement.data} />;
}

function AgreementView({ agreement: a }: { agreement: Agreement }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const labels = useAgreementLabels();
  const location = useLocation();
  const created = (location.state as { created?: boolean } | null)?.created === true;
  const none = <span className="muted">{t('common.none')}</span>;
  const date = (iso: string | null) => (iso ? <time dateTime={iso}>{formatDate(iso, locale)}</time> : none);

  return (
    <>
      <Paragraph>
        {a.supplier ? (
          <Link asChild>
            <RouterLink to={`/suppliers/${a.supplier.id}`}>{t('agreements.backToSupplier', { name: a.supplier.name })}</RouterLink>
          </Link>
        ) : (
          <Link asChild>
            <RouterLink to="/suppliers">{t('suppliers.backToList')}</RouterLink>
          </Link>
        )}
      </Paragraph>
      <PageHeading title={a.title} />
      <p className="agreement-subtitle">
        <span>{labels.kind(a.kind)}</span>
        <Tag data-color={STATUS_COLOR[a.status]} data-size="sm">
          {t('agreements.statusTag', { status: labels.status(a.status) })}
        </Tag>
      </p>
      {created && <FocusAlert color="success">{t('agreements.created', { title: a.title })}</FocusAlert>}
      {a.status === 'in_notice_period' && (
        <Alert data-color="warning">
          {a.autoRenewal ? t('agreements.inNoticeRenews', { date: formatDate(a.endDate ?? '', locale) }) : t('agreements.inNotice', { date: formatDate(a.endDate ?? '', locale) })}
        </Alert>
      )}
      <section aria-labelledby="agreement-facts-heading" className="section">
        <Heading level={2} data-size="sm" id="agreement-facts-heading">
          {t('agreements.factsHeading')}
        </Heading>
        <dl className="facts">
          <dt>{t('agreements.fields.supplierId')}</dt>
          <dd>
            {a.supplier ? (
              <Link asChild>
                <RouterLink to={`/suppliers/${a.supplier.id}`}>{a.supplier.name}</RouterLink>
              </Link>
            ) : (
              t('agreements.noSupplier')
            )}
          </dd>
          <dt>{t('agreements.fields.reference')}</dt>
          <dd>{a.reference ?? none}</dd>
          <dt>{t('agreements.fields.startDate')}</dt>
          <dd>{date(a.startDate)}</dd>
          <dt>{t('agreements.fields.endDate')}</dt>
          <dd>{date(a.endDate)}</dd>
          <dt>{t('agreements.fields.noticeMonths')}</dt>
          <dd>
            {a.noticeMonths === null ? none : t('agreements.noticeNote', { count: a.noticeMonths })}
            {a.noticeFrom && <div className="cell-note">{t('agreements.noticeFrom', { date: formatDate(a.noticeFrom, locale) })}</div>}
          </dd>
          <dt>{t('agreements.fields.autoRenewal')}</dt>
          <dd>{a.autoRenewal ? t('common.yes') : t('common.no')}</dd>
          <dt>{t('agreements.fields.responsiblePersonId')}</dt>
          <dd>
            {a.responsible ? (
              <>
                <Link asChild>
                  <RouterLink to={`/people/${a.responsible.id}`}>{a.responsible.name}</RouterLink>
                </Link>
                {a.responsible.status === 'left' && <div className="cell-note">{t('agreements.responsibleLeft')}</div>}
              </>
            ) : (
              none
            )}
          </dd>
          <dt>{t('agreements.fields.documentUrl')}</dt>
          <dd>
            {a.documentUrl ? (
              <Link href={a.documentUrl} rel="noreferrer noopener" target="_blank">
                {t('agreements.openDocument')}
              </Link>
            ) : (
              none
            )}
          </dd>
          {CLAUSES.map((c) => (
            <Fragment key={c}>
              <dt>{labels.clause(c)}</dt>
              <dd>{labels.yesNo(a.clauses[c])}</dd>
            </Fragment>
          ))}
          <dt>{t('agreements.fields.note')}</dt>
          <dd className="agreement-note">{a.note ?? none}</dd>
          <dt>{t('agreements.fields.updated')}</dt>
          <dd>
            <time dateTime={a.updatedAt}>{formatDateTime(a.updatedAt, locale)}</time>
          </dd>
        </dl>
        {a.can.edit && (
          <div className="disclosures">
            <Details>
              <Details.Summary>{t('agreements.editHeading')}</Details.Summary>
              <Details.Content>
                <EditAgreementForm agreement={a} />
              </Details.Content>
            </Details>
          </div>
        )}
      </section>
      <LinkedSystemsSection agreement={a} />
    </>
  );
}

function EditAgreementForm({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<AgreementValues>(() => agreementValuesOf(agreement));
  const errors = useFormErrors(AGREEMENT_FIELDS, `edit-agreement-${agreement.id}`);

  async function reload() {
    const fresh = await getAgreement(agreement.id);
    queryClient.setQueryData(agreementKeys.agreement(agreement.id), fresh);
    setValues(agreementValuesOf(fresh));
    void queryClient.invalidateQueries({ queryKey: agreementKeys.agreements, predicate: (q) => q.queryKey[1] !== 'one' });
    void queryClient.invalidateQueries({ queryKey: agreementKeys.suppliers });
  }

  const save = useVersionedSave({
    errors,
    save: () => updateAgreement(agreement.id, { version: agreement.version, ...agreementInputOf(values) }),
    reload,
    validate: () => validateAgreement(values, t),
  });

  return (
    <SaveForm
      save={save}
      errors={errors}
      savedText={t('agreements.saved')}
      conflictText={t('agreements.conflict')}
      submitText={t('agreements.saveSubmit')}
      className="form agreement-form"
    >
      <AgreementFields
        key={agreement.version}
        values={values}
        onChange={setValues}
        errors={errors}
        supplier={agreement.supplier}
        responsible={agreement.responsible}
      />
    </SaveForm>
  );
}
