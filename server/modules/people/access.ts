import { can, unitScope, type Action, type Grant } from '../../platform/access/permissions.ts';
import type { Db } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';

/** May the caller perform the action on a person with this home unit? (No unit: installation-wide grants only.) */
export async function canOnUnit(db: Db, grants: readonly Grant[], action: Action, unitId: string | null): Promise<boolean> {
  if (unitId === null) return can(grants, action);
  if (can(grants, action)) return true;
  return can(grants, action, await unitScope(db, unitId));
}

export async function assertCanOnUnit(db: Db, grants: readonly Grant[], action: Action, unitId: string | null): Promise<void> {
  if (!(await canOnUnit(db, grants, action, unitId))) throw new AppError('forbidden');
}
