import { Details, Table } from '@digdir/designsystemet-react';
import { useId, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format.ts';
import { useLocale } from '../../components/language.ts';
import { TableScroll } from '../../components/TableScroll.tsx';
import type { AuditEvent } from '../../api/audit.ts';
import { useCodeLabel, useOriginLabel } from './labels.ts';

interface Props {
  events: AuditEvent[];
  tableRef: RefObject<HTMLTableElement | null>;
}

export function AuditTable({ events, tableRef }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const captionId = useId();
  const originLabel = useOriginLabel();
  const entityLabel = useCodeLabel('entityTypes');
  const actionLabel = useCodeLabel('actions');

  return (
    <TableScroll captionId={captionId}>
      <Table ref={tableRef} zebra className="data-table">
        <caption id={captionId}>{t('audit.tableCaption')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('audit.colTime')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('audit.colActor')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('audit.colOrigin')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('audit.colEntity')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('audit.colAction')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('audit.colDetails')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {events.map((event) => {
            const entity = entityLabel(event.entityType);
            const action = actionLabel(event.action);
            return (
              <Table.Row key={event.id} tabIndex={-1}>
                <Table.Cell>
                  <time dateTime={event.at}>{formatDateTime(event.at, locale)}</time>
                </Table.Cell>
                <Table.Cell>{event.actor ? event.actor.name : t('audit.noActor')}</Table.Cell>
                <Table.Cell>{originLabel(event.origin)}</Table.Cell>
                <Table.Cell>{entity ?? <code>{event.entityType}</code>}</Table.Cell>
                <Table.Cell>
                  {action ?? <code>{event.action}</code>}
                  {event.message && <div className="cell-note">{event.message}</div>}
                </Table.Cell>
                <Table.Cell>
                  <EventDetails event={event} />
                </Table.Cell>
              </Table.Row>
            );
          })}
        </Table.Body>
      </Table>
    </TableScroll>
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
