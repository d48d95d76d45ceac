import { Alert, Button, Checkbox, Fieldset, Link, Paragraph, Spinner, Textfield } from '@digdir/designsystemet-react';
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { hasPermission } from '../../api/me.ts';
import { isInstallationAdmin } from '../../api/maintenance.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useSignedInUser } from '../../components/RequireAuth.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { ShowMore } from '../../components/ShowMore.tsx';
import { usePersonStatusLabel } from '../shared/personLabels.ts';
import { UnitSelect } from '../shared/UnitSelect.tsx';
import { PERSON_STATUSES, usePeople, type PeopleFilter, type PersonStatus } from '../../api/people.ts';
import { PeopleTable } from './PeopleTable.tsx';

interface FilterValues {
  q: string;
  unitId: string;
  includeSubunits: boolean;
  status: PersonStatus | '';
}

/** /people — everyone in the organisation (also those who have left), searchable and filterable. */
export function PeoplePage() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const canManage = hasPermission(me, 'org:manage');
  const [params, setParams] = useSearchParams();
  const tableRef = useRef<HTMLTableElement>(null);

  // The filter lives in the URL so it survives reloads and can be shared.
  const values: FilterValues = {
    q: params.get('q') ?? '',
    unitId: params.get('unitId') ?? '',
    includeSubunits: params.get('includeSubunits') === 'true',
    status: (PERSON_STATUSES as readonly string[]).includes(params.get('status') ?? '') ? (params.get('status') as PersonStatus) : '',
  };
  const filter: PeopleFilter = useMemo(
    () => ({
      q: values.q || undefined,
      unitId: values.unitId || undefined,
      includeSubunits: values.unitId ? values.includeSubunits : undefined,
      status: values.status || undefined,
    }),
    [values.q, values.unitId, values.includeSubunits, values.status],
  );
  const people = usePeople(filter);
  const items = people.data?.pages.flatMap((page) => page.items) ?? [];
  const total = people.data?.pages[0]?.total;
  const filtered = Boolean(filter.q || filter.unitId || filter.status);

  function apply(next: FilterValues) {
    const search = new URLSearchParams();
    if (next.q) search.set('q', next.q);
    if (next.unitId) search.set('unitId', next.unitId);
    if (next.unitId && next.includeSubunits) search.set('includeSubunits', 'true');
    if (next.status) search.set('status', next.status);
    setParams(search);
  }

  return (
    <>
      <PageHeading title={t('people.title')} />
      <Paragraph>{t('people.intro')}</Paragraph>
      {canManage && (
        <div className="actions">
          <Link asChild>
            <RouterLink to="/people/new">{t('people.createLink')}</RouterLink>
          </Link>
          <Link asChild>
            <RouterLink to="/people/import">{t('people.importLink')}</RouterLink>
          </Link>
          {isInstallationAdmin(me) && (
            <Link asChild>
              <RouterLink to="/admin/suspect-people">{t('nav.repair')}</RouterLink>
            </Link>
          )}
        </div>
      )}
      <PeopleFilters key={`${values.q}|${values.unitId}|${values.includeSubunits}|${values.status}`} initial={values} onApply={apply} />
      <div role="status" className="list-status">
        {people.isSuccess &&
          (items.length === 0
            ? filtered
              ? t('people.emptyFiltered')
              : t('people.empty')
            : typeof total === 'number' && total > items.length
              ? t('people.countOf', { shown: items.length, count: total })
              : people.hasNextPage
                ? t('people.countMore', { count: items.length })
                : t('people.count', { count: items.length }))}
      </div>
      {people.isPending && <Spinner aria-label={t('people.loading')} />}
      {people.isError && !people.isFetchNextPageError && (
        <Alert data-color="danger" role="alert">
          {isApiError(people.error) ? people.error.message : t('errors.unexpected')}
        </Alert>
      )}
      {items.length > 0 && <PeopleTable people={items} tableRef={tableRef} caption={t('people.tableCaption')} />}
      {people.isFetchNextPageError && (
        <Alert data-color="danger" role="alert">
          {isApiError(people.error) ? people.error.message : t('errors.unexpected')}
        </Alert>
      )}
      <ShowMore
        hasMore={people.hasNextPage}
        loading={people.isFetchingNextPage}
        onMore={() => void people.fetchNextPage()}
        count={items.length}
        tableRef={tableRef}
      />
    </>
  );
}

function PeopleFilters({ initial, onApply }: { initial: FilterValues; onApply: (values: FilterValues) => void }) {
  const { t } = useTranslation();
  const statusLabel = usePersonStatusLabel();
  const [values, setValues] = useState<FilterValues>(initial);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    onApply({ ...values, q: values.q.trim() });
  }

  function onReset() {
    const empty: FilterValues = { q: '', unitId: '', includeSubunits: false, status: '' };
    setValues(empty);
    onApply(empty);
  }

  return (
    <form className="filters" noValidate onSubmit={onSubmit} aria-label={t('people.filterLabel')}>
      <Fieldset>
        <Fieldset.Legend>{t('people.filterLegend')}</Fieldset.Legend>
        <div className="filters__fields">
          <Textfield
            id="people-filter-q"
            label={t('people.search')}
            description={t('people.searchHint')}
            type="search"
            autoComplete="off"
            value={values.q}
            onChange={(e) => setValues((v) => ({ ...v, q: e.target.value }))}
          />
          <div className="filter-stack">
            <UnitSelect
              id="people-filter-unit"
              label={t('people.unitFilter')}
              value={values.unitId}
              onChange={(unitId) => setValues((v) => ({ ...v, unitId }))}
              placeholder={t('people.allUnits')}
              activeOnly={false}
            />
            <Checkbox
              label={t('people.includeSubunits')}
              checked={values.includeSubunits}
              disabled={!values.unitId}
              onChange={(e) => setValues((v) => ({ ...v, includeSubunits: e.target.checked }))}
            />
          </div>
          <SelectField
            id="people-filter-status"
            label={t('people.statusFilter')}
            value={values.status}
            onChange={(status) => setValues((v) => ({ ...v, status: status as PersonStatus | '' }))}
            placeholder={t('people.allStatuses')}
            options={PERSON_STATUSES.map((s) => ({ value: s, label: statusLabel(s) }))}
          />
        </div>
      </Fieldset>
      <div className="actions">
        <Button type="submit">{t('people.applyFilter')}</Button>
        <Button type="button" variant="tertiary" onClick={onReset}>
          {t('people.clearFilter')}
        </Button>
      </div>
    </form>
  );
}
