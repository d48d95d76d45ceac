import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, query } from './client.ts';
import type { BodyOf, Item, ResponseOf, Schema } from './types.ts';

export { UNIT_FUNCTIONS, UNIT_KINDS, type UnitFunction, type UnitKind } from '../../../shared/org.ts';

export type OrgUnit = Schema<'OrgUnit'>;
export type OrgUnitDetail = Schema<'OrgUnitDetail'>;
export type UnitInput = BodyOf<'/api/org-units'>;
export type UnitPatch = BodyOf<'/api/org-units/{id}', 'patch'>;

/** A role from the active policy pack's catalogue (names already in the caller's language). */
export type RoleDefinition = Item<'/api/roles'>;

/** Who holds a role (from the policy) for a unit or system, and when. */
export type RoleHolding = Schema<'RoleAssignment'>;

/** Who holds a role: a person, an org unit, or a supplier (perhaps with one of its contacts). */
export type RoleHolder = Schema<'RoleHolder'>;
export type HolderKind = RoleHolder['kind'];

/** Who is to hold a role, as the role forms send it. */
export type PrincipalInput = Schema<'PrincipalInputInput'>;

export const orgKeys = {
  all: ['org'] as const,
  tree: ['org', 'tree'] as const,
  search: (q: string) => ['org', 'search', q] as const,
  children: (id: string) => ['org', 'children', id] as const,
  unit: (id: string) => ['org', 'unit', id] as const,
  roles: ['roles'] as const,
  holdings: (subjectId: string, current: boolean) => ['role-assignments', subjectId, current] as const,
  allHoldings: ['role-assignments'] as const,
};

/** Every unit the user may see, ordered by path (for the tree and unit pickers). */
export function useOrgTree(enabled = true) {
  return useQuery({
    queryKey: orgKeys.tree,
    queryFn: () => api.get<ResponseOf<'/api/org-units/tree'>>('/api/org-units/tree'),
    staleTime: 30_000,
    enabled,
  });
}

export function useUnitSearch(q: string) {
  return useInfiniteQuery({
    queryKey: orgKeys.search(q),
    queryFn: ({ pageParam }) => api.get<ResponseOf<'/api/org-units'>>(`/api/org-units${query({ q, limit: 50, cursor: pageParam })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled: q.length > 0,
  });
}

export function useSubUnits(parentId: string) {
  return useInfiniteQuery({
    queryKey: orgKeys.children(parentId),
    queryFn: ({ pageParam }) => api.get<ResponseOf<'/api/org-units'>>(`/api/org-units${query({ parentId, limit: 50, cursor: pageParam })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useOrgUnit(id: string) {
  return useQuery({
    queryKey: orgKeys.unit(id),
    queryFn: () => getUnit(id),
  });
}

const unitPath = (id: string) => `/api/org-units/${encodeURIComponent(id)}`;

export const getUnit = (id: string) => api.get<OrgUnitDetail>(unitPath(id));
export const createUnit = (input: UnitInput) => api.post<OrgUnit>('/api/org-units', input);
export const updateUnit = (id: string, patch: UnitPatch) => api.patch<OrgUnit>(unitPath(id), patch);
export const moveUnit = (id: string, version: number, parentId: string) => api.post<OrgUnit>(`${unitPath(id)}/move`, { version, parentId });
export const deactivateUnit = (id: string, version: number) => api.post<OrgUnit>(`${unitPath(id)}/deactivate`, { version });

export function useRoles() {
  return useQuery({
    queryKey: orgKeys.roles,
    queryFn: () => api.get<ResponseOf<'/api/roles'>>('/api/roles'),
    staleTime: 60_000,
  });
}

export function useUnitHoldings(unitId: string, currentOnly: boolean) {
  return useInfiniteQuery({
    queryKey: orgKeys.holdings(unitId, currentOnly),
    queryFn: ({ pageParam }) =>
      api.get<ResponseOf<'/api/role-assignments'>>(
        `/api/role-assignments${query({
          subjectKind: 'unit',
          subjectId: unitId,
          current: currentOnly ? 'true' : undefined,
          limit: 100,
          cursor: pageParam,
        })}`,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export const assignRole = (input: { roleKey: string; subjectKind: 'unit'; subjectId: string; principal: PrincipalInput; validFrom?: string }) =>
  api.post<RoleHolding>('/api/role-assignments', input);

export const endHolding = (id: string, validTo?: string) =>
  api.post<RoleHolding>(`/api/role-assignments/${encodeURIComponent(id)}/end`, validTo ? { validTo } : {});

export const handOver = (id: string, principal: PrincipalInput, date?: string) =>
  api.post<ResponseOf<'/api/role-assignments/{id}/handover', 'post'>>(`/api/role-assignments/${encodeURIComponent(id)}/handover`, date ? { principal, date } : { principal });

export interface TreeNode {
  unit: OrgUnit;
  children: TreeNode[];
}

/** Builds the nesting from the flat list (ordered by path); units whose parent is not visible become roots. */
export function buildTree(units: OrgUnit[]): TreeNode[] {
  const nodes = new Map<string, TreeNode>();
  for (const unit of units) nodes.set(unit.id, { unit, children: [] });
  const roots: TreeNode[] = [];
  for (const unit of units) {
    const node = nodes.get(unit.id) as TreeNode;
    const parent = unit.parentId ? nodes.get(unit.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

