import { Alert, Button, Paragraph, Spinner, Tabs } from '@digdir/designsystemet-react';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { ORDER_STATES, useOrderCounts, useOrders, type OrderRole, type OrdersFilter, type OrderState } from '../../api/access-orders.ts';
import { hasPermission } from '../../api/me.ts';
import { messageOf } from '../../components/forms.ts';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useSignedInUser } from '../../components/RequireAuth.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { ShowMore } from '../../components/ShowMore.tsx';
import { useAccessLabels } from './labels.tsx';
import { OrdersTable } from './OrdersTable.tsx';

/** The tabs: waiting for my approval, waiting for me to execute, my orders, and every order I may see. */
type View = OrderRole | 'all';
const ROLE_VIEWS: readonly OrderRole[] = ['approver', 'executor', 'orderer'];
const VIEWS: readonly View[] = [...ROLE_VIEWS, 'all'];
const COUNT_FILTERS: readonly OrdersFilter[] = VIEWS.map((v) => (v === 'all' ? {} : { role: v }));

/**
 * /access-orders — "Behörighetsbeställningar": what waits for the caller to approve or execute, what they ordered,
 * and all the orders they may see, each tab with its total; the mine and all tabs filter by state. "Ny beställning"
 * for those who may change things (the API decides who may order for whom).
 */
export function OrdersPage() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const labels = useAccessLabels();
  const tableRef = useRef<HTMLTableElement>(null);
  const [params, setParams] = useSearchParams();
  const counts = useOrderCounts(COUNT_FILTERS);
  const known = counts.every((c) => c !== null);
  const requested = params.get('view') as View | null;
  // Without a choice in the address: the first tab with something in it (what waits for the caller first).
  const view: View | null =
    requested && VIEWS.includes(requested)
      ? requested
      : known
        ? (VIEWS.find((v, i) => v !== 'all' && (counts[i] ?? 0) > 0) ?? 'all')
        : null;
  const requestedState = params.get('state') as OrderState | null;
  const state =
    requestedState && ORDER_STATES.includes(requestedState) && (view === 'orderer' || view === 'all') ? requestedState : undefined;
  const filter: OrdersFilter = { role: view && view !== 'all' ? view : undefined, state };
  const orders = useOrders(filter, { enabled: view !== null });
  const items = orders.data?.pages.flatMap((p) => p.items) ?? [];
  const total = orders.data?.pages[0]?.total;

  function select(next: Partial<{ view: View; state: string }>) {
    const search = new URLSearchParams(params);
    if (next.view) {
      search.set('view', next.view);
      search.delete('state');
    }
    if (next.state !== undefined) {
      if (next.state) search.set('state', next.state);
      else search.delete('state');
    }
    setParams(search, { replace: true });
  }

  const tabLabel = (v: View, i: number) => {
    const count = counts[i];
    return count === null || count === undefined
      ? t(`access.orders.view.${v}`)
      : t('access.orders.viewWithCount', { label: t(`access.orders.view.${v}`), count });
  };

  return (
    <>
      <PageHeading title={t('access.orders.title.page')} />
      <Paragraph>{t('access.orders.intro')}</Paragraph>
      {hasPermission(me, 'systems:write') && (
        <div className="actions">
          <Button asChild>
            <RouterLink to="/access-orders/new">{t('access.orders.new')}</RouterLink>
          </Button>
        </div>
      )}
      {view === null ? (
        <Spinner aria-label={t('access.orders.loading')} />
      ) : (
        <Tabs value={view} onChange={(v) => select({ view: v as View })}>
          <Tabs.List aria-label={t('access.orders.viewsLabel')}>
            {VIEWS.map((v, i) => (
              <Tabs.Tab key={v} value={v}>
                {tabLabel(v, i)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {VIEWS.map((v) => (
            <Tabs.Panel key={v} value={v} className="system-tab-panel">
              {v === view && (
                <div className="tab-content">
                  <Paragraph>{t(`access.orders.viewIntro.${v}`)}</Paragraph>
                  {(v === 'orderer' || v === 'all') && (
                    <div className="access-filters">
                      <SelectField
                        id="orders-state"
                        label={t('access.orders.filterState')}
                        placeholder={t('access.orders.allStates')}
                        value={state ?? ''}
                        onChange={(s) => select({ state: s })}
                        options={ORDER_STATES.map((s) => ({ value: s, label: labels.orderState(s) }))}
                      />
                    </div>
                  )}
                  <p role="status" className="list-status">
                    {orders.isSuccess &&
                      (items.length === 0
                        ? t(`access.orders.empty.${v}`)
                        : t('access.orders.count', { shown: items.length, count: total ?? items.length }))}
                  </p>
                  {orders.isPending && <Spinner aria-label={t('access.orders.loading')} />}
                  {orders.isError && (
                    <Alert data-color="danger" role="alert">
                      {messageOf(orders.error, t('errors.unexpected'))}
                    </Alert>
                  )}
                  {items.length > 0 && <OrdersTable orders={items} caption={t(`access.orders.view.${v}`)} tableRef={tableRef} />}
                  <ShowMore
                    hasMore={orders.hasNextPage}
                    loading={orders.isFetchingNextPage}
                    onMore={() => void orders.fetchNextPage()}
                    count={items.length}
                    tableRef={tableRef}
                  />
                </div>
              )}
            </Tabs.Panel>
          ))}
        </Tabs>
      )}
    </>
  );
}
