/**
 * Access to systems at scale (issue 15): BENCH_ACCESS_GRANTS current grants (default 1,000,000) over BENCH_ACCESS_SYSTEMS
 * systems of the systems group (default 2,000), given to the org group's people, each system's through its own user
 * list imported through the API (dry-run and apply, full mode: POST /api/systems/{id}/access/import, then
 * /api/access/imports/{id}/apply). Then, timed:
 * - one user list of BENCH_ACCESS_IMPORT_ROWS rows (default 50,000) on a system of its own: dry-run and apply (target < 10 s);
 * - a review campaign over the whole kommun (POST /api/access-reviews, unit scope: every current grant; target < 30 s).
 *
 * Scenarios, as the reviewer with the most items (signed in through an invitation with their e-mail): their inbox's
 * first page by system and by person (target p99 ≤ 100 ms), and a decision on one more of their items per request
 * (each request its own item and version; target p99 ≤ 20 ms); as the administrator, a system's grants and a person's
 * access everywhere.
 */
import { ApiClient } from '../lib/client.ts';
import type { BenchContext, Scenario, ScenarioGroup } from '../lib/types.ts';
import { ADMIN_CLIENT, PASSWORD, adminCookie } from './accounts.ts';
import { BARE_SCENARIO, BARE_SCENARIO_50 } from './bare.ts';
import type { PersonRow } from './org-data.ts';
import { ORG_SEEDED, type OrgSeeded } from './org.ts';

const REVIEW_ID = 'access.reviewId';
const REVIEWER_COOKIE = 'access.reviewerCookie';
const REVIEWER_CSRF = 'access.reviewerCsrf';
const DECISIONS = 'access.decisions';
const SYSTEM_ID = 'access.systemId';
const PERSON_ID = 'access.personId';

/** Access roles per system, and how many of them each account holds. */
const ROLES = ['Läsare', 'Handläggare', 'Utredare', 'Attestant', 'Administratör'];
const ROLES_PER_ACCOUNT = 2;
/** Imports in flight at once while seeding (the server applies them one after another; the dry-runs overlap). */
const PARALLEL = 4;
/** The reviewer's undecided items fetched for the decision scenario, at most. */
const DECISIONS_MAX = 40_000;

function whole(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be a whole number ≥ ${min}, got "${raw}"`);
  return n;
}

export interface AccessSize {
  grants: number;
  systems: number;
  importRows: number;
}

export function accessSize(env: NodeJS.ProcessEnv = process.env): AccessSize {
  return {
    grants: whole(env, 'BENCH_ACCESS_GRANTS', 1_000_000, 100),
    systems: whole(env, 'BENCH_ACCESS_SYSTEMS', 2_000, 1),
    importRows: whole(env, 'BENCH_ACCESS_IMPORT_ROWS', 50_000, 10),
  };
}

/** A generous ceiling for the seed, for run.ts's hang guard. */
export const accessSeedBudgetS = (s: AccessSize): number => 120 + s.grants * 0.001 + s.importRows * 0.001 + s.systems * 0.2;

const seconds = (since: number) => Math.round((performance.now() - since) / 100) / 10;

/** A user list as a system exports it: one row per account and role; accounts match people by e-mail. */
function userList(people: readonly PersonRow[], offset: number, accounts: number, rolesPerAccount: number, tag: string): string {
  const lines = ['Användarnamn,Namn,E-post,Behörighet,Senaste inloggning'];
  for (let a = 0; a < accounts; a++) {
    const p = people[(offset + a) % people.length]!;
    // A list longer than the people: the accounts past them get user names of their own and no e-mail (unmatched).
    const again = a >= people.length;
    const username = again ? `${tag}-x${a}` : p.email.split('@')[0]!;
    const email = again ? '' : p.email;
    for (let r = 0; r < rolesPerAccount; r++) lines.push(`${username},"${p.name}",${email},${ROLES[(a + r) % ROLES.length]},2026-11-30`);
  }
  return lines.join('\n');
}

async function importList(admin: ApiClient, systemId: string, csv: string, name: string): Promise<{ dryRunS: number; applyS: number; rows: number }> {
  const t0 = performance.now();
  const preview = await admin.upload<{ id: string; summary?: { rows?: number } }>(
    `/api/systems/${systemId}/access/import`,
    { field: 'file', name, data: csv, type: 'text/csv' },
    { mode: 'full' },
    { timeoutMs: 600_000 },
  );
  if (preview.status !== 200) throw new Error(`user list dry-run for ${systemId}: ${preview.status} ${JSON.stringify(preview.body).slice(0, 500)}`);
  const dryRunS = seconds(t0);
  const t1 = performance.now();
  await admin.expect(200, 'POST', `/api/access/imports/${preview.body.id}/apply`, {}, { timeoutMs: 600_000 });
  return { dryRunS, applyS: seconds(t1), rows: csv.split('\n').length - 1 };
}

/** The first `n` systems in the register's order, and one more for the big import. */
async function systemIds(admin: ApiClient, n: number): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  while (ids.length < n + 1) {
    const page: { items: Array<{ id: string }>; nextCursor: string | null } = await admin.expect(
      200, 'GET', `/api/systems?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    ids.push(...page.items.map((s) => s.id));
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  if (ids.length < n + 1) throw new Error(`access: ${n + 1} systems wanted, the register has ${ids.length}`);
  return ids.slice(0, n + 1);
}

