import { useInfiniteQuery, useQueries } from '@tanstack/react-query';
import { api, query } from './client.ts';
import type { ResponseOf, Schema } from './types.ts';
import { SEVERITIES, type Severity } from '../../../shared/policy.ts';

export type FindingSeverity = Severity;

/** GET /api/findings item (server/modules/findings/schemas.ts). */
export type RegisterFinding = Schema<'Finding'>;

export interface FindingsFilter {
  systemId?: string;
  unitId?: string;
  rule?: string;
  severity?: FindingSeverity;
  status?: 'open' | 'resolved' | 'all';
}

/** The finding keys the server makes (engine and register checks), for the rule filter. */
export { FINDING_KEYS as FINDING_RULES } from '../../../shared/policy.ts';

export const PAGE_SIZE = 50;

export function useFindings(filter: FindingsFilter) {
  return useInfiniteQuery({
    queryKey: ['findings', filter],
    queryFn: ({ pageParam }) =>
      api.get<ResponseOf<'/api/findings'>>(`/api/findings${query({ ...filter, limit: PAGE_SIZE, cursor: pageParam })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** Open findings by severity, from each first page's total (one small request per severity); null until all have come. */
export function useOpenFindingCounts(filter: { systemId: string }) {
  return useQueries({
    queries: SEVERITIES.map((severity) => ({
      queryKey: ['findings', 'counts', filter, severity],
      queryFn: async () =>
        (await api.get<ResponseOf<'/api/findings'>>(`/api/findings${query({ ...filter, severity, status: 'open', limit: 1 })}`)).total ?? 0,
    })),
    combine: (results) => {
      const failed = results.find((r) => r.isError);
      if (failed) return { counts: null, error: failed.error };
      if (results.some((r) => r.data === undefined)) return { counts: null, error: null };
      const counts = Object.fromEntries(SEVERITIES.map((s, i) => [s, results[i]!.data!])) as Record<Severity, number>;
      return { counts: { ...counts, total: results.reduce((sum, r) => sum + (r.data ?? 0), 0) }, error: null };
    },
  });
}
