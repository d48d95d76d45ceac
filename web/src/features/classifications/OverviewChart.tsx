import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClassificationOverview } from '../../api/classifications.ts';
import { TableScroll } from '../../components/TableScroll.tsx';
import { DrillLink, type Drill } from './OverviewDrillLink.tsx';
import type { OverviewLabels } from './overviewLabels.ts';
import { barLength, largestCount, levelNumbers, type OverviewView } from './overviewParams.ts';

type Distribution = ClassificationOverview['distribution'];

interface Props {
  distribution: Distribution;
  view: OverviewView;
  drill: Drill;
  labels: OverviewLabels;
}

/**
 * "Nivåer per aspekt": the approved classifications' levels per aspect, as bars (CSS, hidden from assistive
 * technology: every bar writes its level's number, label and count) and as a table with the same numbers, each
 * count a link to the systems at that level.
 */
export function OverviewChart({ distribution, view, drill, labels }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const captionId = useId();
  const max = largestCount(distribution);
  const columns = levelNumbers(distribution);

  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={2} data-size="sm" id={headingId}>
        {t('classifications.overview.chart.heading')}
      </Heading>
      <Paragraph>{t('classifications.overview.chart.intro')}</Paragraph>
      {max === 0 ? (
        <Paragraph className="muted">{t('classifications.overview.chart.empty')}</Paragraph>
      ) : (
        <>
          <div className="overview-chart" aria-hidden="true">
            {distribution.map((d) => (
              <div key={d.aspect} className="overview-chart__aspect">
                <div className="overview-chart__title">{labels.aspect(d.aspect)}</div>
                <div className="overview-chart__bars">
                  {d.levels.map((l) => (
                    <div key={l.number} className="overview-chart__row">
                      <span className="overview-chart__level">{labels.level(d.aspect, l.number)}</span>
                      <span className="overview-chart__track">
                        <span className="overview-chart__bar" style={{ width: `${barLength(l.count, max)}%` }} />
                      </span>
                      <span className="overview-chart__count">{labels.number(l.count)}</span>
                    </div>
                  ))}
                </div>
              </div>
            ))}
          </div>
          <TableScroll captionId={captionId}>
            <Table className="data-table overview-table overview-levels">
              <caption id={captionId}>{t('classifications.overview.chart.caption')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t('classifications.overview.chart.colAspect')}</Table.HeaderCell>
                  {columns.map((n) => (
                    <Table.HeaderCell key={n} scope="col" className="overview-num">
                      {t('classifications.overview.chart.colLevel', { level: n })}
                    </Table.HeaderCell>
                  ))}
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {distribution.map((d) => (
                  <Table.Row key={d.aspect}>
                    <Table.HeaderCell scope="row" className="overview-row-head">
                      {labels.aspect(d.aspect)}
                    </Table.HeaderCell>
                    {columns.map((n) => {
                      const level = d.levels.find((l) => l.number === n);
                      if (!level) return <Table.Cell key={n} className="overview-num" />;
                      const name = labels.levelName(d.aspect, n);
                      const text = labels.number(level.count);
                      return (
                        <Table.Cell key={n} className="overview-num">
                          {level.count === 0 ? (
                            text
                          ) : (
                            <DrillLink
                              drill={drill}
                              to={{ unitId: view.unitId, aspect: d.aspect, level: n }}
                              current={view.aspect === d.aspect && view.level === n}
                            >
                              {text}
                              <span className="sr-only">
                                {' '}
                                {t('classifications.overview.chart.linkContext', {
                                  aspect: labels.aspectInText(d.aspect),
                                  level: labels.level(d.aspect, n),
                                })}
                              </span>
                            </DrillLink>
                          )}
                          {name && (
                            <span className="overview-levels__name" aria-hidden={level.count > 0 ? true : undefined}>
                              {name}
                            </span>
                          )}
                        </Table.Cell>
                      );
                    })}
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableScroll>
        </>
      )}
    </section>
  );
}
