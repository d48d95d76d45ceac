/**
 * Accounts: first-time setup, the administrator's sign-in, and invited users (so the users,
 * permission_grants, sessions and audit_events tables are not empty). Everything goes through the
 * real HTTP API, as a browser would.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiClient } from '../lib/client.ts';
import { sleep } from '../lib/processes.ts';
import type { BenchContext, ScenarioGroup } from '../lib/types.ts';
import { BARE_SCENARIO } from './bare.ts';

export const ADMIN_EMAIL = 'admin@bench.test';
export const PASSWORD = 'Bench-Fjällbjörk-2026';
/** State key: the Cookie header of the signed-in administrator. */
export const ADMIN_COOKIE = 'accounts.adminCookie';
/** State key: the administrator's signed-in client (for later seed steps). */
export const ADMIN_CLIENT = 'accounts.adminClient';

/** argon2id costs ~50 ms of CPU per password; a few at a time keep both cores busy. */
const ACCEPT_CONCURRENCY = 4;

export function userCount(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.BENCH_USERS;
  if (raw === undefined || raw === '') return 200;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`BENCH_USERS must be a whole number ≥ 0, got "${raw}"`);
  return n;
}

async function readSetupToken(dataDir: string, timeoutMs = 10_000): Promise<string> {
  const file = join(dataDir, 'setup-link.txt');
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (existsSync(file)) {
      const url = readFileSync(file, 'utf8').trim();
      const token = url ? new URL(url).searchParams.get('token') : null;
      if (token) return token;
    }
    await sleep(100);
  }
  throw new Error(`no setup link in ${file} after ${timeoutMs / 1000} s`);
}

/** Walks GET /api/audit page by page; also a check that the seeded trail can be read back. */
async function countAuditEvents(admin: ApiClient): Promise<number> {
  let count = 0;
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const page = await admin.expect<{ items: unknown[]; nextCursor: string | null }>(200, 'GET', `/api/audit?limit=500${query}`);
    count += page.items.length;
    cursor = page.nextCursor;
  } while (cursor);
  return count;
}

/** Sets up the administrator, signs in, then invites and accepts `users` users. */
export async function seed(ctx: BenchContext): Promise<{ users: number; auditEvents: number; seconds: number }> {
  const started = performance.now();
  const baseUrl = ctx.servers.ansvar.baseUrl;
  const users = userCount();

  const token = await readSetupToken(ctx.dataDir);
  const admin = new ApiClient(baseUrl);
  await admin.expect(201, 'POST', '/api/setup', { token, email: ADMIN_EMAIL, name: 'Bench Administratör', password: PASSWORD });
  await admin.login(ADMIN_EMAIL, PASSWORD);

  let next = 0;
  const worker = async () => {
    // A pre-session client: its ansvar_pre cookie and CSRF token serve every acceptance it makes.
    const guest = new ApiClient(baseUrl);
    for (let i = next++; i < users; i = next++) {
      const n = String(i + 1).padStart(4, '0');
      const email = `user${n}@bench.test`;
      const name = `Användare ${n}`;
      const invite = await admin.expect<{ url: string }>(201, 'POST', '/api/invites', { email, name, role: 'user' });
      const inviteToken = new URL(invite.url).searchParams.get('token');
      if (!inviteToken) throw new Error(`invite link without token: ${invite.url}`);
      await guest.expect(201, 'POST', '/api/invites/accept', { token: inviteToken, name, password: PASSWORD });
    }
  };
  await Promise.all(Array.from({ length: Math.min(ACCEPT_CONCURRENCY, users) }, worker));

  // Sanity: the session works, and the audit trail holds what was done.
  await admin.expect(200, 'GET', '/api/me');
  const auditEvents = await countAuditEvents(admin);

  ctx.state.set(ADMIN_CLIENT, admin);
  ctx.state.set(ADMIN_COOKIE, admin.cookieHeader());
  return { users: users + 1, auditEvents, seconds: Math.round((performance.now() - started) / 100) / 10 };
}

/**
 * A signed-in user whose only grant is `role` over `unitId` and its sub-units: invited (installation-wide, as an
 * invite is), then narrowed through the grants API.
 */
export async function scopedUser(
  admin: ApiClient,
  baseUrl: string,
  who: { email: string; name: string; role: 'administrator' | 'reviewer' | 'user'; unitId: string },
): Promise<ApiClient> {
  const invite = await admin.expect<{ url: string }>(201, 'POST', '/api/invites', { email: who.email, name: who.name, role: who.role });
  const token = new URL(invite.url).searchParams.get('token');
  if (!token) throw new Error(`invite link without token: ${invite.url}`);
  await new ApiClient(baseUrl).expect(201, 'POST', '/api/invites/accept', { token, name: who.name, password: PASSWORD });
  const client = new ApiClient(baseUrl);
  await client.login(who.email, PASSWORD);
  const me = await client.expect<{ id: string }>(200, 'GET', '/api/me');
  const before = await admin.expect<{ items: Array<{ id: string; orgUnitId: string | null }> }>(200, 'GET', `/api/users/${me.id}/grants`);
  await admin.expect(201, 'POST', `/api/users/${me.id}/grants`, { role: who.role, orgUnitId: who.unitId, includeSubunits: true });
  for (const g of before.items) if (g.orgUnitId === null) await admin.expect(204, 'DELETE', `/api/users/${me.id}/grants/${g.id}`);
  return client;
}

/** The administrator's Cookie header, for scenarios' `headers`. */
export const adminCookie = (ctx: BenchContext): Record<string, string> => {
  const cookie = ctx.state.get(ADMIN_COOKIE);
  if (typeof cookie !== 'string') throw new Error('accounts seed did not run: no administrator session');
  return { cookie };
};

export const accountsGroup: ScenarioGroup = {
  name: 'accounts',
  seed,
  scenarios: [{ name: 'GET /api/me', target: 'ansvar', path: '/api/me', headers: adminCookie, baseline: BARE_SCENARIO, targetRatio: 0.5 }],
};
