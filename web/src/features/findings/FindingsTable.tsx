import { Table, Tag } from '@digdir/designsystemet-react';
import { useId, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../components/format.ts';
import { useLocale } from '../../components/language.ts';
import { TableScroll } from '../../components/TableScroll.tsx';
import type { FindingSeverity, RegisterFinding } from '../../api/findings.ts';

const SEVERITY_COLOR: Record<FindingSeverity, 'danger' | 'warning' | 'info'> = { high: 'danger', medium: 'warning', low: 'info' };

/** The severity as a word in a tag (the colour only repeats what the word says). */
export function SeverityTag({ severity }: { severity: FindingSeverity }) {
  const { t } = useTranslation();
  return (
    <Tag data-color={SEVERITY_COLOR[severity]} data-size="sm">
      {t(`findings.severity.${severity}`)}
    </Tag>
  );
}

interface Props {
  findings: RegisterFinding[];
  tableRef: RefObject<HTMLTableElement | null>;
  caption: string;
  /** Leave out the subject column (on a system's own page). */
  hideSubject?: boolean;
}

/** Findings: severity, what is wrong, where, who should act, since when. */
export function FindingsTable({ findings, tableRef, caption, hideSubject }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const captionId = useId();
  return (
    <TableScroll captionId={captionId}>
      <Table ref={tableRef} zebra className="data-table">
        <caption id={captionId}>{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('findings.colSeverity')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('findings.colFinding')}</Table.HeaderCell>
            {!hideSubject && <Table.HeaderCell scope="col">{t('findings.colSubject')}</Table.HeaderCell>}
            <Table.HeaderCell scope="col">{t('findings.colActor')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('findings.colSince')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {findings.map((f) => (
            <Table.Row key={f.id} tabIndex={-1}>
              <Table.Cell>
                <SeverityTag severity={f.severity} />
              </Table.Cell>
              <Table.Cell>
                <div>{f.text}</div>
                <div className="cell-note">
                  {t(`findings.rules.${f.rule}`, { defaultValue: f.rule })}
                  {f.status === 'resolved' && f.resolvedAt && ` · ${t('findings.resolvedOn', { date: formatDate(f.resolvedAt, locale) })}`}
                </div>
              </Table.Cell>
              {!hideSubject && (
                <Table.Cell>
                  {f.subject.kind === 'system' && f.subject.id ? (
                    <Link to={`/systems/${f.subject.id}`}>{f.subject.name}</Link>
                  ) : f.subject.kind === 'unit' && f.subject.id ? (
                    <Link to={`/organisation/${f.subject.id}`}>{f.subject.name}</Link>
                  ) : (
                    (f.subject.name ?? t('findings.installation'))
                  )}
                </Table.Cell>
              )}
              <Table.Cell>
                {f.actor ? <Link to={`/people/${f.actor.id}`}>{f.actor.name}</Link> : <span className="cell-note">{t('findings.noActor')}</span>}
              </Table.Cell>
              <Table.Cell>
                <time dateTime={f.since}>{formatDate(f.since, locale)}</time>
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}
