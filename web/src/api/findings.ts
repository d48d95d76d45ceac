import { useInfiniteQuery } from '@tanstack/react-query';
import { api, query } from './client.ts';
import type { ResponseOf, Schema } from './types.ts';
import type { Severity } from '../../../shared/policy.ts';

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
