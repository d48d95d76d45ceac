import { assertCan } from '../../platform/access/permissions.ts';
import { inTransaction, recordAudit } from '../../platform/audit/audit.ts';
import { clearFailures } from '../../platform/auth/lockout.ts';
import { revokeUserSessions } from '../../platform/auth/sessions.ts';
import type { Ctx, Services } from '../../platform/context.ts';
import { transactionLock, type Tx } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import type { Auth } from '../../platform/http/types.ts';
import { hashToken, newToken } from '../../platform/ids.ts';
import { assertPasswordAllowed, preparePassword } from './create-account.ts';
import { expireResetTokens, findLiveToken, findUserById, insertToken, setPasswordHash, useToken } from './repository.ts';

/** A reset link works for 24 hours, once, and only the newest of a user's links works. */
export const RESET_LINK_TTL_MS = 24 * 3_600_000;

const RESET_LOCK_KEY = 0x72736574; // "rset"
/** Reset links are made and used one at a time, so "only the newest works" holds under concurrency too. */
const lockResets = (trx: Tx, ctx: Ctx) => transactionLock(trx, ctx.dialect, RESET_LOCK_KEY);

export interface ResetLink {
  id: string;
  url: string;
  expiresAt: string;
}

/**
 * An administrator makes a one-time link for a user to choose a new password (for example after a
 * forgotten one). The link is shown once, to be passed on by the administrator; only its SHA-256 is
 * stored. Users are not tied to units, so this needs users:manage for the whole installation.
 */
export async function createPasswordReset(ctx: Ctx, auth: Auth, userId: string): Promise<ResetLink> {
  assertCan(auth.grants, 'users:manage');
  const token = newToken();
  const id = hashToken(token);
  const now = ctx.now().toISOString();
  const expiresAt = new Date(ctx.now().getTime() + RESET_LINK_TTL_MS).toISOString();
  await inTransaction(ctx, async (trx) => {
    await lockResets(trx, ctx);
    const user = await findUserById(trx, userId);
    if (!user) throw new AppError('not_found');
    if (user.status !== 'active') throw new AppError('refused', { fields: [{ path: 'id', key: 'field.user_disabled' }] });
    await expireResetTokens(trx, userId, now);
    await insertToken(trx, {
      id,
      kind: 'password_reset',
      user_id: userId,
      email: user.email,
      name: user.name,
      app_role: null,
      created_by: ctx.actor?.userId ?? null,
      created_at: now,
      expires_at: expiresAt,
      used_at: null,
    });
    await recordAudit(trx, ctx, { entityType: 'user', entityId: userId, action: 'password_reset_link', after: { linkId: id.slice(0, 16), expiresAt } });
  });
  return { id: id.slice(0, 16), url: `${ctx.config.publicUrl}/reset-password?token=${token}`, expiresAt };
}

/** Whose link this is; a used, expired, replaced or unknown link, or a deactivated user's, is 404. */
export async function getPasswordReset(services: Services, token: string) {
  const row = await findLiveToken(services.db, hashToken(token), 'password_reset', services.now().toISOString());
  const user = row?.user_id ? await findUserById(services.db, row.user_id) : undefined;
  if (!row || !user || user.status !== 'active') throw new AppError('token_invalid');
  return { userId: user.id, email: user.email, name: user.name, expiresAt: row.expires_at };
}

/**
 * Sets the user's new password from a live reset link. The link works once (of two requests at once,
 * exactly one wins); every session of the user ends, and the account's failed sign-ins are forgotten.
 */
export async function resetPassword(ctx: Ctx, input: { token: string; password: string }): Promise<void> {
  const link = await getPasswordReset(ctx, input.token);
  assertPasswordAllowed(input.password, link.email);
  const passwordHash = await preparePassword(input.password); // slow: before the transaction opens
  const id = hashToken(input.token);
  const actorCtx: Ctx = { ...ctx, actor: { userId: link.userId } };
  await inTransaction(actorCtx, async (trx) => {
    await lockResets(trx, ctx);
    const now = ctx.now().toISOString();
    // Checked again under the lock: a newer link may have replaced this one, or it may have expired.
    if (!(await findLiveToken(trx, id, 'password_reset', now)) || !(await useToken(trx, id, now))) throw new AppError('token_invalid');
    // The user may have been deactivated since the link was checked.
    const user = await findUserById(trx, link.userId);
    if (!user || user.status !== 'active') throw new AppError('token_invalid');
    await expireResetTokens(trx, link.userId, now, id);
    await setPasswordHash(trx, link.userId, passwordHash, now);
    const sessionsEnded = await revokeUserSessions(trx, link.userId, ctx.now());
    await recordAudit(trx, actorCtx, { entityType: 'user', entityId: link.userId, action: 'password_reset', after: { linkId: id.slice(0, 16), sessionsEnded } });
  });
  await clearFailures(ctx.db, link.email);
}
