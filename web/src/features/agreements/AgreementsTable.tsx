import { Link, Table, Tag } from '@digdir/designsystemet-react';
import { useId, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { formatDate } from '../../components/format.ts';
import { useLocale } from '../../components/language.ts';
import { TableScroll } from '../../components/TableScroll.tsx';
import { CLAUSES, type AgreementSummary } from '../../api/agreements.ts';
import { STATUS_COLOR, useAgreementLabels } from './labels.ts';

interface Props {
  agreements: AgreementSummary[];
  caption: string;
  /** Leave out the supplier column (on the supplier's own page). */
  hideSupplier?: boolean;
  tableRef?: RefObject<HTMLTableElement | null>;
  /** An extra last column (e.g. an unlink button) and its header. */
  action?: { header: string; cell: (agreement: AgreementSummary) => ReactNode };
}

/** Agreements with their status and security clauses, all as words (a colour only repeats the status). */
export function AgreementsTable({ agreements, caption, hideSupplier, tableRef, action }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const labels = useAgreementLabels();
  const captionId = useId();
  const date = (iso: string | null) => (iso ? <time dateTime={iso}>{formatDate(iso, locale)}</time> : <span className="muted">{t('agreements.noDate')}</span>);

  return (
    <TableScroll captionId={captionId}>
      <Table ref={tableRef} zebra className="data-table">
        <caption id={captionId} className="sr-only">
          {caption}
        </caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('agreements.columns.title')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('agreements.columns.kind')}</Table.HeaderCell>
            {!hideSupplier && <Table.HeaderCell scope="col">{t('agreements.columns.supplier')}</Table.HeaderCell>}
            <Table.HeaderCell scope="col">{t('agreements.columns.endDate')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('agreements.columns.status')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('agreements.columns.clauses')}</Table.HeaderCell>
            {action && <Table.HeaderCell scope="col">{action.header}</Table.HeaderCell>}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {agreements.map((a) => (
            <Table.Row key={a.id} tabIndex={-1}>
              <Table.Cell>
                <Link asChild>
                  <RouterLink to={`/agreements/${a.id}`}>{a.title}</RouterLink>
                </Link>
                {a.reference && <div className="cell-note">{t('agreements.referenceNote', { reference: a.reference })}</div>}
              </Table.Cell>
              <Table.Cell>{labels.kind(a.kind)}</Table.Cell>
              {!hideSupplier && (
                <Table.Cell>
                  {a.supplier ? (
                    <Link asChild>
                      <RouterLink to={`/suppliers/${a.supplier.id}`}>{a.supplier.name}</RouterLink>
                    </Link>
                  ) : (
                    <span className="muted">{t('agreements.noSupplier')}</span>
                  )}
                </Table.Cell>
              )}
              <Table.Cell>
                {date(a.endDate)}
                {a.noticeMonths !== null && <div className="cell-note">{t('agreements.noticeNote', { count: a.noticeMonths })}</div>}
                {a.autoRenewal && <div className="cell-note">{t('agreements.autoRenewalNote')}</div>}
              </Table.Cell>
              <Table.Cell>
                <Tag data-color={STATUS_COLOR[a.status]} data-size="sm">
                  {labels.status(a.status)}
                </Tag>
                {a.status === 'in_notice_period' && a.noticeFrom && (
                  <div className="cell-note">{t('agreements.noticeSince', { date: formatDate(a.noticeFrom, locale) })}</div>
                )}
              </Table.Cell>
              <Table.Cell>
                <ul className="plain-list clause-list">
                  {CLAUSES.map((c) => (
                    <li key={c}>
                      {labels.clause(c)}: {labels.yesNo(a.clauses[c])}
                    </li>
                  ))}
                </ul>
              </Table.Cell>
              {action && <Table.Cell>{action.cell(a)}</Table.Cell>}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableScroll>
  );
}
