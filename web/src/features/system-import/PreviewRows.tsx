import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RowFilter } from '../../components/RowFilter.tsx';
import { ShowMore } from '../../components/ShowMore.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import type { ImportMessage, ImportPreview } from '../../api/system-import.ts';
import { useActionLabel, useChangeLabel, useWhere } from './labels.ts';

const PAGE = 200;

/** Which rows the table shows: those that change something (or have messages), only errors, only remarks, all. */
type Show = 'changes' | 'errors' | 'notes' | 'all';
const SHOWS: Show[] = ['changes', 'errors', 'notes', 'all'];

type Row = ImportPreview['rows'][number];
const shows: Record<Show, (r: Row) => boolean> = {
  changes: (r) => r.action !== 'unchanged' || r.classification === 'create' || r.classification === 'update' || Boolean(r.errors?.length || r.notes?.length),
  errors: (r) => r.action === 'error',
  notes: (r) => Boolean(r.notes?.length),
  all: () => true,
};

/**
 * The dry-run's rows in a compact table: what happens to each, what it changes and its errors (with the
 * cell) in the row; its remarks folded behind a count. A filter shows only the rows with errors or with
 * remarks; long files page by 200.
 */
export function PreviewRows({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  const actionLabel = useActionLabel();
  const changeLabel = useChangeLabel();
  const where = useWhere();
  const captionId = useId();
  const tableRef = useRef<HTMLTableElement>(null);
  const [show, setShow] = useState<Show>('changes');
  const [shown, setShown] = useState(PAGE);
  const counts = Object.fromEntries(SHOWS.map((k) => [k, preview.rows.filter(shows[k]).length])) as Record<Show, number>;
  const rows = show === 'all' ? preview.rows : preview.rows.filter(shows[show]);
  const message = (m: ImportMessage) =>
    m.cell ? t('systemImport.messageAt', { cell: m.cell, column: m.column ?? '', message: m.message }) : m.column ? t('systemImport.messageIn', { column: m.column, message: m.message }) : m.message;

  return (
    <section aria-labelledby="import-rows-heading" className="section">
      <Heading level={3} data-size="xs" id="import-rows-heading">
        {t('systemImport.rowsHeading')}
      </Heading>
      <RowFilter
        legend={t('systemImport.rowFilter.legend')}
        options={SHOWS.map((k) => ({ key: k, label: t(`systemImport.rowFilter.${k}`, { count: counts[k] }) }))}
        value={show}
        onChange={(k) => {
          setShow(k);
          setShown(PAGE);
        }}
      />
      <p role="status" className="list-status">
        {t('systemImport.rowFilter.showing', { shown: Math.min(shown, rows.length), count: rows.length, total: preview.rows.length })}
      </p>
      {rows.length === 0 ? (
        <Paragraph>{t('systemImport.noRowsToShow')}</Paragraph>
      ) : (
        <TableScroll captionId={captionId}>
          <Table zebra className="data-table import-rows" ref={tableRef}>
            <caption id={captionId} className="sr-only">
              {t('systemImport.rowsCaption')}
            </caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('systemImport.colRow')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('systemImport.colAction')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('systemImport.colRegisterNo')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('systemImport.colName')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('systemImport.colUnit')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('systemImport.colDetails')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {rows.slice(0, shown).map((row) => (
                <Table.Row key={`${row.sheet ?? ''}:${row.row}`} tabIndex={-1}>
                  <Table.Cell>{where({ sheet: row.sheet, row: row.row })}</Table.Cell>
                  <Table.Cell>
                    <span className={row.action === 'error' ? 'action-text action-text--error' : 'action-text'}>{actionLabel(row.action)}</span>
                  </Table.Cell>
                  <Table.Cell>{row.registerNo ?? t('systemImport.newRegisterNo')}</Table.Cell>
                  <Table.Cell>{row.name ?? '–'}</Table.Cell>
                  <Table.Cell>{row.unit ?? '–'}</Table.Cell>
                  <Table.Cell className="import-rows__details">
                    {row.changes && row.changes.length > 0 && <div>{t('systemImport.changed', { fields: row.changes.map(changeLabel).join(', ') })}</div>}
                    {row.classification && <div>{t(`systemImport.rowClassification.${row.classification}`)}</div>}
                    {row.errors && row.errors.length > 0 && (
                      <ul className="plain-list">
                        {row.errors.map((e, i) => (
                          <li key={`e${i}`} className="import-error">
                            {t('systemImport.errorPrefix', { message: message(e) })}
                          </li>
                        ))}
                      </ul>
                    )}
                    {row.notes && row.notes.length > 0 && (
                      <details className="import-notes" open={show === 'notes' || undefined}>
                        <summary>{t('systemImport.notesSummary', { count: row.notes.length })}</summary>
                        <ul className="plain-list">
                          {row.notes.map((n, i) => (
                            <li key={`n${i}`}>{message(n)}</li>
                          ))}
                        </ul>
                      </details>
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
      <ShowMore hasMore={rows.length > shown} loading={false} onMore={() => setShown((n) => n + PAGE)} count={Math.min(shown, rows.length)} tableRef={tableRef} />
    </section>
  );
}
