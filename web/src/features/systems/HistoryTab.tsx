import { Alert, Heading, Link, Paragraph, Spinner, Table } from '@digdir/designsystemet-react';
import { useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { formatDate, formatDateTime } from '../../components/format.ts';
import { messageOf } from '../../components/forms.ts';
import { useLocale } from '../../components/language.ts';
import { ShowMore } from '../../components/ShowMore.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { useOriginLabel } from '../audit/labels.ts';
import { LIFECYCLES, useSystemHistory, type Lifecycle, type System, type SystemHistoryEvent } from '../../api/systems.ts';
import { useSystemLabels } from '../shared/systemLabels.ts';

const ACTIONS = ['create', 'update', 'change_lifecycle', 'retire', 'confirm', 'add_dependency', 'remove_dependency'];
/** The actions on a role on the system, with the date each one tells (the holding's first day, or the first day without it). */
const ROLE_DATES = new Map<string, 'validFrom' | 'validTo'>([
  ['create', 'validFrom'],
  ['handover', 'validFrom'],
  ['end', 'validTo'],
]);
const ENUM_FIELDS: Record<string, string> = {
  kind: 'kind',
  criticality: 'criticality',
  hosting: 'hosting',
  dataLocation: 'dataLocation',
  personalData: 'personalData',
  authMethod: 'authMethod',
};

/** The system's history for everyone who sees the system: every change of it and of its roles, newest first, with who made it and what changed. */
export function HistoryTab({ system }: { system: System }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const originLabel = useOriginLabel();
  const history = useSystemHistory(system.id);
  const items = history.data?.pages.flatMap((page) => page.items) ?? [];
  const tableRef = useRef<HTMLTableElement>(null);
  const captionId = useId();
  const describe = useDescribeEvent();
  const actionLabel = (event: SystemHistoryEvent): ReactNode => {
    if (event.role) return ROLE_DATES.has(event.action) ? t(`systems.history.roleActions.${event.action}`) : <code>{event.action}</code>;
    return ACTIONS.includes(event.action) ? t(`systems.history.actions.${event.action}`) : <code>{event.action}</code>;
  };

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
                  <Table.Cell>{actionLabel(event)}</Table.Cell>
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

/** An event's before or after: the API promises only JSON; a system's fields when it is an object, else none. */
const fieldsOf = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' ? (value as Record<string, unknown>) : {};

function useDescribeEvent() {
  const { t } = useTranslation();
  const locale = useLocale();
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

  /** Who holds the role, in words: a person by name, "IT-enheten (enhet)", "CGI (leverantör)" (with its contact person). */
  const holderText = (holder: SystemHistoryEvent['holder']): string | null => {
    if (!holder) return null;
    if (holder.kind === 'person') return holder.name;
    if (holder.kind === 'unit') return t('unitRoles.holder.unit', { name: holder.name });
    return holder.contact
      ? t('unitRoles.holder.supplierWithContact', { name: holder.name, contact: holder.contact.name })
      : t('unitRoles.holder.supplier', { name: holder.name });
  };

  /** A role event in words: "Systemägare: Anna Svensson från och med 29 november 2026". */
  const roleText = (event: SystemHistoryEvent, role: { name: string }): string | null => {
    const field = ROLE_DATES.get(event.action);
    const date = field && fieldsOf(event.after)[field];
    if (typeof date !== 'string') return event.message;
    return t(`systems.history.roleEvents.${event.action}`, {
      role: role.name,
      person: holderText(event.holder) ?? event.person?.name ?? t('systems.history.unknownPerson'),
      date: formatDate(date, locale),
    });
  };

  return (event: SystemHistoryEvent): ReactNode => {
    if (event.role) return roleText(event, event.role);
    const before = fieldsOf(event.before);
    const after = fieldsOf(event.after);
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
      case 'remove_dependency': {
        const description =
          typeof after.description === 'string' ? after.description : typeof before.description === 'string' ? before.description : null;
        return (
          <>
            {event.dependsOn && <DependsOn other={event.dependsOn} />}
            {description && <div className="cell-note">{description}</div>}
          </>
        );
      }
      default:
        return event.message;
    }
  };
}

/** The other system of a dependency event, linked; one the user may not see is named in words, never by id. */
function DependsOn({ other }: { other: NonNullable<SystemHistoryEvent['dependsOn']> }) {
  const { t } = useTranslation();
  if (!other.visible || !other.id) return <div>{t('systems.history.hiddenSystem')}</div>;
  return (
    <div>
      <Link asChild>
        <RouterLink to={`/systems/${other.id}`}>{other.name}</RouterLink>
      </Link>{' '}
      <span className="cell-note">{other.registerNo}</span>
    </div>
  );
}
