import { ROLE_ACTIONS, can, unitScope, type Action, type Grant } from '../../platform/access/permissions.ts';
import type { Db } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';

/**
 * Which people a caller reaches with an action: everyone (an installation-wide grant) or the people
 * whose home unit lies under one of their unit grants. Lists turn this into a closure-table join.
 */
export type Reach = { all: true } | { all: false; grants: Array<{ unitId: string; includeSubunits: boolean }> };

export function reachOf(grants: readonly Grant[], action: Action): Reach {
  const holding = grants.filter((g) => ROLE_ACTIONS[g.role].includes(action));
  if (holding.some((g) => g.orgUnitId === null)) return { all: true };
  return { all: false, grants: holding.map((g) => ({ unitId: g.orgUnitId!, includeSubunits: g.includeSubunits })) };
}

/** May the caller perform the action on a person with this home unit? (No unit: installation-wide grants only.) */
export async function canOnUnit(db: Db, grants: readonly Grant[], action: Action, unitId: string | null): Promise<boolean> {
  if (unitId === null) return can(grants, action);
  if (can(grants, action)) return true;
  return can(grants, action, await unitScope(db, unitId));
}

export async function assertCanOnUnit(db: Db, grants: readonly Grant[], action: Action, unitId: string | null): Promise<void> {
  if (!(await canOnUnit(db, grants, action, unitId))) throw new AppError('forbidden');
}
