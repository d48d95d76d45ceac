import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClassificationOverview, OverviewState } from '../../api/classifications.ts';
import { TableScroll } from '../../components/TableScroll.tsx';
import { DrillLink, type Drill } from './OverviewDrillLink.tsx';
import type { OverviewLabels } from './overviewLabels.ts';
import { wholePercent } from './overviewParams.ts';

type Row = ClassificationOverview['forvaltningar'][number];

const COLUMNS = [
  { key: 'total', state: null },
  { key: 'approved', state: 'approved' },
  { key: 'inProgress', state: 'in_progress' },
  { key: 'missing', state: 'missing' },
  { key: 'reviewDue', state: 'review_due' },
] as const satisfies readonly { key: keyof Omit<Row, 'unit'>; state: OverviewState | null }[];

interface Props {
  rows: Row[];
  drill: Drill;
  labels: OverviewLabels;
}

/**
 * "Per förvaltning": how far each förvaltning has come. A number above 0 shows the systems behind it (the page
 * filtered to that förvaltning and state). Systems owned outside every förvaltning have a row of their own; the
 * API cannot filter on "outside", so its numbers are not links.
 */
export function OverviewUnitsTable({ rows, drill, labels }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const captionId = useId();
  const outside = t('classifications.overview.units.outside');

  function cell(row: Row, column: (typeof COLUMNS)[number]) {
    const count = row[column.key];
    const text = labels.number(count);
    if (count === 0 || !row.unit) return text;
    return (
      <DrillLink drill={drill} to={{ unitId: row.unit.id, state: column.state }}>
        {text}
        <span className="sr-only">
          {' '}
          {t('classifications.overview.units.linkContext', {
            column: t(`classifications.overview.units.col.${column.key}`),
            unit: row.unit.name,
          })}
        </span>
      </DrillLink>
    );
  }

  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={2} data-size="sm" id={headingId}>
        {t('classifications.overview.units.heading')}
      </Heading>
      {rows.length === 0 ? (
        <Paragraph>{t('classifications.overview.units.empty')}</Paragraph>
      ) : (
        <TableScroll captionId={captionId}>
          <Table zebra className="data-table overview-table">
            <caption id={captionId} className="sr-only">
              {t('classifications.overview.units.caption')}
            </caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('classifications.overview.units.col.unit')}</Table.HeaderCell>
                {COLUMNS.map((c) => (
                  <Table.HeaderCell key={c.key} scope="col" className="overview-num">
                    {t(`classifications.overview.units.col.${c.key}`)}
                  </Table.HeaderCell>
                ))}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {rows.map((row) => {
                const percent = wholePercent(row.approved, row.total);
                return (
                  <Table.Row key={row.unit?.id ?? ''}>
                    <Table.HeaderCell scope="row" className="overview-row-head">
                      {row.unit ? row.unit.name : <em>{outside}</em>}
                    </Table.HeaderCell>
                    {COLUMNS.map((c) => (
                      <Table.Cell key={c.key} className="overview-num">
                        {cell(row, c)}
                        {c.key === 'approved' && percent !== null && (
                          <span className="cell-note overview-share"> ({labels.percent(percent)})</span>
                        )}
                      </Table.Cell>
                    ))}
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
      {rows.some((r) => !r.unit) && (
        <Paragraph data-size="sm" className="muted">
          {t('classifications.overview.units.outsideNote')}
        </Paragraph>
      )}
    </section>
  );
}
