import { useInfiniteQuery } from '@tanstack/react-query';
import { api, query } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';

export type FindingSeverity = 'high' | 'medium' | 'low';

/** GET /api/findings item (server/modules/findings/schemas.ts). */
export interface RegisterFinding {
  id: string;
  rule: string;
  ruleIds: string[];
  severity: FindingSeverity;
  status: 'open' | 'resolved';
  subject: { kind: 'installation' | 'unit' | 'system' | 'person'; id: string | null; name: string | null };
  systemId: string | null;
  unitId: string | null;
  text: string;
  actor: { id: string; name: string } | null;
  since: string;
  openedAt: string;
  resolvedAt: string | null;
}

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
      api.get<Page<RegisterFinding>>(`/api/findings${query({ ...filter, limit: PAGE_SIZE, cursor: pageParam })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}
