import { inTransaction, recordAudit } from '../../platform/audit/audit.ts';
import { clearFailures, lockoutSeconds, recordFailure } from '../../platform/auth/lockout.ts';
import { burnVerify, hashPassword, passwordProblems, verifyPassword } from '../../platform/auth/passwords.ts';
import { revokeUserSessions, type SessionUser } from '../../platform/auth/sessions.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError, type FieldProblem } from '../../platform/errors.ts';
import { replacePasswordHash } from '../accounts/index.ts';
import { findPasswordHash } from './repository.ts';

export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
}

/**
 * The signed-in user changes their password. The current password is checked like a sign-in (same
 * argon2 cost, and a wrong one counts towards the sign-in lockout of the account and the address, so
 * a stolen session cannot be used to guess it); the new one obeys the password rules and differs from
 * the current one. Afterwards every other session of the user ends; this one stays.
 */
export async function changePassword(
  ctx: Ctx,
  session: Pick<SessionUser, 'sessionId' | 'userId' | 'email'>,
  input: PasswordChange,
  meta: { ip: string },
): Promise<{ sessionsEnded: number }> {
  const now = ctx.now();
  const wait = await lockoutSeconds(ctx.db, session.email, meta.ip, now);
  if (wait > 0) throw new AppError('too_many_attempts', { retryAfterSeconds: wait, params: { minutes: Math.ceil(wait / 60) } });

  const user = await findPasswordHash(ctx.db, session.userId);
  const stored = user?.status === 'active' ? user.password_hash : null;
  const ok = stored ? await verifyPassword(stored, input.currentPassword) : (await burnVerify(input.currentPassword), false);

  const fields: FieldProblem[] = [];
  if (!ok) fields.push({ path: 'currentPassword', key: 'field.password_wrong' });
  if (input.newPassword === input.currentPassword) fields.push({ path: 'newPassword', key: 'field.password_unchanged' });
  else fields.push(...passwordProblems(input.newPassword, session.email, 'newPassword'));
  if (!ok) await recordFailure(ctx.db, session.email, meta.ip, now);
  if (fields.length > 0 || !stored) throw new AppError('validation_failed', { fields });
  await clearFailures(ctx.db, session.email);

  const next = await hashPassword(input.newPassword); // slow: before the transaction opens
  return inTransaction(ctx, async (trx) => {
    // Two changes at once with the same current password: only the first one counts.
    if (!(await replacePasswordHash(trx, session.userId, stored, next, now.toISOString()))) throw new AppError('conflict');
    const sessionsEnded = await revokeUserSessions(trx, session.userId, now, { except: session.sessionId });
    await recordAudit(trx, ctx, { entityType: 'user', entityId: session.userId, action: 'password_change', after: { otherSessionsEnded: sessionsEnded } });
    return { sessionsEnded };
  });
}
