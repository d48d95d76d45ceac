import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccessImportPreview, AccessImportRow } from '../../api/access.ts';
import { RowFilter } from '../../components/RowFilter.tsx';
import { ShowMore } from '../../components/ShowMore.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';

const PAGE = 200;

/** Which rows the table shows: those that change something (or have errors), only errors, all. */
type Show = 'changes' | 'errors' | 'all';
const SHOWS: readonly Show[] = ['changes', 'errors', 'all'];
const shows: Record<Show, (r: AccessImportRow) => boolean> = {
  changes: (r) => r.action !== 'unchanged' || Boolean(r.errors?.length || r.ended?.length),
  errors: (r) => r.action === 'error',
  all: () => true,
};

/** The access roles a row grants now: as the dry-run says, or for a new account every role it names. */
const started = (row: AccessImportRow): string[] => row.started ?? (row.action === 'create' ? row.roles : []);

/**
 * The dry-run's rows: what happens to each account (new, changed, unchanged, an error), the person it belongs to and
 * how it was found, the access roles it names (those granted now, those that end), what changes and its errors with
 * the cell. A filter shows only the rows with errors; long files page by 200.
 */
export function ImportRows({ preview }: { preview: AccessImportPreview }) {
  const { t } = useTranslation();
  const captionId = useId();
  const tableRef = useRef<HTMLTableElement>(null);
  const counts = Object.fromEntries(SHOWS.map((k) => [k, preview.rows.filter(shows[k]).length])) as Record<Show, number>;
  // A file that changes nothing shows all its rows rather than an empty table.
  const [show, setShow] = useState<Show>(counts.changes > 0 ? 'changes' : 'all');
  const [shown, setShown] = useState(PAGE);
  const rows = preview.rows.filter(shows[show]);

  return (
    <section aria-labelledby="access-import-rows" className="section">
      <Heading level={3} data-size="xs" id="access-import-rows">
        {t('access.import.rowsHeading')}
      </Heading>
      <RowFilter
        legend={t('access.import.rowFilter.legend')}
        options={SHOWS.map((k) => ({ key: k, label: t(`access.import.rowFilter.${k}`, { count: counts[k] }) }))}
        value={show}
        onChange={(k) => {
          setShow(k);
          setShown(PAGE);
        }}
      />
      <p role="status" className="list-status">
        {t('access.import.rowFilter.showing', { shown: Math.min(shown, rows.length), count: rows.length, total: preview.rows.length })}
      </p>
      {rows.length === 0 ? (
        <Paragraph>{t('access.import.noRows')}</Paragraph>
      ) : (
        <TableScroll captionId={captionId}>
          <Table zebra className="data-table" ref={tableRef}>
            <caption id={captionId} className="sr-only">
              {t('access.import.rowsCaption')}
            </caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('access.import.colRow')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('access.import.colAction')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('access.import.colUsername')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('access.import.colPerson')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('access.import.colRoles')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('access.import.colDetails')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {rows.slice(0, shown).map((row) => (
                <Table.Row key={row.row} tabIndex={-1}>
                  <Table.Cell>{row.row}</Table.Cell>
                  <Table.Cell>
                    <span className={row.action === 'error' ? 'action-text action-text--error' : 'action-text'}>
                      {t(`access.import.action.${row.action}`)}
                    </span>
                  </Table.Cell>
                  <Table.Cell>
                    {row.username ?? '–'}
                    {row.name && <div className="cell-note">{row.name}</div>}
                  </Table.Cell>
                  <Table.Cell>
                    {row.person ? (
                      <>
                        {row.person.name}
                        {row.matchedBy && <div className="cell-note">{t(`access.import.matchedBy.${row.matchedBy}`)}</div>}
                      </>
                    ) : row.action === 'error' ? (
                      '–'
                    ) : (
                      <strong>{t('access.import.noPerson')}</strong>
                    )}
                  </Table.Cell>
                  <Table.Cell>{row.roles.length > 0 ? row.roles.join(', ') : '–'}</Table.Cell>
                  <Table.Cell>
                    {started(row).length > 0 && <div>{t('access.import.started', { roles: started(row).join(', ') })}</div>}
                    {row.ended && row.ended.length > 0 && <div>{t('access.import.ended', { roles: row.ended.join(', ') })}</div>}
                    {row.changes && row.changes.length > 0 && (
                      <div>
                        {t('access.import.changed', {
                          fields: row.changes.map((c) => t(`access.import.field.${c}`, { defaultValue: c })).join(', '),
                        })}
                      </div>
                    )}
                    {row.errors && row.errors.length > 0 && (
                      <ul className="plain-list">
                        {row.errors.map((e, i) => (
                          <li key={i} className="access-import-error">
                            {t('access.import.errorAt', { cell: e.cell, column: e.column, message: e.message })}
                          </li>
                        ))}
                      </ul>
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
      <ShowMore
        hasMore={rows.length > shown}
        loading={false}
        onMore={() => setShown((n) => n + PAGE)}
        count={Math.min(shown, rows.length)}
        tableRef={tableRef}
      />
    </section>
  );
}
