import { Alert, Heading, Link, Spinner, Table, Tag } from '@digdir/designsystemet-react';
import { useId, useRef, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { ASPECTS, useOverviewSystems, type OverviewSystem } from '../../api/classifications.ts';
import { formatDate } from '../../components/format.ts';
import { messageOf } from '../../components/forms.ts';
import { useLocale } from '../../components/language.ts';
import { ShowMore } from '../../components/ShowMore.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { DrillLink, type Drill } from './OverviewDrillLink.tsx';
import type { OverviewLabels } from './overviewLabels.ts';
import { isDrilledDown, toOverviewFilter, type OverviewView } from './overviewParams.ts';

const STATE_COLOR = { approved: 'success', in_progress: 'info', missing: 'danger' } as const;

interface Props {
  view: OverviewView;
  drill: Drill;
  labels: OverviewLabels;
  /** Receives focus after a drill-down. */
  headingRef: RefObject<HTMLHeadingElement | null>;
}

/** "System": the systems behind the chosen number, 50 at a time, with their state, levels and next review. */
export function OverviewSystems({ view, drill, labels, headingRef }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const headingId = useId();
  const captionId = useId();
  const tableRef = useRef<HTMLTableElement>(null);
  const systems = useOverviewSystems(toOverviewFilter(view));
  const items = systems.data?.pages.flatMap((p) => p.items) ?? [];
  const total = systems.data?.pages[0]?.total ?? 0;

  const filters = [
    view.state && t(`classifications.overview.list.filter.${view.state}`),
    view.aspect &&
      view.level !== null &&
      t('classifications.overview.list.filterLevel', {
        aspect: labels.aspectInText(view.aspect),
        level: labels.level(view.aspect, view.level),
      }),
  ].filter(Boolean);

  return (
    <section aria-labelledby={headingId} className="section">
      <Heading level={2} data-size="sm" id={headingId} ref={headingRef} tabIndex={-1} className="focus-target overview-list-heading">
        {t('classifications.overview.list.heading')}
      </Heading>
      {isDrilledDown(view) && (
        <p className="overview-chip">
          <span>{t('classifications.overview.list.filteredBy', { filters: filters.join(', ') })}</span>
          <DrillLink drill={drill} to={{ unitId: view.unitId }}>
            {t('classifications.overview.list.showAll')}
          </DrillLink>
        </p>
      )}
      <div role="status" className="list-status">
        {systems.isSuccess &&
          (total === 0
            ? t('classifications.overview.list.empty')
            : t('classifications.overview.list.count', { count: total, number: labels.number(total) }))}
      </div>
      {systems.isPending && <Spinner aria-label={t('classifications.overview.list.loading')} />}
      {systems.isError && (
        <Alert data-color="danger" role="alert">
          {messageOf(systems.error, t('errors.unexpected'))}
        </Alert>
      )}
      {items.length > 0 && (
        <TableScroll captionId={captionId}>
          <Table ref={tableRef} zebra className="data-table overview-table">
            <caption id={captionId}>
              {t('classifications.overview.list.caption')}
              <span className="cell-note overview-caption-note">{t('classifications.overview.list.abbreviations')}</span>
            </caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('classifications.overview.list.col.registerNo')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('classifications.overview.list.col.system')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('classifications.overview.list.col.forvaltning')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('classifications.overview.list.col.state')}</Table.HeaderCell>
                {ASPECTS.map((a) => (
                  <Table.HeaderCell key={a} scope="col" className="overview-num" title={labels.aspect(a)}>
                    <span aria-hidden="true">{labels.aspectShort(a)}</span>
                    <span className="sr-only">{labels.aspect(a)}</span>
                  </Table.HeaderCell>
                ))}
                <Table.HeaderCell scope="col">{t('classifications.overview.list.col.nextReview')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {items.map((s) => (
                <SystemRow key={s.id} system={s} labels={labels} locale={locale} />
              ))}
            </Table.Body>
          </Table>
        </TableScroll>
      )}
      <ShowMore
        hasMore={systems.hasNextPage}
        loading={systems.isFetchingNextPage}
        onMore={() => void systems.fetchNextPage()}
        count={items.length}
        tableRef={tableRef}
      />
    </section>
  );
}

function SystemRow({ system: s, labels, locale }: { system: OverviewSystem; labels: OverviewLabels; locale: string }) {
  const { t } = useTranslation();
  return (
    <Table.Row tabIndex={-1}>
      <Table.Cell className="overview-nowrap">{s.registerNo}</Table.Cell>
      <Table.Cell>
        <SystemLink id={s.id} name={s.name} />
      </Table.Cell>
      <Table.Cell>{s.forvaltning ? s.forvaltning.name : <em>{t('classifications.overview.units.outside')}</em>}</Table.Cell>
      <Table.Cell>
        <Tag data-color={STATE_COLOR[s.state]} data-size="sm">
          {labels.state(s)}
        </Tag>
        {s.state === 'approved' && s.inProgress && (
          <div className="cell-note">{t(`classifications.overview.list.newVersion.${s.inProgress}`)}</div>
        )}
      </Table.Cell>
      {ASPECTS.map((a) => {
        const level = s.levels?.[a] ?? null;
        return (
          <Table.Cell key={a} className="overview-num">
            {level === null ? (
              <>
                <span aria-hidden="true">–</span>
                <span className="sr-only">{t('classifications.overview.list.noLevel')}</span>
              </>
            ) : (
              <span title={labels.levelName(a, level) || undefined}>{labels.number(level)}</span>
            )}
          </Table.Cell>
        );
      })}
      <Table.Cell>
        <div className="overview-review">
          {s.nextReviewAt ? (
            <time dateTime={s.nextReviewAt}>{formatDate(s.nextReviewAt, locale)}</time>
          ) : (
            <>
              <span aria-hidden="true" className="muted">
                –
              </span>
              <span className="sr-only">{t('classifications.overview.list.noReview')}</span>
            </>
          )}
          {s.reviewDue && (
            <Tag data-color="warning" data-size="sm">
              {t('classifications.overview.list.reviewDue')}
            </Tag>
          )}
        </div>
      </Table.Cell>
    </Table.Row>
  );
}

/** The system's name, a link to its classification tab. */
function SystemLink({ id, name }: { id: string; name: string }) {
  return (
    <Link asChild>
      <RouterLink to={`/systems/${encodeURIComponent(id)}?tab=classification`}>{name}</RouterLink>
    </Link>
  );
}
