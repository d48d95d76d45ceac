import { useInfiniteQuery } from '@tanstack/react-query';
import { api, query } from './client.ts';
import type { ResponseOf, Schema } from './types.ts';

export type AuditEvent = Schema<'AuditEvent'>;

/** Filters as the API takes them (from/to are ISO timestamps). */
export interface AuditFilter {
  entityType?: string;
  actorId?: string;
  from?: string;
  to?: string;
  /** Only one request's events (an import's changes). */
  requestId?: string;
  /** An import as one entry (ignored by the server with an entity filter). */
  grouped?: boolean;
}

export const PAGE_SIZE = 50;

export function useAuditEvents(filter: AuditFilter, limit = PAGE_SIZE) {
  return useInfiniteQuery({
    queryKey: ['audit', filter, limit],
    queryFn: ({ pageParam }) => api.get<ResponseOf<'/api/audit'>>(`/api/audit${query({ ...filter, grouped: filter.grouped ? 'true' : undefined, limit, cursor: pageParam })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2025-03-01" (a local calendar day from <input type=date>) → its first or last instant, as ISO. */
export function dayBoundary(day: string, end: boolean): string | undefined {
  const match = DATE.exec(day);
  if (!match) return undefined;
  const [y, m, d] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
  const date = end ? new Date(y, m, d, 23, 59, 59, 999) : new Date(y, m, d, 0, 0, 0, 0);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

export function isDay(value: string): boolean {
  return DATE.test(value) && dayBoundary(value, false) !== undefined;
}
