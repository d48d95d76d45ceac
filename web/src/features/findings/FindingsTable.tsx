import { Link as DsLink, Table, Tag } from '@digdir/designsystemet-react';
import { useId, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../components/format.ts';
import { useLocale } from '../../components/language.ts';
import { TableScroll } from '../../components/TableScroll.tsx';
import type { FindingSeverity, RegisterFinding } from '../../api/findings.ts';
import { useFollowUpLabels } from './labels.ts';
import './findings.css';

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

/** What a finding is about, as a link to the system's or the unit's page (the kommun as a whole is text). */
export function SubjectLink({ subject }: { subject: RegisterFinding['subject'] }) {
  const { t } = useTranslation();
  const href =
    subject.id && (subject.kind === 'system' ? `/systems/${subject.id}` : subject.kind === 'unit' ? `/organisation/${subject.id}` : null);
  const name = subject.name ?? t('findings.installation');
  return href ? (
    <DsLink asChild>
      <Link to={href}>{name}</Link>
    </DsLink>
  ) : (
    <>{name}</>
  );
}

/** The due date, with "Försenad" in words (a tag repeats it in colour) when it has passed. */
export function DueDate({ dueOn, overdue }: { dueOn: string | null; overdue: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!dueOn) return <span className="cell-note">{t('finding.noDue')}</span>;
  return (
    <>
      <time dateTime={dueOn} className="nowrap">
        {formatDate(dueOn, locale)}
      </time>
      {overdue && (
        <>
          {' '}
          <Tag data-color="danger" data-size="sm">
            {t('finding.overdue')}
          </Tag>
        </>
      )}
    </>
  );
}

/** Findings: severity, what is wrong (a link to its page), where, who is to act, by when, its handling, since when. */
export function FindingsTable({ findings, tableRef, caption, hideSubject }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const captionId = useId();
  const labels = useFollowUpLabels();
  return (
    <TableScroll captionId={captionId}>
      <Table ref={tableRef} zebra className="data-table">
        <caption id={captionId}>{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('findings.colSeverity')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('findings.colFinding')}</Table.HeaderCell>
            {!hideSubject && <Table.HeaderCell scope="col">{t('findings.colSubject')}</Table.HeaderCell>}
            <Table.HeaderCell scope="col">{t('findings.colOwner')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('findings.colDue')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('findings.colHandling')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('findings.colSince')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {findings.map((f) => (
            <Table.Row key={f.id} tabIndex={-1}>
              <Table.Cell>
                <SeverityTag severity={f.severity} />
              </Table.Cell>
              <Table.Cell className="finding-cell">
                <DsLink asChild>
                  <Link to={`/findings/${f.id}`}>{f.text}</Link>
                </DsLink>
                <div className="cell-note">
                  {t(`findings.rules.${f.rule}`, { defaultValue: f.rule })}
                  {f.status === 'resolved' && f.resolvedAt && ` · ${t('findings.resolvedOn', { date: formatDate(f.resolvedAt, locale) })}`}
                </div>
              </Table.Cell>
              {!hideSubject && (
                <Table.Cell>
                  <SubjectLink subject={f.subject} />
                </Table.Cell>
              )}
              <Table.Cell>{f.owner ? f.owner.name : <span className="cell-note">{t('findings.noActor')}</span>}</Table.Cell>
              <Table.Cell>
                <DueDate dueOn={f.dueOn} overdue={f.overdue} />
              </Table.Cell>
              <Table.Cell>
                {f.status === 'open' ? labels.handling(f.handling) : <span className="cell-note">{t('findings.status.resolved')}</span>}
              </Table.Cell>
              <Table.Cell>
                <time dateTime={f.since} className="nowrap">
                  {formatDate(f.since, locale)}
                </time>
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}
