/**
 * Mitt ansvar at scale (issue 14): one person of the HR import — a member of staff who holds no role in the register —
 * gets an account (invited with the person's e-mail: an account belongs to the active person with its e-mail) and
 * TASKS open findings of the systems group's kommun through the API, as a kommun hands them out: the administrator's
 * bulk assignment (POST /api/findings/bulk, action assign, at most 500 a call, all or nothing) with filters of one
 * förvaltning and one rule, and of one system and one rule for the last few, whose totals add up to TASKS. Then due
 * dates (bulk action due_date) on most of them, spread from tomorrow to a year ahead, so the list has due soon and
 * later; the rest keep the pack's default (30, 90 or 180 days from when they opened).
 *
 * Overdue cannot be seeded through the API: a due date before today is refused (400 findings.due_past), and the
 * default is weeks after today's opening. The seed checks that refusal; the overdue scenario reads an empty list.
 *
 * Measures at 50 connections, as that person: GET /api/me/tasks (the first page with its total), ?state=overdue,
 * ?state=due_soon, a later page (a cursor fixed in the seed) and GET /api/me/summary (which records the visit: one
 * small write per request).
 */
import { ApiClient } from '../lib/client.ts';
import type { BenchContext, Scenario, ScenarioGroup } from '../lib/types.ts';
import { ADMIN_CLIENT, PASSWORD } from './accounts.ts';
import { BARE_SCENARIO_50 } from './bare.ts';
import type { PersonRow } from './org-data.ts';
import { ORG_SEEDED, type OrgSeeded } from './org.ts';
import { planSystems } from './systems-data.ts';
import { systemCount } from './systems.ts';

/** State key: the Cookie header of the signed-in person whose tasks the scenarios read. */
const TASKS_COOKIE = 'tasks.cookie';
/** State key: the cursor of the later page the scenario reads. */
const TASKS_CURSOR = 'tasks.cursor';

/** Findings made the person's. */
const TASKS = 500;
/** The bulk action's own limit (server/modules/findings/bulk.ts BULK_MAX). */
const BULK_MAX = 500;
/** A whole (förvaltning, rule) group is assigned in one call when it is at most this big: more calls, more variety. */
const GROUP_MAX = 120;
/** The page size of the list as Mitt ansvar asks for it, and the page the cursor scenario reads (the cursor page 5 carries). */
const PAGE = 50;
const CURSOR_PAGE = 5;
/**
 * Due dates set, days from today, one per assigned group in turn (null: the group keeps the pack's default). Due soon is
 * today to today + 7 (the pack's dueSoonDays): 1, 3 and 5 fall in it, the rest are later.
 */
const DUE_OFFSETS: Array<number | null> = [1, 14, 3, 45, null, 5, 120, 30, 365, null, 2, 200];
/** As the systems group: the scenarios run at 50 connections against the bare stack at 50, with its list target. */
const CONNECTIONS = 50;
const TARGET_P99_MS = 50;
const BULK_TIMEOUT_MS = 120_000;

/** A generous ceiling for the seed, for run.ts's hang guard (the scan of the open findings, about 20 bulk actions). */
export const tasksSeedBudgetS = (systems: number): number => 60 + systems * 0.005;

const seconds = (since: number) => Math.round((performance.now() - since) / 100) / 10;

