import { keepPreviousData, useInfiniteQuery, useQueries, useQuery } from '@tanstack/react-query';
import { api, query } from './client.ts';
import type { paths } from './schema.gen.ts';
import type { BodyOf, ResponseOf, Schema } from './types.ts';

export { ORDER_KINDS, ORDER_ORIGINS, ORDER_STATES, type OrderKind, type OrderOrigin, type OrderState } from '../../../shared/access.ts';

/** An order (grant or removal) with what the caller may do next (server/modules/access-orders/schemas.ts). */
export type AccessOrder = Schema<'AccessOrder'>;
/** One order with its trail: every step, who and when. */
export type AccessOrderDetail = Schema<'AccessOrderDetail'>;
export type TrailStep = AccessOrderDetail['trail'][number];
export type OrderAction = AccessOrder['actions'][number];
export type AccessOrderInput = BodyOf<'/api/access-orders'>;

type ListQuery = NonNullable<paths['/api/access-orders']['get']['parameters']['query']>;
/** approver: waiting for my approval; executor: waiting for me to execute; orderer: the orders I made. */
export type OrderRole = NonNullable<ListQuery['role']>;

export interface OrdersFilter {
  role?: OrderRole;
  state?: AccessOrder['state'];
  systemId?: string;
  personId?: string;
}

export const PAGE_SIZE = 50;

export const orderKeys = {
  all: ['access-orders'] as const,
  list: (filter: OrdersFilter) => ['access-orders', 'list', filter] as const,
  count: (filter: OrdersFilter) => ['access-orders', 'count', filter] as const,
  one: (id: string) => ['access-orders', 'one', id] as const,
};

const enc = encodeURIComponent;
const listPath = (filter: OrdersFilter, extra: Record<string, string | number | null | undefined>) =>
  `/api/access-orders${query({ ...filter, ...extra })}`;

export function useOrders(filter: OrdersFilter, options: { enabled?: boolean } = {}) {
  return useInfiniteQuery({
    enabled: options.enabled ?? true,
    queryKey: orderKeys.list(filter),
    queryFn: ({ pageParam }) => api.get<ResponseOf<'/api/access-orders'>>(listPath(filter, { limit: PAGE_SIZE, cursor: pageParam })),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

/** How many orders each filter lets through (the first page's total of a one-item page); null until known. */
export function useOrderCounts(filters: readonly OrdersFilter[]) {
  return useQueries({
    queries: filters.map((filter) => ({
      queryKey: orderKeys.count(filter),
      queryFn: async () => (await api.get<ResponseOf<'/api/access-orders'>>(listPath(filter, { limit: 1 }))).total ?? 0,
    })),
    combine: (results) => results.map((r) => (typeof r.data === 'number' ? r.data : null)),
  });
}

export const getOrder = (id: string) => api.get<AccessOrderDetail>(`/api/access-orders/${enc(id)}`);

export const useOrder = (id: string) => useQuery({ queryKey: orderKeys.one(id), queryFn: () => getOrder(id) });

export const createOrder = (input: AccessOrderInput) => api.post<AccessOrder>('/api/access-orders', input);

/** The steps of an order, each with the body it takes (every one answers the order as it is now). */
export interface OrderActionBodies {
  approve: BodyOf<'/api/access-orders/{id}/approve'>;
  reject: BodyOf<'/api/access-orders/{id}/reject'>;
  execute: BodyOf<'/api/access-orders/{id}/execute'>;
  cancel: BodyOf<'/api/access-orders/{id}/cancel'>;
  confirm: BodyOf<'/api/access-orders/{id}/confirm'>;
}

export type OrderRun = { [A in OrderAction]: { action: A; body: OrderActionBodies[A] } }[OrderAction];

export const actOnOrder = (id: string, run: OrderRun) =>
  api.post<AccessOrderDetail>(`/api/access-orders/${enc(id)}/${run.action}`, run.body);
