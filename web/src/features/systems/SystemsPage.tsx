import { Alert, Button, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { hasPermission } from '../../api/me.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useSignedInUser } from '../../components/RequireAuth.tsx';
import { ShowMore } from '../../components/ShowMore.tsx';
import { useSystems, type SystemSort, type SystemsFilter } from '../../api/systems.ts';
import { HOLDER_COLUMN_KEYS, HOLDER_COLUMNS, useColumns } from './columns.ts';
import { isFiltered, readListValues, toFilter, writeListValues, type ListValues } from './listParams.ts';
import { SystemFilters } from './SystemFilters.tsx';
import { ColumnChooser, SystemsTable } from './SystemsTable.tsx';
import './systems.css';

/** The list's filters and sort as the export's query string. */
function exportQuery(filter: SystemsFilter): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** /systems — the system register: search, filters, sortable columns the user chooses, keyset pagination. */
export function SystemsPage() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const canWrite = hasPermission(me, 'systems:write');
  const [params, setParams] = useSearchParams();
  const tableRef = useRef<HTMLTableElement>(null);
  const { columns, toggle } = useColumns();

  const values = readListValues(params);
  const valuesKey = writeListValues(values).toString();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the key holds every value
  const filter = useMemo(() => toFilter(values), [valuesKey]);
  const holderRoles = useMemo(() => HOLDER_COLUMN_KEYS.filter((c) => columns.includes(c)).map((c) => HOLDER_COLUMNS[c]), [columns]);
  const systems = useSystems(filter, { holderRoles });
  const items = systems.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = isFiltered(values);

  const apply = (next: ListValues) => setParams(writeListValues(next));
  function onSort(sort: SystemSort) {
    const dir = sort === values.sort ? (values.dir === 'asc' ? 'desc' : 'asc') : sort === 'name' || sort === 'registerNo' ? 'asc' : 'desc';
    apply({ ...values, sort, dir });
  }

  const sortText = t('systems.list.sortedBy', {
    column: t(`systems.sort.${values.sort}`),
    dir: t(values.dir === 'asc' ? 'systems.list.ascending' : 'systems.list.descending'),
  });

  let status = '';
  if (systems.isSuccess) {
    if (items.length === 0) status = filtered ? t('systems.list.emptyFiltered') : t('systems.list.empty');
    else {
      const total = systems.data?.pages[0]?.total;
      const count =
        typeof total === 'number' && total > items.length
          ? t('systems.list.countOf', { shown: items.length, count: total })
          : t(systems.hasNextPage ? 'systems.list.countMore' : 'systems.list.count', { count: items.length });
      status = values.q ? `${count} ${t('systems.list.matching', { q: values.q })} ${sortText}` : `${count} ${sortText}`;
    }
  }

  return (
    <>
      <PageHeading title={t('systems.list.title')} />
      <Paragraph>{t('systems.list.intro')}</Paragraph>
      <div className="actions">
        {canWrite && (
          <>
            <Button asChild>
              <RouterLink to="/systems/new">{t('systems.list.register')}</RouterLink>
            </Button>
            <Button asChild variant="secondary">
              <RouterLink to="/systems/import">{t('systems.list.import')}</RouterLink>
            </Button>
          </>
        )}
        {/* Downloads of the list as filtered now (the server applies the same filters and access). */}
        <Button asChild variant="tertiary">
          <a href={`/api/systems/export.xlsx${exportQuery(filter)}`} download>
            {t('systems.list.exportXlsx')}
          </a>
        </Button>
        <Button asChild variant="tertiary">
          <a href={`/api/systems/export.csv${exportQuery(filter)}`} download>
            {t('systems.list.exportCsv')}
          </a>
        </Button>
      </div>
      <SystemFilters initial={values} onApply={apply} />
      <ColumnChooser columns={columns} onToggle={toggle} />
      <div role="status" aria-live="polite" className="list-status">
        {status}
      </div>
      {systems.isPending && <Spinner aria-label={t('systems.list.loading')} />}
      {systems.isError && (
        <Alert data-color="danger" role="alert">
          {isApiError(systems.error) ? systems.error.message : t('errors.unexpected')}
        </Alert>
      )}
      {items.length > 0 && (
        <SystemsTable
          systems={items}
          columns={columns}
          sort={values.sort}
          dir={values.dir}
          onSort={onSort}
          tableRef={tableRef}
          caption={t('systems.list.caption')}
          busy={systems.isPlaceholderData}
        />
      )}
      <ShowMore
        hasMore={systems.hasNextPage}
        loading={systems.isFetchingNextPage}
        onMore={() => void systems.fetchNextPage()}
        count={items.length}
        tableRef={tableRef}
      />
    </>
  );
}
