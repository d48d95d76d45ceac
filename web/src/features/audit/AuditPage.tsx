import { Alert, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { ShowMore } from '../../components/ShowMore.tsx';
import { dayBoundary, useAuditEvents, type AuditFilter } from '../../api/audit.ts';
import { AuditFilters, type FilterValues } from './AuditFilters.tsx';
import { AuditTable } from './AuditTable.tsx';

/** /audit — the audit trail, newest first, filtered by entity type and period. */
export function AuditPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tableRef = useRef<HTMLTableElement>(null);

  // The filter lives in the URL so it survives reloads and can be shared.
  const values: FilterValues = {
    entityType: params.get('entityType') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
  };
  const actorId = params.get('actorId') ?? '';
  const filter: AuditFilter = useMemo(
    () => ({
      entityType: values.entityType || undefined,
      actorId: actorId || undefined,
      from: values.from ? dayBoundary(values.from, false) : undefined,
      to: values.to ? dayBoundary(values.to, true) : undefined,
      // An import is one entry that opens to its changes, unless the filter asks for one kind of object.
      grouped: !values.entityType,
    }),
    [values.entityType, values.from, values.to, actorId],
  );
  const events = useAuditEvents(filter);
  const items = events.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Boolean(filter.entityType || filter.actorId || filter.from || filter.to);

  function apply(next: FilterValues) {
    const search = new URLSearchParams();
    if (next.entityType) search.set('entityType', next.entityType);
    if (next.from) search.set('from', next.from);
    if (next.to) search.set('to', next.to);
    setParams(search);
  }

  return (
    <>
      <PageHeading title={t('audit.title')} />
      <Paragraph>{t('audit.intro')}</Paragraph>
      <AuditFilters key={`${values.entityType}|${values.from}|${values.to}`} initial={values} onApply={apply} />
      <div role="status" className="list-status">
        {events.isSuccess &&
          (items.length === 0 ? (filtered ? t('audit.emptyFiltered') : t('audit.empty')) : t('audit.count', { count: items.length }))}
      </div>
      {events.isPending && <Spinner aria-label={t('audit.loading')} />}
      {events.isError && !events.isFetchNextPageError && (
        <Alert data-color="danger" role="alert">
          {isApiError(events.error) ? events.error.message : t('errors.unexpected')}
        </Alert>
      )}
      {items.length > 0 && <AuditTable events={items} tableRef={tableRef} />}
      {events.isFetchNextPageError && (
        <Alert data-color="danger" role="alert">
          {isApiError(events.error) ? events.error.message : t('errors.unexpected')}
        </Alert>
      )}
      <ShowMore
        hasMore={events.hasNextPage}
        loading={events.isFetchingNextPage}
        onMore={() => void events.fetchNextPage()}
        count={items.length}
        tableRef={tableRef}
      />
    </>
  );
}
