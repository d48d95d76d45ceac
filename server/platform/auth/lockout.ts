import type { Db } from '../db/index.ts';
import { uuidv7 } from '../ids.ts';

export const LOCKOUT_WINDOW_MS = 15 * 60_000;
export const LOCKOUT_THRESHOLD = 10;

/**
 * After 10 failures for an account or from an address within 15 minutes, sign-in is refused until
 * the oldest of those failures leaves the window. Returns the seconds to wait, or 0.
 */
export async function lockoutSeconds(db: Db, email: string, ip: string, now: Date): Promise<number> {
  const since = new Date(now.getTime() - LOCKOUT_WINDOW_MS).toISOString();
  const [byEmail, byIp] = await Promise.all([windowOf(db, 'email', email, since), windowOf(db, 'ip', ip, since)]);
  const waits = [byEmail, byIp]
    .filter((w) => w.count >= LOCKOUT_THRESHOLD && w.oldest)
    .map((w) => Math.ceil((Date.parse(w.oldest!) + LOCKOUT_WINDOW_MS - now.getTime()) / 1000));
  return waits.length ? Math.max(1, ...waits) : 0;
}

async function windowOf(db: Db, column: 'email' | 'ip', value: string, since: string) {
  // The oldest failure that still keeps the count at the threshold decides when sign-in reopens.
  const recent = await db
    .selectFrom('login_failures')
    .select('at')
    .where(column, '=', value)
    .where('at', '>', since)
    .orderBy('at', 'desc')
    .limit(LOCKOUT_THRESHOLD)
    .execute();
  return { count: recent.length, oldest: recent[LOCKOUT_THRESHOLD - 1]?.at ?? null };
}

export async function recordFailure(db: Db, email: string, ip: string, now: Date): Promise<void> {
  await db.insertInto('login_failures').values({ id: uuidv7(now.getTime()), email, ip, at: now.toISOString() }).execute();
  // Failures older than a day serve no limit; keep the table small.
  await db.deleteFrom('login_failures').where('at', '<', new Date(now.getTime() - 86_400_000).toISOString()).execute();
}

/** A successful sign-in clears the account's failures (not the address's). */
export async function clearFailures(db: Db, email: string): Promise<void> {
  await db.deleteFrom('login_failures').where('email', '=', email).execute();
}
