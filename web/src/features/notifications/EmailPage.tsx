import { Alert, Button, Heading, Paragraph, Spinner, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { EMAIL_STATES, sendTestEmail, useEmailLog, useReminders, type EmailLogEntry, type EmailState } from '../../api/notifications.ts';
import { FocusAlert } from '../../components/FocusAlert.tsx';
import { FormProblems } from '../../components/FormErrorSummary.tsx';
import { formatDateTime } from '../../components/format.ts';
import { looksLikeEmail, messageOf, useFormErrors } from '../../components/forms.ts';
import { useLocale } from '../../components/language.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { ShowMore } from '../../components/ShowMore.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import './notifications.css';

const STATE_COLOR: Record<EmailState, 'info' | 'success' | 'danger'> = { pending: 'info', sent: 'success', failed: 'danger' };
const FIELDS = ['to'] as const;

/** /admin/email — whether Ansvar can send e-mail: a test e-mail sent at once, and the send log (sent, queued, failed with why). */
export function EmailPage() {
  const { t } = useTranslation();
  // Whether the server has SMTP_URL at all (the reminder settings say it); without it nothing is sent.
  const enabled = useReminders().data?.emailEnabled;
  return (
    <>
      <PageHeading title={t('emailAdmin.title')} />
      <Paragraph>{t('emailAdmin.intro')}</Paragraph>
      {enabled === false && <Alert data-color="warning">{t('emailAdmin.notConfigured')}</Alert>}
      <TestEmailForm />
      <EmailLog />
    </>
  );
}

function TestEmailForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const headingId = useId();
  const [to, setTo] = useState('');
  const [result, setResult] = useState<{ entry: EmailLogEntry; at: number } | null>(null);
  const errors = useFormErrors(FIELDS, 'test-email');
  const send = useMutation({
    mutationFn: () => sendTestEmail(to.trim()),
    onSuccess: async (entry) => {
      setResult({ entry, at: Date.now() });
      await queryClient.invalidateQueries({ queryKey: ['email-log'] });
    },
    onError: (error) => errors.showApiError(error, t('errors.unexpected')),
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (send.isPending) return;
    setResult(null);
    if (!looksLikeEmail(to)) {
      errors.showClientErrors({ to: t('emailAdmin.toInvalid') });
      return;
    }
    errors.clear();
    send.mutate();
  }

  const entry = result?.entry;
  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={2} data-size="sm" id={headingId}>
        {t('emailAdmin.testHeading')}
      </Heading>
      {entry && (
        <FocusAlert color={entry.state === 'sent' ? 'success' : 'warning'} focusKey={result.at}>
          {entry.state === 'sent'
            ? t('emailAdmin.testSent', { to: entry.to })
            : t('emailAdmin.testNotSent', { to: entry.to, reason: entry.lastError ?? t('emailAdmin.noReason') })}
        </FocusAlert>
      )}
      <FormProblems errors={errors} />
      <form className="form" noValidate onSubmit={onSubmit}>
        <Textfield
          id={errors.id('to')}
          label={t('emailAdmin.to')}
          description={t('emailAdmin.toHint')}
          type="email"
          autoComplete="email"
          value={to}
          onChange={(e) => setTo(e.target.value)}
          error={errors.fields.to}
        />
        <div className="actions">
          <Button type="submit" loading={send.isPending}>
            {t('emailAdmin.testSubmit')}
          </Button>
        </div>
      </form>
    </section>
  );
}

function EmailLog() {
  const { t } = useTranslation();
  const locale = useLocale();
  const headingId = useId();
  const captionId = useId();
  const tableRef = useRef<HTMLTableElement>(null);
  const [params, setParams] = useSearchParams();
  const state = (EMAIL_STATES as readonly string[]).includes(params.get('state') ?? '') ? (params.get('state') as EmailState) : undefined;
  const log = useEmailLog(state);
  const items = log.data?.pages.flatMap((p) => p.items) ?? [];
  const total = log.data?.pages[0]?.total;

  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={2} data-size="sm" id={headingId}>
        {t('emailAdmin.logHeading')}
      </Heading>
      <div className="narrow-field">
        <SelectField
          id="email-log-state"
          label={t('emailAdmin.filterState')}
          placeholder={t('emailAdmin.filterAll')}
          value={state ?? ''}
          onChange={(value) => setParams(value ? { state: value } : {}, { replace: true })}
          options={EMAIL_STATES.map((s) => ({ value: s, label: t(`emailAdmin.state.${s}`) }))}
        />
      </div>
      <div role="status" className="list-status">
        {log.isSuccess &&
          (items.length === 0
            ? t('emailAdmin.empty')
            : typeof total === 'number'
              ? t('emailAdmin.countOf', { shown: items.length, count: total })
              : t('emailAdmin.count', { count: items.length }))}
      </div>
      {log.isPending && <Spinner aria-label={t('emailAdmin.loading')} />}
      {log.isError && (
        <Alert data-color="danger" role="alert">
          {messageOf(log.error, t('errors.unexpected'))}
        </Alert>
      )}
      {items.length > 0 && (
        <TableScroll captionId={captionId}>
          <Table ref={tableRef} zebra className="data-table">
            <caption id={captionId}>{t('emailAdmin.caption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('emailAdmin.colCreated')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('emailAdmin.colTo')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('emailAdmin.colSubject')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('emailAdmin.colState')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('emailAdmin.colAttempts')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('emailAdmin.colReason')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('emailAdmin.colSent')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {items.map((e) => (
                <Table.Row key={e.id} tabIndex={-1}>
                  <Table.Cell>
                    <time dateTime={e.createdAt} className="nowrap">
                      {formatDateTime(e.createdAt, locale)}
                    </time>
                  </Table.Cell>
                  <Table.Cell>{e.to}</Table.Cell>
                  <Table.Cell>
                    {e.subject}
                    <div className="cell-note">{t(`emailAdmin.kind.${e.kind}`)}</div>
                  </Table.Cell>
                  <Table.Cell>
                    <Tag data-color={STATE_COLOR[e.state]} data-size="sm">
                      {t(`emailAdmin.state.${e.state}`)}
                    </Tag>
                  </Table.Cell>
                  <Table.Cell>{e.attempts}</Table.Cell>
                  <Table.Cell className="email-error">
                    {e.lastError ?? <span className="cell-note">{t('emailAdmin.noError')}</span>}
                  </Table.Cell>
                  <Table.Cell>
                    {e.sentAt ? (
                      <time dateTime={e.sentAt} className="nowrap">
                        {formatDateTime(e.sentAt, locale)}
                      </time>
                    ) : (
                      <span className="cell-note">{t('emailAdmin.notSent')}</span>
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
      <ShowMore
        hasMore={log.hasNextPage}
        loading={log.isFetchingNextPage}
        onMore={() => void log.fetchNextPage()}
        count={items.length}
        tableRef={tableRef}
      />
    </section>
  );
}
