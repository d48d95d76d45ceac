import { inTransaction, recordAudit } from '../../platform/audit/audit.ts';
import { clearFailures, lockoutSeconds, recordFailure } from '../../platform/auth/lockout.ts';
import { burnVerify, verifyPassword } from '../../platform/auth/passwords.ts';
import { createSession, revokeSession, revokeUserSessions } from '../../platform/auth/sessions.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { updateLocale } from '../accounts/index.ts';
import { findLoginUser, getLocale } from './repository.ts';

export interface LoginMeta {
  ip: string;
  userAgent: string | null;
}

/**
 * Signs in with e-mail and password. Refuses with 429 while the account or the address is locked
 * out; an unknown e-mail costs the same time as a wrong password.
 */
export async function login(ctx: Ctx, input: { email: string; password: string }, meta: LoginMeta) {
  const now = ctx.now();
  const wait = await lockoutSeconds(ctx.db, input.email, meta.ip, now);
  if (wait > 0) throw new AppError('too_many_attempts', { retryAfterSeconds: wait, params: { minutes: Math.ceil(wait / 60) } });

  const user = await findLoginUser(ctx.db, input.email);
  const ok = user?.password_hash && user.status === 'active' ? await verifyPassword(user.password_hash, input.password) : (await burnVerify(input.password), false);
  if (!user || !ok) {
    // Failures stay out of the audit trail (they change no record) but count towards the lockout.
    await recordFailure(ctx.db, input.email, meta.ip, now);
    throw new AppError('invalid_credentials');
  }
  await clearFailures(ctx.db, input.email);
  const session = await inTransaction(ctx, async (trx) => {
    const s = await createSession(trx, user.id, now, ctx.config, { ip: meta.ip, userAgent: meta.userAgent });
    await recordAudit(trx, { ...ctx, actor: { userId: user.id } }, { entityType: 'user', entityId: user.id, action: 'login', after: { ip: meta.ip } });
    return s;
  });
  return { session, user: { id: user.id, email: user.email, name: user.name, locale: user.locale } };
}

export async function logout(ctx: Ctx, sessionId: string, userId: string): Promise<void> {
  await inTransaction(ctx, async (trx) => {
    await revokeSession(trx, sessionId, ctx.now());
    await recordAudit(trx, ctx, { entityType: 'user', entityId: userId, action: 'logout' });
  });
}

export async function logoutEverywhere(ctx: Ctx, userId: string): Promise<void> {
  await inTransaction(ctx, async (trx) => {
    const ended = await revokeUserSessions(trx, userId, ctx.now());
    await recordAudit(trx, ctx, { entityType: 'user', entityId: userId, action: 'logout_everywhere', after: { sessionsEnded: ended } });
  });
}

export async function setLocale(ctx: Ctx, userId: string, locale: 'sv' | 'en'): Promise<void> {
  await inTransaction(ctx, async (trx) => {
    const before = await getLocale(trx, userId);
    if (before.locale === locale) return;
    await updateLocale(trx, userId, locale, ctx.now().toISOString());
    await recordAudit(trx, ctx, { entityType: 'user', entityId: userId, action: 'update', before: { locale: before.locale }, after: { locale } });
  });
}