/** The Swedish day (the server's "today": platform/dates.ts), n days on. */
function swedishDay(n = 0): string {
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

interface Finding {
  id: string;
  rule: string;
  severity: string;
  systemId: string | null;
  unitId: string | null;
  owner: { id: string } | null;
}
type FindingsPage = { items: Finding[]; nextCursor: string | null; total: number | null };

interface Task {
  kind: string;
  id: string;
  dueOn: string | null;
  state: string;
}
type TasksPage = { items: Task[]; nextCursor: string | null; total: number | null };

interface Summary {
  person: { id: string } | null;
  tasks: { total: number; overdue: number; dueSoon: number; later: number; riskApprovals: number; classificationApprovals: number };
  unread: number;
}

type BulkFilter = { unitId?: string; systemId?: string; rule: string; handling: 'todo'; ownerId?: string };

/** One call's worth: a filter and how many open findings to do it lets through (checked against the server first). */
interface Piece {
  what: string;
  filter: BulkFilter;
  count: number;
}

/** Every open finding still to do, page by page. */
async function todoFindings(admin: ApiClient): Promise<Finding[]> {
  const out: Finding[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const page: FindingsPage = await admin.expect<FindingsPage>(200, 'GET', `/api/findings?handling=todo&limit=500${query}`, undefined, {
      timeoutMs: 120_000,
    });
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

/**
 * A member of staff who holds no role in the register (not in any cell of the systems group's file) and is not a chef:
 * their tasks are only what is assigned to them. The first such person from the end of the HR file.
 */
function pickPerson(org: OrgSeeded): PersonRow {
  const rows = planSystems(org.units, org.people, systemCount());
  const cells = rows.map((r) => `${r.owner} ${r.manager} ${r.operations}`).join('\n');
  const chefs = new Set(['Kommundirektör', 'Förvaltningschef', 'Avdelningschef', 'Enhetschef']);
  // Not the last few either: the systems and classifications groups time their refreshes with them.
  for (let i = org.people.length - 10; i >= 0; i--) {
    const p = org.people[i]!;
    if (!chefs.has(p.title) && !cells.includes(p.email)) return p;
  }
  throw new Error('no member of staff without a role in the register to give tasks');
}

/** Invites an account with the person's e-mail, accepts it and signs in. */
async function accountFor(admin: ApiClient, baseUrl: string, p: PersonRow): Promise<ApiClient> {
  const invite = await admin.expect<{ url: string }>(201, 'POST', '/api/invites', { email: p.email, name: p.name, role: 'user' });
  const token = new URL(invite.url).searchParams.get('token');
  if (!token) throw new Error(`invite link without token: ${invite.url}`);
  await new ApiClient(baseUrl).expect(201, 'POST', '/api/invites/accept', { token, name: p.name, password: PASSWORD });
  const client = new ApiClient(baseUrl);
  await client.login(p.email, PASSWORD);
  return client;
}

/**
 * Filters whose findings add up to exactly `want`, none overlapping: whole (förvaltning, rule) groups of at most
 * GROUP_MAX while they fit, then (system, rule) groups of rules whose förvaltning group was not taken.
 */
function plan(findings: Finding[], org: OrgSeeded, want: number): Piece[] {
  const codeOf = new Map([...org.unitIds].map(([code, id]) => [id, code]));
  const unitByCode = new Map(org.units.map((u) => [u.code, u]));
  /** The förvaltning code a unit lies in (itself or an ancestor), or null above the förvaltningar. */
  const forvaltningOf = (unitId: string | null): string | null => {
    for (let u = unitByCode.get(codeOf.get(unitId ?? '') ?? ''); u; u = u.parentCode ? unitByCode.get(u.parentCode) : undefined)
      if (u.kind === 'forvaltning') return u.code;
    return null;
  };
  const groups = new Map<string, { fv: string; rule: string; findings: Finding[] }>();
  for (const f of findings) {
    const fv = forvaltningOf(f.unitId);
    if (!fv) continue;
    const key = `${fv}|${f.rule}`;
    const g = groups.get(key) ?? { fv, rule: f.rule, findings: [] };
    g.findings.push(f);
    groups.set(key, g);
  }
  // Deterministic, and mixed: the rules in turn (each over its förvaltningar), so consecutive picks differ in rule.
  const order = [...groups.values()].sort((a, b) => (a.fv === b.fv ? a.rule.localeCompare(b.rule) : a.fv.localeCompare(b.fv)));
  const byRule = new Map<string, typeof order>();
  for (const g of order) byRule.set(g.rule, [...(byRule.get(g.rule) ?? []), g]);
  const interleaved: typeof order = [];
  for (let k = 0; interleaved.length < order.length; k++) {
    for (const gs of byRule.values()) {
      const g = gs[k];
      if (g) interleaved.push(g);
    }
  }

  const pieces: Piece[] = [];
  const taken = new Set<string>();
  let left = want;
  for (const g of interleaved) {
    const n = g.findings.length;
    if (n > GROUP_MAX || n > left) continue;
    const unitId = org.unitIds.get(g.fv)!;
    pieces.push({ what: `${g.fv}/${g.rule}`, filter: { unitId, rule: g.rule, handling: 'todo' }, count: n });
    taken.add(`${g.fv}|${g.rule}`);
    left -= n;
    if (!left) return pieces;
  }
  // The rest one system (and rule) at a time, from groups not taken: every finding of the pair must lie outside them.
  const pairs = new Map<string, { systemId: string; rule: string; n: number; clear: boolean }>();
  for (const f of findings) {
    if (!f.systemId) continue;
    const key = `${f.systemId}|${f.rule}`;
    const p = pairs.get(key) ?? { systemId: f.systemId, rule: f.rule, n: 0, clear: true };
    p.n += 1;
    const fv = forvaltningOf(f.unitId);
    if (fv && taken.has(`${fv}|${f.rule}`)) p.clear = false;
    pairs.set(key, p);
  }
  for (const p of [...pairs.values()].sort((a, b) => b.n - a.n || a.systemId.localeCompare(b.systemId) || a.rule.localeCompare(b.rule))) {
    if (!p.clear || p.n > left) continue;
    pieces.push({ what: `system/${p.rule}`, filter: { systemId: p.systemId, rule: p.rule, handling: 'todo' }, count: p.n });
    left -= p.n;
    if (!left) return pieces;
  }
  throw new Error(`tasks: ${findings.length} open findings give no ${want} in non-overlapping groups (${left} short)`);
}

const query = (filter: Record<string, string | undefined>) =>
  Object.entries(filter)
    .filter((e): e is [string, string] => e[1] !== undefined)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');

/** The open findings a filter lets through, as the list counts them. */
const totalOf = async (admin: ApiClient, filter: Record<string, string | undefined>): Promise<number> =>
  (await admin.expect<FindingsPage>(200, 'GET', `/api/findings?${query(filter)}&limit=1`, undefined, { timeoutMs: 120_000 })).total ?? -1;

/** One bulk action, which must change exactly `count` findings. */
async function bulk(admin: ApiClient, body: Record<string, unknown>, count: number, what: string): Promise<number> {
  const t = performance.now();
  const res = await admin.expect<{ changed: number }>(200, 'POST', '/api/findings/bulk', body, { timeoutMs: BULK_TIMEOUT_MS });
  if (res.changed !== count) throw new Error(`bulk ${String(body.action)} ${what}: expected ${count} changed, got ${res.changed}`);
  return performance.now() - t;
}

const tasksOf = (client: ApiClient, path: string) => client.expect<TasksPage>(200, 'GET', path);

export async function seed(ctx: BenchContext): Promise<Record<string, number | string>> {
  const started = performance.now();
  const admin = ctx.state.get(ADMIN_CLIENT) as ApiClient | undefined;
  if (!admin) throw new Error('accounts seed did not run: no administrator client');
  const org = ctx.state.get(ORG_SEEDED) as OrgSeeded | undefined;
  if (!org) throw new Error('org seed did not run: no organisation');

  const person = pickPerson(org);
  const personId = org.personIds.get(person.externalId);
  if (!personId) throw new Error(`no person id for ${person.externalId}`);
  const me = await accountFor(admin, ctx.servers.ansvar.baseUrl, person);
  const before = (await tasksOf(me, '/api/me/tasks?limit=1')).total ?? -1;
  const ownedBefore = await totalOf(admin, { ownerId: personId });

  let t = performance.now();
  const findings = await todoFindings(admin);
  const scanS = seconds(t);
  const pieces = plan(findings, org, TASKS);

  // Assign: each filter's total checked first, so a call changes what the plan says (all or nothing, at most 500).
  let assignMs = 0;
  let slowestBulkMs = 0;
  for (const p of pieces) {
    if (p.count > BULK_MAX) throw new Error(`tasks: piece ${p.what} of ${p.count} is over the bulk limit`);
    const total = await totalOf(admin, p.filter);
    if (total !== p.count) throw new Error(`tasks: GET /api/findings?${query(p.filter)}: expected ${p.count}, got ${total}`);
    const ms = await bulk(admin, { action: 'assign', filter: p.filter, personId }, p.count, p.what);
    assignMs += ms;
    slowestBulkMs = Math.max(slowestBulkMs, ms);
  }
  const owned = await totalOf(admin, { ownerId: personId, handling: 'todo' });
  if (owned !== ownedBefore + TASKS) throw new Error(`tasks: the person owns ${owned} open findings, expected ${ownedBefore} + ${TASKS}`);

  // A due date before today is refused (nothing written): overdue cannot be seeded through the API.
  const past = await admin.request('POST', '/api/findings/bulk', {
    action: 'due_date',
    filter: { ...pieces[0]!.filter, ownerId: personId },
    dueOn: swedishDay(-3),
  });
  if (past.status !== 400) throw new Error(`bulk due_date in the past: expected 400, got ${past.status}: ${past.text.slice(0, 300)}`);

  // Due dates on most groups, spread from tomorrow to a year ahead.
  t = performance.now();
  let dueSet = 0;
  for (const [i, p] of pieces.entries()) {
    const offset = DUE_OFFSETS[i % DUE_OFFSETS.length]!;
    if (offset === null) continue;
    const ms = await bulk(admin, { action: 'due_date', filter: { ...p.filter, ownerId: personId }, dueOn: swedishDay(offset) }, p.count, p.what);
    slowestBulkMs = Math.max(slowestBulkMs, ms);
    dueSet += p.count;
  }
  const dueDateS = seconds(t);

  // What the person sees: the total, by state, and full pages up to the cursor's.
  const first = await tasksOf(me, `/api/me/tasks?limit=${PAGE}`);
  if (first.total !== before + TASKS) throw new Error(`GET /api/me/tasks: expected a total of ${before} + ${TASKS}, got ${first.total}`);
  const byState: Record<string, number> = {};
  for (const state of ['overdue', 'due_soon', 'later']) byState[state] = (await tasksOf(me, `/api/me/tasks?state=${state}&limit=1`)).total ?? -1;
  if (byState.overdue! + byState.due_soon! + byState.later! !== first.total)
    throw new Error(`GET /api/me/tasks?state=…: ${JSON.stringify(byState)} do not add up to ${first.total}`);
  let page = first;
  let items = [...first.items];
  for (let n = 2; n <= CURSOR_PAGE; n++) {
    if (!page.nextCursor) throw new Error(`GET /api/me/tasks: no page ${n}`);
    page = await tasksOf(me, `/api/me/tasks?limit=${PAGE}&cursor=${encodeURIComponent(page.nextCursor)}`);
    if (page.total !== null) throw new Error('GET /api/me/tasks: a later page carries a total');
    items = items.concat(page.items);
  }
  if (items.length !== CURSOR_PAGE * PAGE || !page.nextCursor)
    throw new Error(`GET /api/me/tasks: expected ${CURSOR_PAGE} full pages and more, got ${items.length} tasks`);
  if (new Set(items.map((x) => x.id)).size !== items.length) throw new Error('GET /api/me/tasks: a task on two pages');
  const dues = items.map((x) => x.dueOn ?? '9999-12-31');
  if (dues.some((d, i) => i > 0 && d < dues[i - 1]!)) throw new Error('GET /api/me/tasks: pages not in due order');
  const later = await tasksOf(me, `/api/me/tasks?limit=${PAGE}&cursor=${encodeURIComponent(page.nextCursor)}`);
  if (later.items.length !== PAGE) throw new Error(`GET /api/me/tasks page ${CURSOR_PAGE + 1}: ${later.items.length} tasks, expected ${PAGE}`);
  ctx.state.set(TASKS_CURSOR, page.nextCursor);
  ctx.state.set(TASKS_COOKIE, me.cookieHeader());

  const summary = await me.expect<Summary>(200, 'GET', '/api/me/summary');
  if (summary.person?.id !== personId) throw new Error(`GET /api/me/summary: the account is not ${person.name}'s (${JSON.stringify(summary.person)})`);
  if (summary.tasks.total !== first.total) throw new Error(`GET /api/me/summary: ${summary.tasks.total} tasks, the list says ${first.total}`);

  return {
    person: `${person.externalId} ${person.title}`,
    tasksBefore: before,
    openFindingsScanned: findings.length,
    scanSeconds: scanS,
    assignCalls: pieces.length,
    assignSeconds: Math.round(assignMs / 100) / 10,
    dueDateCalls: pieces.filter((_, i) => DUE_OFFSETS[i % DUE_OFFSETS.length] !== null).length,
    dueDatesSet: dueSet,
    dueDateSeconds: dueDateS,
    slowestBulkMs: Math.round(slowestBulkMs),
    pastDueDate: `refused (${past.status})`,
    tasksTotal: first.total ?? -1,
    overdue: byState.overdue!,
    dueSoon: byState.due_soon!,
    later: byState.later!,
    summary: `total:${summary.tasks.total} overdue:${summary.tasks.overdue} dueSoon:${summary.tasks.dueSoon} later:${summary.tasks.later} unread:${summary.unread}`,
    seconds: seconds(started),
  };
}

const fromState = (ctx: BenchContext, key: string): string => {
  const v = ctx.state.get(key);
  if (typeof v !== 'string') throw new Error(`tasks seed did not run: no ${key}`);
  return v;
};

const asPerson = (ctx: BenchContext): Record<string, string> => ({ cookie: fromState(ctx, TASKS_COOKIE) });

const common = {
  target: 'ansvar',
  headers: asPerson,
  baseline: BARE_SCENARIO_50,
  connections: CONNECTIONS,
  targetP99Ms: TARGET_P99_MS,
} as const;

const TASK_SCENARIOS: Scenario[] = [
  // Each kind read from its index in due order (limit + 1), merged; the total counted on the first page.
  { ...common, name: 'GET /api/me/tasks (first page)', path: `/api/me/tasks?limit=${PAGE}` },
  // Empty: overdue cannot be seeded through the API (see above); the same queries with a due-date range.
  { ...common, name: 'GET /api/me/tasks?state=overdue', path: `/api/me/tasks?state=overdue&limit=${PAGE}` },
  { ...common, name: 'GET /api/me/tasks?state=due_soon', path: `/api/me/tasks?state=due_soon&limit=${PAGE}` },
  {
    ...common,
    name: `GET /api/me/tasks (page ${CURSOR_PAGE + 1}, cursor)`,
    path: (ctx) => `/api/me/tasks?limit=${PAGE}&cursor=${encodeURIComponent(fromState(ctx, TASKS_CURSOR))}`,
  },
  // The start page: roles, counts by due date, unread, changes since the previous visit (recorded: a write per request).
  { ...common, name: 'GET /api/me/summary', path: '/api/me/summary' },
];

export const tasksGroup: ScenarioGroup = { name: 'tasks', seed, scenarios: TASK_SCENARIOS };
