import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, query } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';
import type { RoleHolding } from '../org/api.ts';
import type { Finding, PolicyText, Responsibility } from '../policy/api.ts';

/** The app permissions the system register checks (from /api/me). */
export const SYSTEM_PERMISSIONS = { read: 'systems:read', write: 'systems:write' } as const;

export const SYSTEM_KINDS = ['business', 'e_service', 'program', 'integration', 'infrastructure'] as const;
export type SystemKind = (typeof SYSTEM_KINDS)[number];
export const LIFECYCLES = ['planned', 'implementing', 'in_operation', 'retiring', 'retired'] as const;
export type Lifecycle = (typeof LIFECYCLES)[number];
export const CRITICALITIES = ['low', 'medium', 'high'] as const;
export type Criticality = (typeof CRITICALITIES)[number];
export const HOSTINGS = ['internal_it', 'internal_supplier', 'supplier_hosted', 'saas', 'cloud_tenant', 'public_body'] as const;
export type Hosting = (typeof HOSTINGS)[number];
export const DATA_LOCATIONS = ['sweden', 'eu_eea', 'third_country'] as const;
export type DataLocation = (typeof DATA_LOCATIONS)[number];
export const PERSONAL_DATA = ['none', 'personal', 'sensitive'] as const;
export type PersonalData = (typeof PERSONAL_DATA)[number];
export const AUTH_METHODS = ['sso', 'directory', 'local_accounts', 'eid', 'none', 'other'] as const;
export type AuthMethod = (typeof AUTH_METHODS)[number];
export const SORTS = ['name', 'registerNo', 'updatedAt', 'confirmedAt'] as const;
export type SystemSort = (typeof SORTS)[number];

export interface Ref {
  id: string;
  name: string;
}

export interface SystemSummary {
  id: string;
  registerNo: string;
  name: string;
  aliases: string[];
  kind: SystemKind;
  owningUnit: Ref;
  kommungemensamt: boolean;
  lifecycle: Lifecycle;
  criticality: Criticality | null;
  samhallsviktig: boolean | null;
  hosting: Hosting | null;
  insideNetwork: boolean | null;
  personalData: PersonalData | null;
  userCount: number | null;
  holders: { roleKey: string; person: { id: string; name: string; status: 'active' | 'disabled' | 'left' } }[];
  confirmedAt: string | null;
  /** ISO date (yyyy-mm-dd). */
  confirmationDue: string;
  updatedAt: string;
  version: number;
}

export interface SystemRef {
  id: string;
  registerNo: string;
  name: string;
  lifecycle: Lifecycle;
  description: string | null;
}

export interface SystemLink {
  label: string;
  url: string;
}

export interface System extends SystemSummary {
  description: string | null;
  purpose: string | null;
  usingUnits: Ref[];
  dataLocation: DataLocation | null;
  thirdCountryTransfer: boolean | null;
  thirdCountryBasis: string | null;
  authMethod: AuthMethod | null;
  links: SystemLink[];
  note: string | null;
  confirmedBy: Ref | null;
  retiredAt: string | null;
  createdAt: string;
  dependencies: SystemRef[];
  dependents: SystemRef[];
  transitions: Lifecycle[];
  can: { edit: boolean; confirm: boolean };
}

/** The editable facts, as POST and PATCH take them. */
export interface SystemFacts {
  name: string;
  aliases: string[];
  kind: SystemKind;
  description: string | null;
  purpose: string | null;
  owningUnitId: string;
  usingUnitIds: string[];
  kommungemensamt: boolean;
  criticality: Criticality | null;
  samhallsviktig: boolean | null;
  hosting: Hosting | null;
  dataLocation: DataLocation | null;
  thirdCountryTransfer: boolean | null;
  thirdCountryBasis: string | null;
  personalData: PersonalData | null;
  authMethod: AuthMethod | null;
  userCount: number | null;
  links: SystemLink[];
  note: string | null;
}

export type SystemInput = SystemFacts & { lifecycle: 'planned' | 'implementing' };
export type SystemPatch = { version: number } & Partial<SystemFacts>;

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

export interface SystemResponsibilities {
  pack: { id: string; version: string };
  areas: { area: string; title: PolicyText; responsibilities: Responsibility[] }[];
  findings: Finding[];
}

/** An event of the system's history: a change of the system itself or of a role on it (entityType role_assignment). */
export interface SystemHistoryEvent {
  id: string;
  seq: number;
  at: string;
  actor: Ref | null;
  origin: string;
  entityType: string;
  entityId: string;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  message: string | null;
  /** For a role event: the role, named in the user's language. */
  role: { key: string; name: string } | null;
  /** For a role event: the person who holds or held the role. */
  person: Ref | null;
  /** For a dependency added or removed: the other system; not visible (id and name null) when the user may not see it. */
  dependsOn: { visible: boolean; id: string | null; registerNo: string | null; name: string | null } | null;
}

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
      api.get<Page<SystemSummary>>(
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
      api.get<Page<SystemHistoryEvent>>(`${systemPath(id)}/history${query({ limit: PAGE_SIZE, cursor: pageParam })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** The role holders on the system now (the role-assignment API with subjectKind system). */
export function useSystemHoldings(id: string) {
  return useInfiniteQuery({
    queryKey: systemKeys.holdings(id),
    queryFn: ({ pageParam }) =>
      api.get<Page<RoleHolding>>(
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
export const assignSystemRole = (input: { roleKey: string; subjectId: string; personId: string; validFrom?: string }) =>
  api.post<RoleHolding>('/api/role-assignments', { ...input, subjectKind: 'system' });
