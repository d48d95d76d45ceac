import { can, unitScope, type Grant } from '../../platform/access/permissions.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { presentUnitDetail } from './present.ts';
import { findUnit } from './repository.ts';

/** One unit with its ancestors. A unit the caller may not read is answered like one that does not exist. */
export async function getOrgUnit(ctx: Ctx, grants: readonly Grant[], id: string) {
  if (!can(grants, 'org:read', await unitScope(ctx.db, id))) throw new AppError('not_found');
  const row = await findUnit(ctx.db, id);
  if (!row) throw new AppError('not_found');
  return presentUnitDetail(ctx.db, row);
}
