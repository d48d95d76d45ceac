import { Alert, Heading, Paragraph, Spinner, Table } from '@digdir/designsystemet-react';
import { useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format.ts';
import { messageOf } from '../../components/forms.ts';
import { useLocale } from '../../components/language.ts';
import { ShowMore } from '../../components/ShowMore.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { useOriginLabel } from '../audit/labels.ts';
import { LIFECYCLES, useSystemHistory, type Lifecycle, type System, type SystemAuditEvent } from './api.ts';
import { useSystemLabels } from './labels.ts';

const ACTIONS = ['create', 'update', 'change_lifecycle', 'retire', 'confirm', 'add_dependency', 'remove_dependency'];
const ENUM_FIELDS: Record<string, string> = {
  kind: 'kind',
  criticality: 'criticality',
  hosting: 'hosting',
  dataLocation: 'dataLocation',
  personalData: 'personalData',
  authMethod: 'authMethod',
};

/** The system's audit trail: every change, newest first, with who made it and what changed. */
export function HistoryTab({ system }: { system: System }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const originLabel = useOriginLabel();
  const history = useSystemHistory(system.id);
  const items = history.data?.pages.flatMap((page) => page.items) ?? [];
  const tableRef = useRef<HTMLTableElement>(null);
  const captionId = useId();
  const describe = useDescribeEvent();

  return (
    <div className="tab-content">
      <Heading level={2} data-size="sm">
        {t('systems.history.heading')}
      </Heading>
      <Paragraph>{t('systems.history.intro')}</Paragraph>
      {history.isPending && <Spinner aria-label={t('systems.history.loading')} />}
      {history.isError && (
        <Alert data-color="danger" role="alert">
          {messageOf(history.error, t('errors.unexpected'))}
        </Alert>
      )}
      {history.isSuccess && items.length === 0 && <Paragraph>{t('systems.history.empty')}</Paragraph>}
      {items.length > 0 && (
        <TableScroll captionId={captionId}>
          <Table ref={tableRef} zebra className="data-table">
            <caption id={captionId} className="sr-only">
              {t('systems.history.caption', { name: system.name })}
            </caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('audit.colTime')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('audit.colActor')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('audit.colAction')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('systems.history.colWhat')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {items.map((event) => (
                <Table.Row key={event.id} tabIndex={-1}>
                  <Table.Cell className="nowrap">
                    <time dateTime={event.at}>{formatDateTime(event.at, locale)}</time>
                  </Table.Cell>
                  <Table.Cell>
                    {event.actor ? event.actor.name : t('audit.noActor')}
                    <div className="cell-note">{originLabel(event.origin)}</div>
                  </Table.Cell>
                  <Table.Cell>
                    {ACTIONS.includes(event.action) ? t(`systems.history.actions.${event.action}`) : <code>{event.action}</code>}
                  </Table.Cell>
                  <Table.Cell>{describe(event)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
      <ShowMore
        hasMore={history.hasNextPage}
        loading={history.isFetchingNextPage}
        onMore={() => void history.fetchNextPage()}
        count={items.length}
        tableRef={tableRef}
      />
    </div>
  );
}

function useDescribeEvent() {
  const { t } = useTranslation();
  const labels = useSystemLabels();
  const isLifecycle = (v: unknown): v is Lifecycle => typeof v === 'string' && (LIFECYCLES as readonly string[]).includes(v);

  const valueText = (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return t('common.none');
    if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
    const group = ENUM_FIELDS[field];
    if (group && typeof value === 'string') return t(`systems.${group}.${value}`, { defaultValue: value });
    if (Array.isArray(value)) return value.map((v) => (typeof v === 'object' && v ? Object.values(v).join(' ') : String(v))).join(', ');
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  };

  return (event: SystemAuditEvent): ReactNode => {
    const before = event.before ?? {};
    const after = event.after ?? {};
    switch (event.action) {
      case 'create':
        return typeof after.registerNo === 'string' ? t('systems.history.created', { registerNo: after.registerNo }) : null;
      case 'change_lifecycle':
      case 'retire':
        return isLifecycle(before.lifecycle) && isLifecycle(after.lifecycle)
          ? t('systems.history.lifecycle', { from: labels.lifecycle(before.lifecycle), to: labels.lifecycle(after.lifecycle) })
          : null;
      case 'update':
        return (
          <ul className="plain-list">
            {Object.keys(after).map((field) => (
              <li key={field}>
                {field === 'owningUnitId' || field === 'usingUnitIds'
                  ? t('systems.history.changedNoValues', { field: t(`systems.fields.${field}`) })
                  : t('systems.history.change', {
                      field: t(`systems.fields.${field}`, { defaultValue: field }),
                      from: valueText(field, before[field]),
                      to: valueText(field, after[field]),
                    })}
              </li>
            ))}
          </ul>
        );
      case 'add_dependency':
      case 'remove_dependency':
        return typeof after.description === 'string' || typeof before.description === 'string'
          ? String(after.description ?? before.description)
          : null;
      default:
        return event.message;
    }
  };
}
