import { createHmac, timingSafeEqual } from 'node:crypto';
import type { CompiledQuery } from 'kysely';
import type { AppRole } from '../../../shared/roles.ts';
import type { Config } from '../../config.ts';
import type { Services } from '../context.ts';
import type { Grant } from '../access/permissions.ts';
import type { Db, Tx } from '../db/index.ts';
import { hashToken, newToken } from '../ids.ts';
import type { CachedSession } from './session-cache.ts';
import { sessionCacheOf } from './session-invalidation.ts';

export const SESSION_COOKIE = 'ansvar_session';
export const PRE_SESSION_COOKIE = 'ansvar_pre';
/**
 * last_seen_at is written at most this often, so reads do not turn into writes: once a minute, or a
 * quarter of the idle limit when that is shorter (so the stored last use never lags by half of it).
 */
export const touchIntervalMs = (config: Pick<Config, 'sessionIdleMs'>): number => Math.min(60_000, Math.floor(config.sessionIdleMs / 4));

export interface SessionUser {
  sessionId: string;
  csrfToken: string;
  userId: string;
  email: string;
  name: string;
  locale: string | null;
}

export async function createSession(
  trx: Tx,
  userId: string,
  now: Date,
  config: Config,
  meta: { ip: string | null; userAgent: string | null },
): Promise<{ token: string; sessionId: string; csrfToken: string }> {
  const token = newToken();
  const sessionId = hashToken(token);
  const csrfToken = newToken();
  await trx
    .insertInto('sessions')
    .values({
      id: sessionId,
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: new Date(now.getTime() + config.sessionAbsoluteMs).toISOString(),
      ip: meta.ip,
      user_agent: meta.userAgent?.slice(0, 400) ?? null,
      revoked_at: null,
    })
    .execute();
  await trx.updateTable('users').set({ last_seen_at: now.toISOString() }).where('id', '=', userId).execute();
  return { token, sessionId, csrfToken };
}

type SessionRow = {
  sessionId: string;
  csrfToken: string;
  lastSeenAt: string;
  expiresAt: string;
  revokedAt: string | null;
  userId: string;
  email: string;
  name: string;
  locale: string | null;
  status: string;
  role: string | null;
  orgUnitId: string | null;
  includeSubunits: number | null;
};

/** The session, its user and their grants in one query, compiled once per database and reused. */
const compiledLookup = new WeakMap<Db, CompiledQuery<SessionRow>>();
function lookupQuery(db: Db, sessionId: string): CompiledQuery<SessionRow> {
  let compiled = compiledLookup.get(db);
  if (!compiled) {
    compiled = db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .leftJoin('permission_grants', 'permission_grants.user_id', 'users.id')
      .select([
        'sessions.id as sessionId',
        'sessions.csrf_token as csrfToken',
        'sessions.last_seen_at as lastSeenAt',
        'sessions.expires_at as expiresAt',
        'sessions.revoked_at as revokedAt',
        'users.id as userId',
        'users.email as email',
        'users.name as name',
        'users.locale as locale',
        'users.status as status',
        'permission_grants.app_role as role',
        'permission_grants.org_unit_id as orgUnitId',
        'permission_grants.include_subunits as includeSubunits',
      ])
      .where('sessions.id', '=', '?')
      .compile() as CompiledQuery<SessionRow>;
    compiledLookup.set(db, compiled);
  }
  return { ...compiled, parameters: [sessionId] };
}

/**
 * Resolves a session cookie to its user and grants. A session counts only while it is not revoked,
 * within its absolute limit, used within the idle limit, and its user is active. This runs on every
 * signed-in request, so it is one indexed query, and a write only when the stored last use is older
 * than the touch interval. Uses in between are not written, so the stored last use may lag the real
 * one by up to that interval: the idle check allows for it, and a session used within the idle limit
 * is never ended (an unused one ends between the idle limit and the idle limit plus the interval).
 * On PostgreSQL a session found valid is kept between requests (session-cache.ts); a kept one that
 * would be refused is read again, so only the database ever says no.
 */
export async function loadSession(services: Services, token: string): Promise<{ session: SessionUser; grants: Grant[] } | null> {
  const { db, config } = services;
  const now = services.now();
  const t = now.getTime();
  const sessionId = hashToken(token);
  const cache = sessionCacheOf(db);
  const kept = cache?.get(sessionId, t);
  if (kept && usable(kept, t, config)) return touched(services, kept, now);

  const mark = cache?.mark() ?? 0;
  const rows = await services.readCommitted(lookupQuery(db, sessionId));
  const row = rows[0];
  if (!row || row.revokedAt || row.status !== 'active') return null;
  const grants: Grant[] = [];
  for (const r of rows) {
    if (r.role) grants.push({ role: r.role as AppRole, orgUnitId: r.orgUnitId, includeSubunits: r.includeSubunits === 1 });
  }
  const found: CachedSession = {
    session: { sessionId: row.sessionId, csrfToken: row.csrfToken, userId: row.userId, email: row.email, name: row.name, locale: row.locale },
    grants,
    lastSeenMs: Date.parse(row.lastSeenAt),
    expiresMs: Date.parse(row.expiresAt),
  };
  if (!usable(found, t, config)) return null;
  cache?.put(sessionId, found, mark, t);
  return touched(services, found, now);
}

/** Within its absolute limit and used within the idle limit (allowing for the touch interval's lag). */
const usable = (s: CachedSession, t: number, config: Config): boolean =>
  s.expiresMs > t && s.lastSeenMs + config.sessionIdleMs + touchIntervalMs(config) > t;

/** Writes the last use when the stored one is older than the touch interval. */
async function touched(services: Services, s: CachedSession, now: Date): Promise<{ session: SessionUser; grants: Grant[] }> {
  const t = now.getTime();
  if (t - s.lastSeenMs >= touchIntervalMs(services.config)) {
    s.lastSeenMs = t;
    const at = now.toISOString();
    await services.db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', s.session.sessionId).execute();
    await services.db.updateTable('users').set({ last_seen_at: at }).where('id', '=', s.session.userId).execute();
  }
  return { session: s.session, grants: s.grants };
}

export async function revokeSession(trx: Tx, sessionId: string, now: Date): Promise<void> {
  await trx.updateTable('sessions').set({ revoked_at: now.toISOString() }).where('id', '=', sessionId).where('revoked_at', 'is', null).execute();
}

/** Ends every live session of a user, or all but one (`except`, the caller's own); returns how many. */
export async function revokeUserSessions(trx: Tx, userId: string, now: Date, options: { except?: string } = {}): Promise<number> {
  let query = trx
    .updateTable('sessions')
    .set({ revoked_at: now.toISOString() })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now.toISOString());
  if (options.except !== undefined) query = query.where('id', '!=', options.except);
  const res = await query.executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/** Before sign-in the CSRF token is an HMAC of a random nonce kept in an HttpOnly cookie. */
export const preSessionCsrf = (secret: string, nonce: string): string =>
  createHmac('sha256', secret).update(`csrf:${nonce}`).digest('base64url');

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