async function signInAs(admin: ApiClient, baseUrl: string, personId: string): Promise<ApiClient> {
  const p = await admin.expect<{ name: string; email: string | null }>(200, 'GET', `/api/people/${personId}`);
  if (!p.email) throw new Error(`reviewer ${personId} has no e-mail`);
  const invite = await admin.expect<{ url: string }>(201, 'POST', '/api/invites', { email: p.email, name: p.name, role: 'user' });
  const token = new URL(invite.url).searchParams.get('token');
  if (!token) throw new Error(`invite link without token: ${invite.url}`);
  await new ApiClient(baseUrl).expect(201, 'POST', '/api/invites/accept', { token, name: p.name, password: PASSWORD });
  const client = new ApiClient(baseUrl);
  await client.login(p.email, PASSWORD);
  return client;
}

type Item = { grantId: string; version: number };
type ItemsPage = { items: Item[]; nextCursor: string | null; total: number | null };

async function seed(ctx: BenchContext): Promise<Record<string, number | string>> {
  const started = performance.now();
  const admin = ctx.state.get(ADMIN_CLIENT) as ApiClient | undefined;
  const org = ctx.state.get(ORG_SEEDED) as OrgSeeded | undefined;
  if (!admin || !org) throw new Error('access: the accounts and org seeds must run first');
  const size = accessSize();
  const perSystem = Math.max(ROLES_PER_ACCOUNT, Math.round(size.grants / size.systems));
  const accounts = Math.ceil(perSystem / ROLES_PER_ACCOUNT);
  const systems = await systemIds(admin, size.systems);
  const big = systems.pop()!;

  const t = performance.now();
  let next = 0;
  let rows = 0;
  const worker = async () => {
    for (let i = next++; i < systems.length; i = next++) {
      const r = await importList(admin, systems[i]!, userList(org.people, (i * 97) % org.people.length, accounts, ROLES_PER_ACCOUNT, `s${i}`), `system-${i}.csv`);
      rows += r.rows;
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  const seedImportsS = seconds(t);

  const bigList = userList(org.people, 0, Math.ceil(size.importRows / ROLES_PER_ACCOUNT), ROLES_PER_ACCOUNT, 'big');
  const bigImport = await importList(admin, big, bigList, 'stor-anvandarlista.csv');

  const root = org.units.find((u) => u.kind === 'kommun');
  const rootId = root && org.unitIds.get(root.code);
  if (!rootId) throw new Error('access: no kommun unit from the org seed');
  const t2 = performance.now();
  const review = await admin.expect<{ id: string }>(201, 'POST', '/api/access-reviews', { name: 'Bench HT 2026', dueOn: '2099-12-31', scope: 'unit', unitId: rootId }, { timeoutMs: 600_000 });
  const campaignS = seconds(t2);
  ctx.state.set(REVIEW_ID, review.id);
  const detail = await admin.expect<{ progress: { total: number }; reviewers: Array<{ person: { id: string }; total: number }> }>(200, 'GET', `/api/access-reviews/${review.id}`);
  const top = [...detail.reviewers].sort((a, b) => b.total - a.total)[0];
  if (!top) throw new Error('access: the campaign has no reviewers');
  const reviewer = await signInAs(admin, ctx.servers.ansvar.baseUrl, top.person.id);
  ctx.state.set(REVIEWER_COOKIE, reviewer.cookieHeader());
  ctx.state.set(REVIEWER_CSRF, reviewer.csrf);

  // The reviewer's undecided items, for one decision per request.
  const items: Item[] = [];
  let cursor: string | null = null;
  do {
    const page: ItemsPage = await reviewer.expect(200, 'GET', `/api/access-reviews/${review.id}/items?reviewer=me&decided=false&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    items.push(...page.items.map((i) => ({ grantId: i.grantId, version: i.version })));
    cursor = page.nextCursor;
  } while (cursor && items.length < DECISIONS_MAX);
  ctx.state.set(DECISIONS, items);

  const grants = await admin.expect<{ items: Array<{ person: { id: string } | null }> }>(200, 'GET', `/api/systems/${systems[0]}/grants?limit=50`);
  ctx.state.set(SYSTEM_ID, systems[0]);
  const person = grants.items.find((g) => g.person)?.person?.id;
  if (!person) throw new Error('access: the first system has no grant of a person');
  ctx.state.set(PERSON_ID, person);

  return {
    systems: systems.length,
    grantsSeeded: rows,
    seedImportsS,
    [`import${size.importRows}RowsDryRunS`]: bigImport.dryRunS,
    [`import${size.importRows}RowsApplyS`]: bigImport.applyS,
    [`import${size.importRows}RowsTotalS`]: Math.round((bigImport.dryRunS + bigImport.applyS) * 10) / 10,
    campaignItems: detail.progress.total,
    campaignCreateS: campaignS,
    reviewerItems: top.total,
    decisionItemsFetched: items.length,
    seconds: seconds(started),
  };
}

const state = <T>(ctx: BenchContext, key: string): T => {
  const v = ctx.state.get(key);
  if (v === undefined) throw new Error(`access seed did not set ${key}`);
  return v as T;
};
const asReviewer = (ctx: BenchContext) => ({ cookie: state<string>(ctx, REVIEWER_COOKIE) });
const inbox = (group: 'system' | 'person') => (ctx: BenchContext) => `/api/access-reviews/${state<string>(ctx, REVIEW_ID)}/items?reviewer=me&group=${group}&limit=50`;

const SCENARIOS: Scenario[] = [
  {
    name: 'access review inbox by system, first page @50',
    target: 'ansvar',
    path: inbox('system'),
    headers: asReviewer,
    connections: 50,
    baseline: BARE_SCENARIO_50,
    targetP99Ms: 100,
  },
  {
    name: 'access review inbox by person, first page @50',
    target: 'ansvar',
    path: inbox('person'),
    headers: asReviewer,
    connections: 50,
    baseline: BARE_SCENARIO_50,
    targetP99Ms: 100,
  },
  {
    name: 'access review decision, one item a request',
    target: 'ansvar',
    method: 'POST',
    path: (ctx) => `/api/access-reviews/${state<string>(ctx, REVIEW_ID)}/decisions`,
    headers: (ctx) => ({ ...asReviewer(ctx), 'x-csrf-token': state<string>(ctx, REVIEWER_CSRF) }),
    bodies: (ctx) => {
      const items = state<Item[]>(ctx, DECISIONS);
      // Once every item has been decided the items are decided again (a reviewer may change their mind while the
      // campaign is open): each decision raises an item's version by one, so round k sends the version read + k.
      // A fast run decides more than the smoke run's 5,000 items.
      let i = 0;
      return () => {
        const round = Math.floor(i / items.length);
        const item = items[i++ % items.length]!;
        return JSON.stringify({ decisions: [{ grantId: item.grantId, decision: 'keep', comment: 'Behövs i tjänsten', version: item.version + round }] });
      };
    },
    baseline: BARE_SCENARIO,
    targetP99Ms: 20,
  },
  {
    name: 'system grants, first page @50',
    target: 'ansvar',
    path: (ctx) => `/api/systems/${state<string>(ctx, SYSTEM_ID)}/grants?limit=50`,
    headers: adminCookie,
    connections: 50,
    baseline: BARE_SCENARIO_50,
    targetP99Ms: 100,
  },
  {
    name: 'a person’s access everywhere @50',
    target: 'ansvar',
    path: (ctx) => `/api/people/${state<string>(ctx, PERSON_ID)}/access`,
    headers: adminCookie,
    connections: 50,
    baseline: BARE_SCENARIO_50,
    targetP99Ms: 100,
  },
];

export const accessGroup: ScenarioGroup = { name: 'access', seed, scenarios: SCENARIOS };
