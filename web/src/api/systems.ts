import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, query } from './client.ts';
import type { BodyOf, ResponseOf, Schema } from './types.ts';
import type { Criticality, Hosting, Lifecycle, SystemSort } from '../../../shared/systems.ts';
import type { PrincipalInput } from './org.ts';

export {
  AUTH_METHODS,
  CRITICALITIES,
  DATA_LOCATIONS,
  HOSTINGS,
  LIFECYCLES,
  PERSONAL_DATA,
  SYSTEM_KINDS,
  SYSTEM_SORTS,
  type Criticality,
  type Hosting,
  type Lifecycle,
  type SystemSort,
} from '../../../shared/systems.ts';


export type SystemSummary = Schema<'SystemSummary'>;
export type System = Schema<'System'>;
/** Another system as a system lists it (its dependencies and dependents). */
export type SystemRef = System['dependencies'][number];

/** A new system, as POST takes it. */
export type SystemInput = BodyOf<'/api/systems'>;
/** The editable facts, all of them (what the form holds). */
export type SystemFacts = Required<Omit<SystemInput, 'lifecycle'>>;
export type SystemPatch = BodyOf<'/api/systems/{id}', 'patch'>;

export interface SystemsFilter {
  q?: string;
  unitId?: string;
  lifecycle?: Lifecycle;
  hosting?: Hosting | 'unknown';
  criticality?: Criticality | 'unknown';
  samhallsviktig?: boolean;
  kommungemensamt?: boolean;
  /** true: only systems with an open finding; false: only those without. */
  withFindings?: boolean;
  sort: SystemSort;
  dir: 'asc' | 'desc';
}

export type SystemResponsibilities = ResponseOf<'/api/systems/{id}/responsibilities'>;
/** An event of the system's history: a change of the system itself or of a role on it (entityType role_assignment). */
export type SystemHistoryEvent = Schema<'SystemHistoryEvent'>;

export const systemKeys = {
  all: ['systems'] as const,
  lists: ['systems', 'list'] as const,
  list: (filter: SystemsFilter, limit: number) => ['systems', 'list', filter, limit] as const,
  system: (id: string) => ['systems', 'system', id] as const,
  responsibilities: (id: string) => ['systems', 'responsibilities', id] as const,
  history: (id: string) => ['systems', 'history', id] as const,
  holdings: (id: string) => ['role-assignments', id, true] as const,
};

export const PAGE_SIZE = 50;

const boolParam = (v: boolean | undefined) => (v === undefined ? undefined : String(v));

export function useSystems(
  filter: SystemsFilter,
  options: {
    limit?: number;
    enabled?: boolean;
    /** Roles whose current holders the summaries should carry (none by default: they cost as much as the rest). */
    holderRoles?: readonly string[];
  } = {},
) {
  const limit = options.limit ?? PAGE_SIZE;
  const holders = options.holderRoles?.join(',') || undefined;
  return useInfiniteQuery({
    queryKey: [...systemKeys.list(filter, limit), holders],
    queryFn: ({ pageParam }) =>
      api.get<ResponseOf<'/api/systems'>>(
        `/api/systems${query({
          q: filter.q,
          unitId: filter.unitId,
          lifecycle: filter.lifecycle,
          hosting: filter.hosting,
          criticality: filter.criticality,
          samhallsviktig: boolParam(filter.samhallsviktig),
          kommungemensamt: boolParam(filter.kommungemensamt),
          withFindings: boolParam(filter.withFindings),
          sort: filter.sort,
          dir: filter.dir,
          holders,
          limit,
          cursor: pageParam,
        })}`,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled: options.enabled ?? true,
    // A new sort or filter keeps the old rows until the new ones arrive: the table (and the focused
    // header button) stays in place.
    placeholderData: keepPreviousData,
  });
}

const systemPath = (id: string) => `/api/systems/${encodeURIComponent(id)}`;

export const getSystem = (id: string) => api.get<System>(systemPath(id));

export function useSystem(id: string) {
  return useQuery({ queryKey: systemKeys.system(id), queryFn: () => getSystem(id) });
}

export function useSystemResponsibilities(id: string) {
  return useQuery({
    queryKey: systemKeys.responsibilities(id),
    queryFn: () => api.get<SystemResponsibilities>(`${systemPath(id)}/responsibilities`),
  });
}

/** The system's history, newest first: open to everyone who may see the system. */
export function useSystemHistory(id: string) {
  return useInfiniteQuery({
    queryKey: systemKeys.history(id),
    queryFn: ({ pageParam }) =>
      api.get<ResponseOf<'/api/systems/{id}/history'>>(`${systemPath(id)}/history${query({ limit: PAGE_SIZE, cursor: pageParam })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** The role holders on the system now (the role-assignment API with subjectKind system). */
export function useSystemHoldings(id: string) {
  return useInfiniteQuery({
    queryKey: systemKeys.holdings(id),
    queryFn: ({ pageParam }) =>
      api.get<ResponseOf<'/api/role-assignments'>>(
        `/api/role-assignments${query({ subjectKind: 'system', subjectId: id, current: 'true', limit: 100, cursor: pageParam })}`,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export const createSystem = (input: SystemInput) => api.post<System>('/api/systems', input);
export const updateSystem = (id: string, patch: SystemPatch) => api.patch<System>(systemPath(id), patch);
export const changeLifecycle = (id: string, version: number, lifecycle: Lifecycle) =>
  api.post<System>(`${systemPath(id)}/lifecycle`, { version, lifecycle });
export const confirmSystem = (id: string, version: number) => api.post<System>(`${systemPath(id)}/confirm`, { version });
export const addDependency = (id: string, dependsOnId: string, description: string | null) =>
  api.post<System>(`${systemPath(id)}/dependencies`, { dependsOnId, description });
export const removeDependency = (id: string, dependsOnId: string) =>
  api.delete<System>(`${systemPath(id)}/dependencies/${encodeURIComponent(dependsOnId)}`);
export const assignSystemRole = (input: { roleKey: string; subjectId: string; principal: PrincipalInput; validFrom?: string }) =>
  api.post<ResponseOf<'/api/role-assignments', 'post'>>('/api/role-assignments', { ...input, subjectKind: 'system' });
