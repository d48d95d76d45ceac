import { Checkbox, Details, Fieldset, Link, Table, Tag } from '@digdir/designsystemet-react';
import { useId, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { formatDate } from '../../components/format.ts';
import { useLocale } from '../../components/language.ts';
import { TableScroll } from '../../components/TableScroll.tsx';
import type { SystemSort, SystemSummary } from '../../api/systems.ts';
import { usePersonStatusLabel } from '../shared/personLabels.ts';
import { COLUMNS, HOLDER_COLUMNS, SORT_OF, type Column } from './columns.ts';
import { ConfirmationText } from './ConfirmationText.tsx';
import { CRITICALITY_COLOR, LIFECYCLE_COLOR, useSystemLabels } from '../shared/systemLabels.ts';

interface Props {
  systems: SystemSummary[];
  columns: Column[];
  sort: SystemSort;
  dir: 'asc' | 'desc';
  onSort: (sort: SystemSort) => void;
  tableRef: RefObject<HTMLTableElement | null>;
  caption: string;
  /** The rows are the previous answer's while the new sort or filter loads. */
  busy?: boolean;
}

/** The register as a table: the columns the user chose, sortable headers (buttons, with aria-sort). */
export function SystemsTable({ systems, columns, sort, dir, onSort, tableRef, caption, busy = false }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const labels = useSystemLabels();
  const captionId = useId();
  const shown = (column: Column) => columns.includes(column);
  const statusLabel = usePersonStatusLabel();

  /**
   * The current holders of a role, linked: a person by name, a unit as "IT-enheten (enhet)", a supplier
   * as "CGI (leverantör)" with its contact person; one who has left (or a deactivated unit) says so in words. Nobody: "Vakant".
   */
  const holdersOf = (s: SystemSummary, roleKey: string): ReactNode => {
    const held = s.holders.filter((h) => h.roleKey === roleKey);
    if (!held.length) return <span className="muted">{t('systems.list.vacant')}</span>;
    return held.map(({ holder }, i) => {
      const path =
        holder.kind === 'person' ? `/people/${holder.id}` : holder.kind === 'unit' ? `/organisation/${holder.id}` : `/suppliers/${holder.id}`;
      const status =
        holder.status === 'active' ? null : holder.status === 'inactive' ? t('unitRoles.holder.inactive') : statusLabel(holder.status);
      return (
        <span key={`${holder.kind}:${holder.id}`}>
          {i > 0 && ', '}
          <Link asChild>
            <RouterLink to={path}>{holder.name}</RouterLink>
          </Link>
          {holder.kind !== 'person' && ` ${t(`unitRoles.holder.kindSuffix.${holder.kind}`)}`}
          {holder.contact && ` – ${t('unitRoles.holder.contact', { name: holder.contact.name })}`}
          {status && ` (${status.toLocaleLowerCase(locale === 'en' ? 'en-GB' : 'sv-SE')})`}
        </span>
      );
    });
  };

  function header(column: Column | 'name', label: string) {
    const by = SORT_OF[column];
    if (!by) {
      return (
        <Table.HeaderCell key={column} scope="col">
          {label}
        </Table.HeaderCell>
      );
    }
    const state = by === sort ? (dir === 'asc' ? 'ascending' : 'descending') : 'none';
    return (
      <Table.HeaderCell key={column} scope="col" aria-sort={state}>
        <button type="button" onClick={() => onSort(by)}>
          {label}
        </button>
      </Table.HeaderCell>
    );
  }

  const cells: Record<Column, (s: SystemSummary) => ReactNode> = {
    registerNo: (s) => s.registerNo,
    owningUnit: (s) => (
      <Link asChild>
        <RouterLink to={`/organisation/${s.owningUnit.id}`}>{s.owningUnit.name}</RouterLink>
      </Link>
    ),
    systemOwner: (s) => holdersOf(s, HOLDER_COLUMNS.systemOwner),
    systemManager: (s) => holdersOf(s, HOLDER_COLUMNS.systemManager),
    lifecycle: (s) => (
      <Tag data-color={LIFECYCLE_COLOR[s.lifecycle]} data-size="sm">
        {labels.lifecycle(s.lifecycle)}
      </Tag>
    ),
    criticality: (s) =>
      s.criticality ? (
        <Tag data-color={CRITICALITY_COLOR[s.criticality]} data-size="sm">
          {labels.criticality(s.criticality)}
        </Tag>
      ) : (
        <span className="muted">{t('systems.notAssessed')}</span>
      ),
    hosting: (s) => (s.hosting ? labels.hosting(s.hosting) : <span className="muted">{t('systems.notSet')}</span>),
    samhallsviktig: (s) => labels.yesNo(s.samhallsviktig),
    kommungemensamt: (s) => labels.yesNo(s.kommungemensamt),
    personalData: (s) => labels.personalData(s.personalData),
    userCount: (s) => (s.userCount === null ? '–' : s.userCount.toLocaleString(locale === 'en' ? 'en-GB' : 'sv-SE')),
    confirmation: (s) => <ConfirmationText confirmedAt={s.confirmedAt} due={s.confirmationDue} compact />,
    updatedAt: (s) => <time dateTime={s.updatedAt}>{formatDate(s.updatedAt, locale)}</time>,
  };

  return (
    <TableScroll captionId={captionId}>
      <Table ref={tableRef} zebra data-size="sm" className="data-table systems-table" aria-busy={busy || undefined}>
        <caption id={captionId} className="sr-only">
          {caption}
        </caption>
        <Table.Head>
          <Table.Row>
            {shown('registerNo') && header('registerNo', t('systems.columns.registerNo'))}
            {header('name', t('systems.fields.name'))}
            {COLUMNS.filter((c) => c !== 'registerNo' && shown(c)).map((c) => header(c, t(`systems.columns.${c}`)))}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {systems.map((system) => (
            <Table.Row key={system.id} tabIndex={-1}>
              {shown('registerNo') && <Table.Cell className="nowrap">{system.registerNo}</Table.Cell>}
              <Table.Cell className="systems-table__name">
                <Link asChild>
                  <RouterLink to={`/systems/${system.id}`}>{system.name}</RouterLink>
                </Link>
                {system.aliases.length > 0 && <div className="cell-note">{system.aliases.join(', ')}</div>}
              </Table.Cell>
              {COLUMNS.filter((c) => c !== 'registerNo' && shown(c)).map((c) => (
                <Table.Cell key={c} className={c in HOLDER_COLUMNS ? 'systems-table__holders' : undefined}>
                  {cells[c](system)}
                </Table.Cell>
              ))}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}

/** Checkboxes for the optional columns, folded away under a summary. */
export function ColumnChooser({ columns, onToggle }: { columns: Column[]; onToggle: (column: Column, shown: boolean) => void }) {
  const { t } = useTranslation();
  return (
    <Details className="column-chooser">
      <Details.Summary>{t('systems.list.chooseColumns')}</Details.Summary>
      <Details.Content>
        <Fieldset>
          <Fieldset.Legend>{t('systems.list.columnsLegend')}</Fieldset.Legend>
          <Fieldset.Description>{t('systems.list.columnsHint')}</Fieldset.Description>
          <div className="column-chooser__options">
            {COLUMNS.map((column) => (
              <Checkbox
                key={column}
                label={t(`systems.columns.${column}`)}
                checked={columns.includes(column)}
                onChange={(e) => onToggle(column, e.target.checked)}
              />
            ))}
          </div>
        </Fieldset>
      </Details.Content>
    </Details>
  );
}
