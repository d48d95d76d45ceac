import { Alert, Button, Fieldset, Heading, Link, Paragraph, Spinner, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Notice } from './labels.ts';
import { Link as RouterLink } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { FormProblems } from '../../components/FormErrorSummary.tsx';
import { messageOf, useFormErrors } from '../../components/forms.ts';
import { SelectField } from '../../components/SelectField.tsx';
import { AgreementsTable } from './AgreementsTable.tsx';
import { agreementKeys, linkSystem, unlinkSystem, useAgreements, useSystemAgreements, type AgreementSummary } from '../../api/agreements.ts';
import { useAgreementLabels } from './labels.ts';
import './agreements.css';

/**
 * The agreements tab of a system page: the system's agreements with their status and security
 * clauses as words; an editor records a new agreement for the system, links an existing one, or
 * removes a link.
 */
export function SystemAgreementsTab({ systemId, canEdit }: { systemId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const agreements = useSystemAgreements(systemId);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [status, setStatus] = useState<Notice | null>(null);
  const items = agreements.data?.items ?? [];

  const refresh = () => void queryClient.invalidateQueries({ queryKey: agreementKeys.agreements });
  const unlink = useMutation({
    mutationFn: (a: AgreementSummary) => unlinkSystem(a.id, systemId),
    onSuccess: (_none, a) => {
      refresh();
      setStatus({ text: (t) => t('agreements.tab.unlinked', { title: a.title }) });
      window.requestAnimationFrame(() => headingRef.current?.focus());
    },
  });

  return (
    <div className="tab-content">
      <Heading level={2} data-size="sm" ref={headingRef} tabIndex={-1} className="focus-target">
        {t('agreements.tab.heading')}
      </Heading>
      <Paragraph>{t('agreements.tab.intro')}</Paragraph>
      <div role="status" className="list-status">
        {status && <Alert data-color="success">{status.text(t)}</Alert>}
      </div>
      {unlink.isError && (
        <Alert data-color="danger" role="alert">
          {messageOf(unlink.error, t('errors.unexpected'))}
        </Alert>
      )}
      {agreements.isPending && <Spinner aria-label={t('agreements.tab.loading')} />}
      {agreements.isError && (
        <Alert data-color="danger" role="alert">
          {isApiError(agreements.error) ? agreements.error.message : t('errors.unexpected')}
        </Alert>
      )}
      {agreements.isSuccess &&
        (items.length === 0 ? (
          <Paragraph>{t('agreements.tab.none')}</Paragraph>
        ) : (
          <AgreementsTable
            agreements={items}
            caption={t('agreements.tab.caption')}
            action={
              canEdit
                ? {
                    header: t('agreements.tab.colActions'),
                    cell: (a) => (
                      <Button
                        variant="tertiary"
                        data-size="sm"
                        aria-label={t('agreements.tab.unlink', { title: a.title })}
                        loading={unlink.isPending && unlink.variables?.id === a.id}
                        onClick={() => !unlink.isPending && unlink.mutate(a)}
                      >
                        {t('agreements.unlinkShort')}
                      </Button>
                    ),
                  }
                : undefined
            }
          />
        ))}
      {canEdit && (
        <>
          <div className="actions">
            <Link asChild>
              <RouterLink to={`/agreements/new?systemId=${encodeURIComponent(systemId)}`}>{t('agreements.tab.create')}</RouterLink>
            </Link>
          </div>
          <LinkExistingForm
            systemId={systemId}
            linkedIds={items.map((a) => a.id)}
            onLinked={(title) => {
              refresh();
              setStatus({ text: (t) => t('agreements.tab.linked', { title }) });
            }}
          />
        </>
      )}
    </div>
  );
}

const FIELDS = ['agreementId'] as const;
const MATCHES = 25;

function LinkExistingForm({ systemId, linkedIds, onLinked }: { systemId: string; linkedIds: string[]; onLinked: (title: string) => void }) {
  const { t } = useTranslation();
  const labels = useAgreementLabels();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [agreementId, setAgreementId] = useState('');
  const errors = useFormErrors(FIELDS, `link-agreement-${systemId}`);

  useEffect(() => {
    const timer = window.setTimeout(() => setQ(text.trim()), 250);
    return () => window.clearTimeout(timer);
  }, [text]);

  const found = useAgreements({ q: q || undefined }, { limit: MATCHES });
  const options = (found.data?.pages[0]?.items ?? []).filter((a) => !linkedIds.includes(a.id));
  const describe = (a: AgreementSummary) => [a.title, a.supplier?.name, a.reference, labels.kind(a.kind)].filter(Boolean).join(', ');

  let status: string;
  if (found.isPending) status = t('agreements.picker.searching');
  else if (found.isError) status = t('agreements.picker.failed');
  else if (options.length === 0) status = q ? t('agreements.picker.none', { q }) : t('agreements.picker.noneAtAll');
  else if (found.hasNextPage) status = t('agreements.picker.many', { count: options.length });
  else status = t('agreements.picker.count', { count: options.length });

  const link = useMutation({
    mutationFn: () => linkSystem(agreementId, systemId),
    onSuccess: (fresh) => {
      setAgreementId('');
      setText('');
      onLinked(fresh.title);
    },
    onError: (error) => errors.showApiError(error, t('errors.unexpected')),
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (link.isPending) return;
    if (!agreementId) {
      errors.showClientErrors({ agreementId: t('agreements.tab.chooseAgreement') });
      return;
    }
    errors.clear();
    link.mutate();
  }

  return (
    <section aria-labelledby={`link-agreement-heading-${systemId}`} className="section subsection">
      <Heading level={3} data-size="xs" id={`link-agreement-heading-${systemId}`}>
        {t('agreements.tab.linkHeading')}
      </Heading>
      <FormProblems errors={errors} />
      <form className="form" noValidate onSubmit={onSubmit}>
        <Fieldset className="picker">
          <Fieldset.Legend>{t('agreements.picker.legend')}</Fieldset.Legend>
          <Textfield
            id={`${errors.id('agreementId')}-search`}
            label={t('agreements.picker.search')}
            description={t('agreements.picker.searchHint')}
            type="search"
            autoComplete="off"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <SelectField
            id={errors.id('agreementId')}
            label={t('agreements.picker.choose')}
            description={<span aria-live="polite">{status}</span>}
            value={agreementId}
            onChange={setAgreementId}
            placeholder={t('agreements.picker.placeholder')}
            options={options.map((a) => ({ value: a.id, label: describe(a) }))}
            error={errors.fields.agreementId}
          />
        </Fieldset>
        <div className="actions">
          <Button type="submit" loading={link.isPending}>
            {t('agreements.tab.linkSubmit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
