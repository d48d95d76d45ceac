import { useInfiniteQuery, useQueries, useQuery } from '@tanstack/react-query';
import { api, query } from './client.ts';
import type { BodyOf, ResponseOf, Schema } from './types.ts';
import { SEVERITIES, type FindingHandling, type Severity } from '../../../shared/policy.ts';

export type FindingSeverity = Severity;
export { FINDING_HANDLINGS, type FindingHandling } from '../../../shared/policy.ts';

/** GET /api/findings item (server/modules/findings/schemas.ts). */
export type RegisterFinding = Schema<'Finding'>;
/** GET /api/findings/{id}: the finding with what the caller may do (docs/FOLLOW-UP.md). */
export type FindingDetail = Schema<'FindingDetail'>;
export type FindingHistoryEntry = Schema<'FindingHistory'>['items'][number];
export type BulkAction = BodyOf<'/api/findings/bulk'>;

/** The handling filter: todo (none, acknowledged, risk proposed), handled (not applicable, accepted risk), or one handling. */
export type HandlingFilter = 'todo' | 'handled' | FindingHandling;

export interface FindingsFilter {
  systemId?: string;
  unitId?: string;
  rule?: string;
  severity?: FindingSeverity;
  status?: 'open' | 'resolved' | 'all';
  handling?: HandlingFilter;
  ownerId?: string;
  overdue?: boolean;
}

/** The finding keys the server makes (engine and register checks), for the rule filter. */
export { FINDING_KEYS as FINDING_RULES } from '../../../shared/policy.ts';

export const PAGE_SIZE = 50;

export const findingKeys = {
  all: ['findings'] as const,
  one: (id: string) => ['findings', 'one', id] as const,
  history: (id: string) => ['findings', 'history', id] as const,
};

const findingsPath = (filter: FindingsFilter, extra: Record<string, string | number | null | undefined>) =>
  `/api/findings${query({ ...filter, overdue: filter.overdue ? 'true' : undefined, ...extra })}`;

export function useFindings(filter: FindingsFilter, options: { enabled?: boolean } = {}) {
  return useInfiniteQuery({
    enabled: options.enabled ?? true,
    queryKey: ['findings', filter],
    queryFn: ({ pageParam }) => api.get<ResponseOf<'/api/findings'>>(findingsPath(filter, { limit: PAGE_SIZE, cursor: pageParam })),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** The address of the list as an XLSX workbook, with the same filters (a plain link downloads it). */
export const findingsExportUrl = (filter: FindingsFilter) =>
  `/api/findings/export.xlsx${query({ ...filter, overdue: filter.overdue ? 'true' : undefined })}`;

/** How many findings a filter lets through (the first page's total of a one-item page). */
export const countFindings = async (filter: FindingsFilter): Promise<number> =>
  (await api.get<ResponseOf<'/api/findings'>>(findingsPath(filter, { limit: 1 }))).total ?? 0;

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

const enc = encodeURIComponent;

export const getFinding = (id: string) => api.get<FindingDetail>(`/api/findings/${enc(id)}`);

export const useFinding = (id: string) => useQuery({ queryKey: findingKeys.one(id), queryFn: () => getFinding(id) });

export const useFindingHistory = (id: string) =>
  useQuery({
    queryKey: findingKeys.history(id),
    queryFn: () => api.get<ResponseOf<'/api/findings/{id}/history'>>(`/api/findings/${enc(id)}/history`),
  });

/** The actions on one finding, each with the body it takes (every one answers the finding as it is now). */
export interface FindingActions {
  assign: BodyOf<'/api/findings/{id}/assign'>;
  'due-date': BodyOf<'/api/findings/{id}/due-date'>;
  comment: BodyOf<'/api/findings/{id}/comment'>;
  acknowledge: BodyOf<'/api/findings/{id}/acknowledge'>;
  'not-applicable': BodyOf<'/api/findings/{id}/not-applicable'>;
  'accept-risk': BodyOf<'/api/findings/{id}/accept-risk'>;
  'approve-risk': BodyOf<'/api/findings/{id}/approve-risk'>;
  'reject-risk': BodyOf<'/api/findings/{id}/reject-risk'>;
  reopen: BodyOf<'/api/findings/{id}/reopen'>;
}
export type FindingActionName = keyof FindingActions;

/** One action with its body, as the forms send it. */
export type FindingRun = { [A in FindingActionName]: { action: A; body: FindingActions[A] } }[FindingActionName];

export const actOnFinding = (id: string, run: FindingRun) => api.post<FindingDetail>(`/api/findings/${enc(id)}/${run.action}`, run.body);

/** One action on every open finding a filter lets through (at most 500), all or nothing. */
export const bulkActOnFindings = (body: BulkAction) => api.post<ResponseOf<'/api/findings/bulk', 'post'>>('/api/findings/bulk', body);
