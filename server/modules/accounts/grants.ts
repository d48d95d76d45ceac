import type { AppRole } from '../../../shared/roles.ts';
import { assertCan, type Grant } from '../../platform/access/permissions.ts';
import { inTransaction, recordAudit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { transactionLock, toBool, type Tx } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import {
  countOtherInstallationAdmins,
  deleteGrant,
  findGrantOfUser,
  findSameGrant,
  grantsOfUser,
  unitExists,
  userExists,
  type GrantRow,
} from './grants-repository.ts';
import { insertGrant } from './repository.ts';

/**
 * App permission grants of a user: (app role, org unit or null for the whole installation, include
 * sub-units). Managing them needs an installation-wide users:manage grant (an administrator of the whole
 * installation); a unit-scoped administrator could otherwise grant themselves more.
 */

const GRANTS_LOCK_KEY = 0x6772616e; // "gran"
/** Grant changes run one at a time, so two administrators cannot remove each other at once. */
const lockGrants = (trx: Tx, ctx: Ctx) => transactionLock(trx, ctx.dialect, GRANTS_LOCK_KEY);

export interface UserGrantView {
  id: string;
  role: AppRole;
  orgUnitId: string | null;
  orgUnitName: string | null;
  includeSubunits: boolean;
  createdAt: string;
}

const present = (g: GrantRow): UserGrantView => ({
  id: g.id,
  role: g.app_role as AppRole,
  orgUnitId: g.org_unit_id,
  orgUnitName: g.org_unit_name,
  includeSubunits: toBool(g.include_subunits),
  createdAt: g.created_at,
});

const audited = (g: { user_id: string; app_role: string; org_unit_id: string | null; include_subunits: number }) => ({
  userId: g.user_id,
  role: g.app_role,
  orgUnitId: g.org_unit_id,
  includeSubunits: toBool(g.include_subunits),
});

export async function listUserGrants(ctx: Ctx, grants: readonly Grant[], userId: string): Promise<{ items: UserGrantView[] }> {
  assertCan(grants, 'users:manage');
  if (!(await userExists(ctx.db, userId))) throw new AppError('not_found');
  return { items: (await grantsOfUser(ctx.db, userId)).map(present) };
}

export async function addUserGrant(
  ctx: Ctx,
  grants: readonly Grant[],
  userId: string,
  input: { role: AppRole; orgUnitId: string | null; includeSubunits: boolean },
): Promise<UserGrantView> {
  assertCan(grants, 'users:manage');
  return inTransaction(ctx, async (trx) => {
    await lockGrants(trx, ctx);
    if (!(await userExists(trx, userId))) throw new AppError('not_found');
    if (input.orgUnitId !== null && !(await unitExists(trx, input.orgUnitId))) {
      throw new AppError('validation_failed', { fields: [{ path: 'orgUnitId', key: 'org.unit_not_found' }] });
    }
    if (await findSameGrant(trx, { userId, role: input.role, orgUnitId: input.orgUnitId })) {
      throw new AppError('refused', { fields: [{ path: 'role', key: 'grant.duplicate' }] });
    }
    const id = uuidv7();
    // A grant on the whole installation covers everything; sub-units are always included.
    const includeSubunits = input.orgUnitId === null ? true : input.includeSubunits;
    await insertGrant(trx, {
      id,
      userId,
      role: input.role,
      orgUnitId: input.orgUnitId,
      includeSubunits,
      at: ctx.now().toISOString(),
      by: ctx.actor?.userId ?? null,
    });
    const row = (await findGrantOfUser(trx, userId, id))!;
    await recordAudit(trx, ctx, { entityType: 'permission_grant', entityId: id, action: 'create', after: audited(row) });
    return present(row);
  });
}

/** Removes a grant; the last installation-wide administrator grant of an active user stays (409). */
export async function removeUserGrant(ctx: Ctx, grants: readonly Grant[], userId: string, grantId: string): Promise<void> {
  assertCan(grants, 'users:manage');
  await inTransaction(ctx, async (trx) => {
    await lockGrants(trx, ctx);
    const grant = await findGrantOfUser(trx, userId, grantId);
    if (!grant) throw new AppError('not_found');
    if (grant.app_role === 'administrator' && grant.org_unit_id === null && (await countOtherInstallationAdmins(trx, grantId)) === 0) {
      throw new AppError('refused', { fields: [{ path: 'grantId', key: 'grant.last_admin' }] });
    }
    if (!(await deleteGrant(trx, grantId))) throw new AppError('not_found');
    await recordAudit(trx, ctx, { entityType: 'permission_grant', entityId: grantId, action: 'delete', before: audited(grant) });
  });
}
