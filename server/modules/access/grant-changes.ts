import { recordAudit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import type { GrantEndReason, GrantOrigin } from '../../../shared/access.ts';
import { fold } from '../../platform/text.ts';
import { currentGrant, endGrantRow, findAccessRole, findAccountByKey, findGrant, insertAccount, insertGrant, setAccountPerson, type GrantRow } from './grants-repository.ts';

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

/** A system's access role, if it exists (orders check that it is the system's and whether it is privileged). */
export const accessRoleOf = (trx: Tx, id: string) => findAccessRole(trx, id);

/**
 * The account with this user name in the system, or a new personal account of the person (an executed order for
 * someone without one). An existing account keeps its person; one without a person gets this one.
 */
export async function ensureAccount(
  trx: Tx,
  ctx: Ctx,
  a: { systemId: string; username: string; personId: string | null; email: string | null },
): Promise<{ id: string; personId: string | null; created: boolean }> {
  const username = a.username.trim();
  const existing = await findAccountByKey(trx, a.systemId, fold(username));
  if (existing) {
    if (existing.person_id !== null || a.personId === null) return { id: existing.id, personId: existing.person_id, created: false };
    const at = ctx.now().toISOString();
    if (await setAccountPerson(trx, existing.id, a.personId, at)) {
      await recordAudit(trx, ctx, { entityType: 'access_account', entityId: existing.id, action: 'update', before: { personId: null }, after: { systemId: a.systemId, personId: a.personId } });
    }
    return { id: existing.id, personId: a.personId, created: false };
  }
  const at = ctx.now().toISOString();
  const id = uuidv7(ctx.now().getTime());
  await insertAccount(trx, { id, systemId: a.systemId, username, usernameKey: fold(username), personId: a.personId, email: a.email, at });
  await recordAudit(trx, ctx, {
    entityType: 'access_account',
    entityId: id,
    action: 'create',
    after: { systemId: a.systemId, username, personId: a.personId, type: 'personal' },
  });
  return { id, personId: a.personId, created: true };
}
