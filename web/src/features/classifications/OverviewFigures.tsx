import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClassificationOverview } from '../../api/classifications.ts';
import { DrillLink, type Drill } from './OverviewDrillLink.tsx';
import type { OverviewLabels } from './overviewLabels.ts';
import { wholePercent, type OverviewView } from './overviewParams.ts';

interface Props {
  overview: ClassificationOverview;
  view: OverviewView;
  drill: Drill;
  labels: OverviewLabels;
}

/** The key figures: systems in scope, approved (with the share), in progress, missing, due for review; each shows its systems. */
export function OverviewFigures({ overview, view, drill, labels }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const percent = wholePercent(overview.approved, overview.total);
  const listed = view.level === null ? view.state : undefined;
  const figures = [
    { key: 'total', count: overview.total, state: null, label: t('classifications.overview.figures.total', { count: overview.total }) },
    {
      key: 'approved',
      count: overview.approved,
      state: 'approved',
      label:
        percent === null
          ? t('classifications.overview.figures.approved', { count: overview.approved })
          : t('classifications.overview.figures.approvedShare', { count: overview.approved, percent: labels.percent(percent) }),
    },
    {
      key: 'inProgress',
      count: overview.inProgress,
      state: 'in_progress',
      label: t('classifications.overview.figures.inProgress', { count: overview.inProgress }),
    },
    {
      key: 'missing',
      count: overview.missing,
      state: 'missing',
      label: t('classifications.overview.figures.missing', { count: overview.missing }),
    },
    {
      key: 'reviewDue',
      count: overview.reviewDue,
      state: 'review_due',
      label: t('classifications.overview.figures.reviewDue', { count: overview.reviewDue }),
    },
  ] as const;
  // A system whose approved classification has a new version on its way counts as approved and as in progress.
  const overlap = overview.approved + overview.inProgress + overview.missing > overview.total;

  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={2} data-size="sm" id={headingId}>
        {t('classifications.overview.figures.heading')}
      </Heading>
      <ul className="overview-figures">
        {figures.map((f) => (
          <li key={f.key}>
            <DrillLink drill={drill} to={{ unitId: view.unitId, state: f.state }} current={listed === f.state} className="overview-figure">
              <span className="overview-figure__number">{labels.number(f.count)}</span>
              <span className="overview-figure__label">{f.label}</span>
            </DrillLink>
          </li>
        ))}
      </ul>
      {overlap && (
        <Paragraph data-size="sm" className="muted">
          {t('classifications.overview.figures.overlapNote')}
        </Paragraph>
      )}
    </section>
  );
}
