import { PERMISSIONS, type Permission } from '../../../shared/permissions.ts';
import type { AppRole } from '../../../shared/roles.ts';
import type { Db } from '../db/index.ts';
import { toBool } from '../db/index.ts';
import { AppError } from '../errors.ts';

/**
 * The one place that decides who may do what in Ansvar. A grant is (principal, app role, org unit,
 * include sub-units); a grant without a unit covers the whole installation.
 */
export const ACTIONS = PERMISSIONS;
export type Action = Permission;

const READ_ACTIONS = ACTIONS.filter((a) => a.endsWith(':read'));

export const ROLE_ACTIONS: Record<AppRole, readonly Action[]> = {
  administrator: ACTIONS,
  /** Granskare (auditors): read-only everywhere their grant reaches. */
  reviewer: READ_ACTIONS,
  /** Användare: work within their units; what they may change is narrowed further by their roles on systems. */
  user: ['org:read', 'policy:read', 'systems:read', 'systems:write'],
};

export interface Grant {
  role: AppRole;
  orgUnitId: string | null;
  includeSubunits: boolean;
}

/** The units a check is about: the unit itself and its ancestors (from the closure table). */
export interface UnitScope {
  unitId: string;
  ancestorIds: readonly string[];
}

const grantCovers = (g: Grant, scope: UnitScope | undefined): boolean => {
  if (g.orgUnitId === null) return true;
  if (!scope) return false;
  if (g.orgUnitId === scope.unitId) return true;
  return g.includeSubunits && scope.ancestorIds.includes(g.orgUnitId);
};

/**
 * May the holder of these grants perform the action? Without a scope the action is about the whole
 * installation (only grants without a unit count); with a scope, grants on the unit or, when they
 * include sub-units, on an ancestor count too.
 */
export function can(grants: readonly Grant[], action: Action, scope?: UnitScope): boolean {
  return grants.some((g) => ROLE_ACTIONS[g.role].includes(action) && grantCovers(g, scope));
}

/** Throws 403 unless can(); use cases call this before they load data. */
export function assertCan(grants: readonly Grant[], action: Action, scope?: UnitScope): void {
  if (!can(grants, action, scope)) throw new AppError('forbidden');
}

/** May the holder perform the action somewhere (used to show pages and filter lists later)? */
export const canSomewhere = (grants: readonly Grant[], action: Action): boolean =>
  grants.some((g) => ROLE_ACTIONS[g.role].includes(action));

/** Actions available anywhere, for the web app to decide what to show. The server still checks each request. */
export const actionsOf = (grants: readonly Grant[]): Action[] => ACTIONS.filter((a) => canSomewhere(grants, a));

export async function loadGrants(db: Db, userId: string): Promise<Grant[]> {
  const rows = await db
    .selectFrom('permission_grants')
    .select(['app_role', 'org_unit_id', 'include_subunits'])
    .where('user_id', '=', userId)
    .execute();
  return rows.map((r) => ({ role: r.app_role as AppRole, orgUnitId: r.org_unit_id, includeSubunits: toBool(r.include_subunits) }));
}

/** The scopes of several units in one query (e.g. a system's owning and using units). */
export async function unitScopes(db: Db, unitIds: readonly string[]): Promise<UnitScope[]> {
  if (!unitIds.length) return [];
  const rows = await db.selectFrom('org_unit_closure').select(['ancestor_id', 'descendant_id']).where('descendant_id', 'in', unitIds).execute();
  return unitIds.map((unitId) => ({ unitId, ancestorIds: rows.filter((r) => r.descendant_id === unitId).map((r) => r.ancestor_id) }));
}

/** The unit and its ancestors, in one indexed query on the closure table. */
export async function unitScope(db: Db, unitId: string): Promise<UnitScope> {
  const rows = await db.selectFrom('org_unit_closure').select('ancestor_id').where('descendant_id', '=', unitId).execute();
  return { unitId, ancestorIds: rows.map((r) => r.ancestor_id) };
}
