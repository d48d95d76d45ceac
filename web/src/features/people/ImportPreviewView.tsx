import { Alert, Button, Heading, Link, Paragraph, Spinner, Table } from '@digdir/designsystemet-react';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { FocusAlert } from '../../components/FocusAlert.tsx';
import { formatDateTime } from '../../components/format.ts';
import { useLocale } from '../../components/language.ts';
import { RowFilter } from '../../components/RowFilter.tsx';
import { ShowMore } from '../../components/ShowMore.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import type { ImportPreview, ImportRow } from '../../api/people.ts';

/** The HR import's dry run: what would change, row by row, with a filter and paging, and the button that applies it. */
function useActionLabel() {
  const { t } = useTranslation();
  return (action: ImportRow['action']): string => {
    switch (action) {
      case 'create':
        return t('import.action.create');
      case 'update':
        return t('import.action.update');
      case 'unchanged':
        return t('import.action.unchanged');
      case 'error':
        return t('import.action.error');
      default:
        return action;
    }
  };
}

/** Changed fields come as Person field names; say them as the person page does. */
function useChangeLabel() {
  const { t } = useTranslation();
  return (field: string): string => {
    switch (field) {
      case 'name':
        return t('people.fields.name');
      case 'email':
        return t('people.fields.email');
      case 'title':
        return t('people.fields.title');
      case 'homeUnit':
      case 'homeUnitId':
        return t('people.fields.homeUnit');
      case 'manager':
      case 'managerId':
        return t('people.fields.manager');
      case 'externalId':
        return t('people.fields.externalId');
      case 'status':
        return t('people.fields.status');
      default:
        return field;
    }
  };
}

const PAGE = 200;

/** Which rows the preview shows: those that change something (or have errors), only errors, all. */
type Show = 'changes' | 'errors' | 'all';
const SHOWS: Show[] = ['changes', 'errors', 'all'];
const shows: Record<Show, (r: ImportRow) => boolean> = {
  changes: (r) => r.action !== 'unchanged',
  errors: (r) => r.action === 'error',
  all: () => true,
};

export function ImportPreviewView({
  preview,
  applying,
  applyError,
  onApply,
  onCancel,
}: {
  preview: ImportPreview;
  applying: boolean;
  applyError: string | null;
  onApply: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const actionLabel = useActionLabel();
  const changeLabel = useChangeLabel();
  const captionId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const [show, setShow] = useState<Show>('changes');
  const [shown, setShown] = useState(PAGE);
  const showCounts = Object.fromEntries(SHOWS.map((k) => [k, preview.rows.filter(shows[k]).length])) as Record<Show, number>;
  const rows = preview.rows.filter(shows[show]);
  const { counts } = preview;
  const nothingToDo = counts.create + counts.update + counts.markLeft === 0;

  // The preview replaces the form's place in the reading order: continue from its heading.
  useEffect(() => {
    headingRef.current?.focus();
  }, [preview.id]);

  return (
    <section aria-labelledby="import-preview-heading" className="section">
      <Heading level={2} data-size="sm" id="import-preview-heading" ref={headingRef} tabIndex={-1} className="focus-target">
        {t('import.previewHeading')}
      </Heading>
      <Paragraph>
        {t(preview.mode === 'full' ? 'import.previewIntroFull' : 'import.previewIntroPartial', {
          time: formatDateTime(preview.expiresAt, locale),
        })}
      </Paragraph>
      <dl className="facts facts--counts">
        <dt>{t('import.counts.create')}</dt>
        <dd>{counts.create}</dd>
        <dt>{t('import.counts.update')}</dt>
        <dd>{counts.update}</dd>
        <dt>{t('import.counts.unchanged')}</dt>
        <dd>{counts.unchanged}</dd>
        <dt>{t('import.counts.error')}</dt>
        <dd>{counts.error}</dd>
        <dt>{t('import.counts.markLeft')}</dt>
        <dd>{counts.markLeft}</dd>
      </dl>
      {counts.error > 0 && <Alert data-color="warning">{t('import.errorsWarning', { count: counts.error })}</Alert>}
      {preview.warnings.map((warning) => (
        <Alert key={warning.code} data-color="warning">
          {warning.message}
        </Alert>
      ))}

      <Heading level={3} data-size="xs">
        {t('import.rowsHeading')}
      </Heading>
      <RowFilter
        legend={t('import.rowFilter.legend')}
        options={SHOWS.map((k) => ({ key: k, label: t(`import.rowFilter.${k}`, { count: showCounts[k] }) }))}
        value={show}
        onChange={(k) => {
          setShow(k);
          setShown(PAGE);
        }}
      />
      <p role="status" className="list-status">
        {t('import.rowFilter.showing', { shown: Math.min(shown, rows.length), count: rows.length })}
      </p>
      {rows.length === 0 ? (
        <Paragraph>{t('import.noRowsToShow')}</Paragraph>
      ) : (
        <TableScroll captionId={captionId}>
          <Table zebra className="data-table" ref={tableRef}>
            <caption id={captionId} className="sr-only">
              {t('import.rowsCaption')}
            </caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('import.colRow')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('import.colAction')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('import.colExternalId')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('import.colName')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('import.colDetails')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {rows.slice(0, shown).map((row) => (
                <Table.Row key={row.row} tabIndex={-1}>
                  <Table.Cell>{row.row}</Table.Cell>
                  <Table.Cell>
                    <span className={row.action === 'error' ? 'action-text action-text--error' : 'action-text'}>{actionLabel(row.action)}</span>
                  </Table.Cell>
                  <Table.Cell>{row.externalId ?? '–'}</Table.Cell>
                  <Table.Cell>{row.name ?? '–'}</Table.Cell>
                  <Table.Cell>
                    {row.errors && row.errors.length > 0 && (
                      <ul className="plain-list">
                        {row.errors.map((error, index) => (
                          <li key={index}>
                            {error.column ? t('import.errorInColumn', { column: error.column, message: error.message }) : error.message}
                          </li>
                        ))}
                      </ul>
                    )}
                    {row.changes && row.changes.length > 0 && (
                      <>{t('import.changed', { fields: row.changes.map(changeLabel).join(', ') })}</>
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
      <ShowMore hasMore={rows.length > shown} loading={false} onMore={() => setShown((n) => n + PAGE)} count={Math.min(shown, rows.length)} tableRef={tableRef} />

      {preview.markLeft.length > 0 && (
        <>
          <Heading level={3} data-size="xs">
            {t('import.markLeftHeading', { count: preview.markLeft.length })}
          </Heading>
          <Paragraph>{t('import.markLeftIntro')}</Paragraph>
          <ul className="plain-list">
            {preview.markLeft.map((person) => (
              <li key={person.id}>
                <Link asChild>
                  <RouterLink to={`/people/${person.id}`}>{person.name}</RouterLink>
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}

      {applyError && <FocusAlert color="danger">{applyError}</FocusAlert>}
      {nothingToDo ? (
        <Paragraph>{t('import.nothingToDo')}</Paragraph>
      ) : (
        <Paragraph>{t('import.applyIntro')}</Paragraph>
      )}
      <div className="actions">
        {!nothingToDo && (
          <Button loading={applying} onClick={onApply}>
            {t('import.applySubmit')}
          </Button>
        )}
        <Button variant="secondary" onClick={onCancel}>
          {t('import.startOver')}
        </Button>
      </div>
      {applying && (
        <div role="status" className="progress-row">
          <Spinner aria-hidden="true" data-size="sm" />
          <span>{t('import.applying')}</span>
        </div>
      )}
    </section>
  );
}
