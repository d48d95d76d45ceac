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
export const FINDING_RULES = [
  'role_vacant',
  'role_only_inactive_holders',
  'role_holder_inactive',
  'role_too_many_holders',
  'system_fact_missing',
  'area_without_responsible',
  'agreement_missing',
  'agreement_ended',
  'agreement_in_notice',
  'dpa_missing',
  'third_country_basis_missing',
  'dependency_retired',
  'confirmation_overdue',
  'owning_unit_missing',
  'owning_forvaltning_missing',
  'unit_missing',
  'forvaltning_without_namnd',
  'kommun_missing',
] as const;

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
