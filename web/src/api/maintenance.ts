import { useInfiniteQuery } from '@tanstack/react-query';
import { api, query } from './client.ts';
import type { BodyOf, Me, ResponseOf, Schema } from './types.ts';

/** A person that looks like an organisation ("IT-enheten", "CGI", "Leverantör"), with its roles. */
export type SuspectPerson = Schema<'SuspectPerson'>;
export type SuspectAssignment = SuspectPerson['assignments'][number];
export type RepairTarget = Schema<'RepairTarget'>;
export type ConvertInput = BodyOf<'/api/maintenance/suspect-people/{id}/convert'>;
export type ConvertResult = ResponseOf<'/api/maintenance/suspect-people/{id}/convert', 'post'>;

export const PAGE_SIZE = 50;
export const maintenanceKeys = { suspects: ['maintenance', 'suspect-people'] as const };

/** The repair lists and changes the whole installation: only an administrator of all of it (no unit) may. */
export const isInstallationAdmin = (me: Me): boolean => me.roles.some((g) => g.role === 'administrator' && g.orgUnitId === null);

export function useSuspectPeople() {
  return useInfiniteQuery({
    queryKey: maintenanceKeys.suspects,
    queryFn: ({ pageParam }) =>
      api.get<ResponseOf<'/api/maintenance/suspect-people'>>(`/api/maintenance/suspect-people${query({ limit: PAGE_SIZE, cursor: pageParam })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export const convertSuspect = (id: string, input: ConvertInput) =>
  api.post<ConvertResult>(`/api/maintenance/suspect-people/${encodeURIComponent(id)}/convert`, input);
