import { recordAudit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import type { GrantEndReason, GrantOrigin } from '../../../shared/access.ts';
import { currentGrant, endGrantRow, findGrant, insertGrant, type GrantRow } from './grants-repository.ts';

/**
 * Starting and ending a grant, in the caller's transaction with its audit event: what an executed order does (and
 * an import, a review's removal). The caller has checked the permission. Other modules call these through the face.
 */

export interface StartGrant {
  systemId: string;
  accountId: string;
  accessRoleId: string;
  personId: string | null;
  origin: GrantOrigin;
  orderId: string | null;
  validFrom: string;
  validTo: string | null;
}

/** Starts a grant; if the account already holds the role, that grant stays and is returned (nothing is doubled). */
export async function startGrant(trx: Tx, ctx: Ctx, g: StartGrant): Promise<{ id: string; created: boolean }> {
  const existing = await currentGrant(trx, g.accountId, g.accessRoleId);
  if (existing) return { id: existing.id, created: false };
  const at = ctx.now().toISOString();
  const id = uuidv7(ctx.now().getTime());
  await insertGrant(trx, { id, ...g, at });
  await recordAudit(trx, ctx, {
    entityType: 'access_grant',
    entityId: id,
    action: 'start',
    after: {
      systemId: g.systemId,
      accountId: g.accountId,
      accessRoleId: g.accessRoleId,
      personId: g.personId,
      origin: g.origin,
      orderId: g.orderId,
      validFrom: g.validFrom,
      validTo: g.validTo,
    },
  });
  return { id, created: true };
}

/** Ends a current grant. Unknown → 404; already ended → 409 conflict. */
export async function endGrant(trx: Tx, ctx: Ctx, e: { grantId: string; reason: GrantEndReason; orderId: string | null }): Promise<GrantRow> {
  const grant = await findGrant(trx, e.grantId);
  if (!grant) throw new AppError('not_found');
  const at = ctx.now().toISOString();
  if (!(await endGrantRow(trx, grant.id, { at, reason: e.reason, orderId: e.orderId, userId: ctx.actor?.userId ?? null }))) throw new AppError('conflict');
  await recordAudit(trx, ctx, {
    entityType: 'access_grant',
    entityId: grant.id,
    action: 'end',
    before: { endedAt: null },
    after: { endedAt: at, reason: e.reason, orderId: e.orderId, systemId: grant.system_id, personId: grant.person_id },
  });
  return grant;
}
