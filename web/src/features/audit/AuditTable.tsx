import { Button, Details, Paragraph, Spinner, Table } from '@digdir/designsystemet-react';
import { useId, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format.ts';
import { useLocale } from '../../components/language.ts';
import { TableScroll } from '../../components/TableScroll.tsx';
import { isApiError } from '../../api/client.ts';
import { useAuditEvents, type AuditEvent } from '../../api/audit.ts';
import { useChangeWords, useCodeLabel, useOriginLabel } from './labels.ts';

interface Props {
  events: AuditEvent[];
  tableRef: RefObject<HTMLTableElement | null>;
}

export function AuditTable({ events, tableRef }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const captionId = useId();
  const originLabel = useOriginLabel();

  return (
    <TableScroll captionId={captionId}>
      <Table ref={tableRef} zebra className="data-table audit-table">
        <caption id={captionId}>{t('audit.tableCaption')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('audit.colTime')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('audit.colActor')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('audit.colEntity')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('audit.colAction')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('audit.colDetails')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {events.map((event) => (
            <Table.Row key={event.id} tabIndex={-1}>
              <Table.Cell className="nowrap">
                <time dateTime={event.at}>{formatDateTime(event.at, locale)}</time>
              </Table.Cell>
              <Table.Cell>
                {event.actor ? event.actor.name : t('audit.noActor')}
                <div className="cell-note">{originLabel(event.origin)}</div>
              </Table.Cell>
              <Table.Cell>
                <EventObject event={event} />
              </Table.Cell>
              <Table.Cell>
                <EventWords event={event} />
              </Table.Cell>
              <Table.Cell>
                <EventDetails event={event} />
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}

/** What the event is about: "System" and its name today ("Lifecare"), or the kind alone. */
function EventObject({ event }: { event: AuditEvent }) {
  const { t } = useTranslation();
  const entityLabel = useCodeLabel('entityTypes');
  const kind = entityLabel(event.entityType) ?? t('audit.otherObject');
  return (
    <>
      <div>{kind}</div>
      {event.objectName && <div className="audit-object-name">{event.objectName}</div>}
    </>
  );
}

/** What happened, in words: the action, each changed field from → to, an import's number of changes (which open). */
function EventWords({ event }: { event: AuditEvent }) {
  const { t } = useTranslation();
  const actionLabel = useCodeLabel('actions');
  const changeWords = useChangeWords();
  const { lines, unnamed } = event.action === 'update' ? changeWords(event.entityType, event.before, event.after) : { lines: [], unnamed: 0 };
  return (
    <>
      <div>{actionLabel(event.action) ?? t('audit.otherAction')}</div>
      {lines.length > 0 && (
        <ul className="plain-list cell-note">
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      {unnamed > 0 && <div className="cell-note">{t(lines.length ? 'audit.moreFields' : 'audit.fieldsChanged', { count: unnamed })}</div>}
      {event.message && <div className="cell-note">{event.message}</div>}
      {event.importChanges !== null && event.requestId && <ImportChanges requestId={event.requestId} count={event.importChanges} />}
    </>
  );
}

/** An import's changes, read when opened, 100 at a time. */
function ImportChanges({ requestId, count }: { requestId: string; count: number }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <Details className="event-details" open={open} onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <Details.Summary>{t('audit.importChanges', { count })}</Details.Summary>
      <Details.Content>{open && <ImportChangeList requestId={requestId} />}</Details.Content>
    </Details>
  );
}

function ImportChangeList({ requestId }: { requestId: string }) {
  const { t } = useTranslation();
  const entityLabel = useCodeLabel('entityTypes');
  const actionLabel = useCodeLabel('actions');
  const changeWords = useChangeWords();
  const events = useAuditEvents({ requestId }, 100);
  const items = (events.data?.pages.flatMap((p) => p.items) ?? []).filter((e) => e.importChanges === null);
  if (events.isPending) return <Spinner aria-label={t('audit.loading')} data-size="sm" />;
  if (events.isError) return <Paragraph data-size="sm">{isApiError(events.error) ? events.error.message : t('errors.unexpected')}</Paragraph>;
  return (
    <>
      <ul className="plain-list import-change-list">
        {items.map((e) => {
          const { lines } = e.action === 'update' ? changeWords(e.entityType, e.before, e.after) : { lines: [] };
          const what = [entityLabel(e.entityType) ?? t('audit.otherObject'), e.objectName].filter(Boolean).join(' ');
          return (
            <li key={e.id}>
              {t('audit.importChange', { what, action: (actionLabel(e.action) ?? t('audit.otherAction')).toLocaleLowerCase() })}
              {lines.length > 0 && `: ${lines.join('; ')}`}
            </li>
          );
        })}
      </ul>
      {events.hasNextPage && (
        <Button variant="tertiary" data-size="sm" loading={events.isFetchingNextPage} onClick={() => !events.isFetchingNextPage && void events.fetchNextPage()}>
          {t('audit.moreChanges')}
        </Button>
      )}
    </>
  );
}

function EventDetails({ event }: { event: AuditEvent }) {
  const { t } = useTranslation();
  return (
    <Details className="event-details">
      <Details.Summary>{t('audit.showDetails', { seq: event.seq })}</Details.Summary>
      <Details.Content>
        <dl className="event-details__list">
          <dt>{t('audit.eventNumber')}</dt>
          <dd>{event.seq}</dd>
          <dt>{t('audit.entityId')}</dt>
          <dd>
            <code>{event.entityId}</code>
          </dd>
          {event.requestId && (
            <>
              <dt>{t('audit.requestId')}</dt>
              <dd>
                <code>{event.requestId}</code>
              </dd>
            </>
          )}
          <dt>{t('audit.before')}</dt>
          <dd>{event.before ? <Json value={event.before} /> : t('audit.noValue')}</dd>
          <dt>{t('audit.after')}</dt>
          <dd>{event.after ? <Json value={event.after} /> : t('audit.noValue')}</dd>
        </dl>
      </Details.Content>
    </Details>
  );
}

function Json({ value }: { value: unknown }) {
  return (
    <pre className="json">
      <code>{JSON.stringify(value, null, 2)}</code>
    </pre>
  );
}
