import { Button, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useRef, type FormEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useSearchParams } from 'react-router';
import { overviewExportUrl, useOverview } from '../../api/classifications.ts';
import { useFilterValues } from '../../components/filterForm.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { UnitSelect } from '../shared/UnitSelect.tsx';
import { OverviewChart } from './OverviewChart.tsx';
import type { Drill } from './OverviewDrillLink.tsx';
import { OverviewFigures } from './OverviewFigures.tsx';
import { useOverviewLabels } from './overviewLabels.ts';
import { overviewSearch, readOverviewView, toOverviewFilter } from './overviewParams.ts';
import { OverviewSystems } from './OverviewSystems.tsx';
import { OverviewUnitsTable } from './OverviewUnitsTable.tsx';
import './overview.css';

const unitKey = (values: { unitId: string }) => values.unitId;

/**
 * /classifications — how far the förvaltningar have come with information classification: key figures, a table per
 * förvaltning, the levels per aspect, and the systems behind any of those numbers. Summary first, detail below; the
 * filters live in the URL (?unitId=&state=&aspect=&level=), so every number is a link and Back works.
 */
export function OverviewPage() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const [params, setParams] = useSearchParams();
  const view = readOverviewView(params);
  const labels = useOverviewLabels();
  const overview = useOverview(view.unitId);
  const listHeading = useRef<HTMLHeadingElement>(null);
  const { values, setValues, markApplied } = useFilterValues({ unitId: view.unitId }, unitKey);

  const drill: Drill = {
    href: (to) => `${pathname}${overviewSearch(to)}`,
    onFollow: (event: MouseEvent<HTMLAnchorElement>) => {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      // After the router has shown the new filters: the list's heading (it stays mounted) takes focus, at the top.
      window.requestAnimationFrame(() => {
        const heading = listHeading.current;
        if (!heading) return;
        heading.scrollIntoView({ block: 'start' });
        heading.focus({ preventScroll: true });
      });
    },
  };

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    markApplied(values);
    setParams(overviewSearch({ ...view, unitId: values.unitId }));
  }

  if (overview.isError && !overview.data) return <LoadError error={overview.error} title={t('classifications.overview.title')} />;

  return (
    <>
      <PageHeading title={t('classifications.overview.title')} />
      <Paragraph>{t('classifications.overview.lead')}</Paragraph>
      <div className="overview-toolbar">
        <form className="overview-unit-form" noValidate onSubmit={onSubmit} aria-label={t('classifications.overview.filterLabel')}>
          <UnitSelect
            id="classification-overview-unit"
            label={t('classifications.overview.filterUnit')}
            placeholder={t('classifications.overview.filterAll')}
            value={values.unitId}
            onChange={(unitId) => setValues({ unitId })}
            activeOnly={false}
          />
          <Button type="submit" variant="secondary">
            {t('classifications.overview.apply')}
          </Button>
        </form>
        {/* The download of the systems as filtered now (the server applies the same filters and access). */}
        <Button asChild variant="secondary">
          <a href={overviewExportUrl(toOverviewFilter(view))} download>
            {t('classifications.overview.export')}
          </a>
        </Button>
      </div>
      {overview.isPending && <Spinner aria-label={t('classifications.overview.loading')} />}
      {overview.data && (
        <>
          <OverviewFigures overview={overview.data} view={view} drill={drill} labels={labels} />
          <OverviewUnitsTable rows={overview.data.forvaltningar} drill={drill} labels={labels} />
          <OverviewChart distribution={overview.data.distribution} view={view} drill={drill} labels={labels} />
        </>
      )}
      <OverviewSystems view={view} drill={drill} labels={labels} headingRef={listHeading} />
    </>
  );
}
