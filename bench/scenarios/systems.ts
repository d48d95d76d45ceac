/**
 * The system register at scale (issue 4): BENCH_SYSTEMS systems (default 10,000) with their roles and
 * agreements, imported as the administrator through the system register import — a semicolon CSV with
 * Swedish headers, POST /api/imports/systems (dry-run), POST /api/imports/{id}/apply — over the org
 * group's förvaltningar and people. Then the time of a full recomputation of the findings, and at 50
 * connections the register's list (first page, filter, search, sort, förvaltning), the findings and the
 * responsibility matrix.
 *
 * Targets (reported, not asserted): list p99 ≤ 50 ms at 50 connections; a full recomputation of the
 * findings under 1 s; the import (dry-run + apply) of 10,000 rows under 10 s.
 */
import type { ApiClient } from '../lib/client.ts';
import { cpuTimeMs } from '../lib/processes.ts';
import type { BenchContext, Scenario, ScenarioGroup } from '../lib/types.ts';
import { ADMIN_CLIENT, adminCookie, scopedUser } from './accounts.ts';
import { BARE_SCENARIO_50 } from './bare.ts';
import { ORG_SEEDED, type OrgSeeded } from './org.ts';
import { SUBTREE_FORVALTNING } from './org-data.ts';
import { SEARCH_FRAGMENT, matchingNames, planSystems, toCsv, type SystemRow } from './systems-data.ts';

/** State key: the id of the förvaltning the unitId scenario filters on. */
export const SYSTEMS_UNIT = 'systems.unitId';
/** State key: the id of the system whose page (record, history) the scenarios read. */
const SYSTEM_ID = 'systems.systemId';
const FORVALTNING_USER_COOKIE = 'systems.forvaltningUserCookie';

/** The import's own limit (server/modules/system-import/rows.ts MAX_IMPORT_ROWS): larger seeds go in batches. */
const IMPORT_MAX_ROWS = 20_000;
/** A dry-run or apply of 10,000 rows should take seconds; on a busy machine give it room. */
const IMPORT_TIMEOUT_MS = 600_000;
/** The register's list scenarios run at 50 connections, the target: p99 ≤ 50 ms. */
const CONNECTIONS = 50;
const TARGET_P99_MS = 50;
/** Full recomputations of the findings to time; the median is reported. */
const REFRESH_RUNS = 3;

export function systemCount(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.BENCH_SYSTEMS;
  if (raw === undefined || raw === '') return 10_000;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 100) throw new Error(`BENCH_SYSTEMS must be a whole number ≥ 100, got "${raw}"`);
  return n;
}

/** A generous ceiling for the seed, for run.ts's hang guard (import, findings and their checks). */
export const systemsSeedBudgetS = (systems: number): number => 60 + systems * 0.02;

const seconds = (since: number) => Math.round((performance.now() - since) / 100) / 10;
const ms = (since: number) => Math.round((performance.now() - since) * 10) / 10;

interface Preview {
  id: string;
  counts: { create: number; update: number; unchanged: number; error: number };
  effects: Record<string, number>;
  rows: Array<{ row: number; action: string; errors?: Array<{ cell: string | null; message: string }> }>;
  unknownUnits: Array<{ name: string }>;
  unknownPeople: Array<{ name: string; email: string | null }>;
  mapping: Array<{ column: string; field: string | null }>;
}

interface Applied {
  counts: { create: number; update: number; unchanged: number; error: number };
  effects: { units: number; people: number; roleStarts: number; roleEnds: number; suppliers: number; agreements: number };
}

/** Every column of the file must be read as a field: a header the import does not recognise would silently drop data. */
function checkMapping(preview: Preview): void {
  const ignored = preview.mapping.filter((m) => m.field === null).map((m) => m.column);
  if (ignored.length) throw new Error(`system import: columns not recognised: ${ignored.join(', ')}`);
}

/** The server's CPU time so far (ms), or null where /proc is not there. */
type CpuMeter = () => number | null;

/** CPU used since `before` (ms), or null. */
const cpuSince = (meter: CpuMeter, before: number | null): number | null => {
  const now = meter();
  return before === null || now === null ? null : now - before;
};
const add = (a: number | null, b: number | null): number | null => (a === null || b === null ? null : a + b);

interface Imported {
  batches: number;
  dryRunS: number;
  applyS: number;
  /** The server's CPU seconds for the dry-runs and the applies (null without /proc). */
  dryRunCpuS: number | null;
  applyCpuS: number | null;
  effects: Applied['effects'];
}

/** Dry-run, check it is clean, apply; in batches beyond the import's row limit. */
async function importSystems(admin: ApiClient, rows: SystemRow[], cpu: CpuMeter): Promise<Imported> {
  let dryRunS = 0;
  let applyS = 0;
  let dryRunCpu: number | null = 0;
  let applyCpu: number | null = 0;
  const effects: Applied['effects'] = { units: 0, people: 0, roleStarts: 0, roleEnds: 0, suppliers: 0, agreements: 0 };
  let batches = 0;
  for (let i = 0; i < rows.length; i += IMPORT_MAX_ROWS) {
    const batch = rows.slice(i, i + IMPORT_MAX_ROWS);
    batches++;
    const file = { field: 'file', name: `systemforteckning-${batches}.csv`, data: toCsv(batch), type: 'text/csv' };
    let t = performance.now();
    let c = cpu();
    const preview = await admin.expectUpload<Preview>(
      200,
      '/api/imports/systems',
      file,
      { createMissing: 'false' },
      { timeoutMs: IMPORT_TIMEOUT_MS },
    );
    dryRunS += (performance.now() - t) / 1000;
    dryRunCpu = add(dryRunCpu, cpuSince(cpu, c));
    checkMapping(preview);
    const { counts } = preview;
    if (counts.error > 0 || counts.create !== batch.length || preview.unknownUnits.length || preview.unknownPeople.length) {
      const firstErrors = preview.rows.filter((r) => r.action === 'error').slice(0, 5);
      throw new Error(
        `system import batch ${batches}: unexpected dry-run ${JSON.stringify(counts)}; unknown units ${JSON.stringify(preview.unknownUnits.slice(0, 5))}, ` +
          `people ${JSON.stringify(preview.unknownPeople.slice(0, 5))}; first errors: ${JSON.stringify(firstErrors)}`,
      );
    }
    t = performance.now();
    c = cpu();
    const applied = await admin.expect<Applied>(200, 'POST', `/api/imports/${preview.id}/apply`, undefined, {
      timeoutMs: IMPORT_TIMEOUT_MS,
    });
    applyS += (performance.now() - t) / 1000;
    applyCpu = add(applyCpu, cpuSince(cpu, c));
    if (applied.counts.create !== batch.length)
      throw new Error(`system import batch ${batches}: applied ${JSON.stringify(applied.counts)}`);
    for (const k of Object.keys(effects) as Array<keyof Applied['effects']>) effects[k] += applied.effects[k];
  }
  const r2 = (x: number) => Math.round(x * 100) / 100;
  return {
    batches,
    dryRunS: r2(dryRunS),
    applyS: r2(applyS),
    dryRunCpuS: dryRunCpu === null ? null : r2(dryRunCpu / 1000),
    applyCpuS: applyCpu === null ? null : r2(applyCpu / 1000),
    effects,
  };
}

/** Every open finding the administrator sees, page by page: count and count per rule. */
async function openFindings(admin: ApiClient): Promise<{ count: number; byRule: Map<string, number> }> {
  const byRule = new Map<string, number>();
  let count = 0;
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const page = await admin.expect<{ items: Array<{ rule: string }>; nextCursor: string | null }>(
      200,
      'GET',
      `/api/findings?limit=500${query}`,
      undefined,
      {
        timeoutMs: 120_000,
      },
    );
    for (const f of page.items) byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
    count += page.items.length;
    cursor = page.nextCursor;
  } while (cursor);
  return { count, byRule };
}

/**
 * The time of a full recomputation of the findings, as a user sees it: a role assignment on the kommun
 * (which marks everything for a refresh), then at once GET /api/findings?limit=1, which flushes the
 * refresh before it answers. The request goes out well within the refresher's 50 ms debounce, so the
 * refresh runs inside it. Alternately starts and ends a digitaliseringsstrateg (any number may hold it).
 */
async function timeFullRefreshes(admin: ApiClient, org: OrgSeeded, cpu: CpuMeter): Promise<Array<{ ms: number; cpuMs: number | null }>> {
  const kommun = org.unitIds.get('KOM');
  const holders = org.people.slice(-REFRESH_RUNS).map((p) => org.personIds.get(p.externalId));
  if (!kommun || holders.some((h) => !h)) throw new Error('findings refresh: no kommun or people from the org seed');
  const times: Array<{ ms: number; cpuMs: number | null }> = [];
  let open: string | null = null;
  for (let i = 0; i < REFRESH_RUNS; i++) {
    if (open) {
      await admin.expect(200, 'POST', `/api/role-assignments/${open}/end`, {});
      open = null;
    } else {
      const body = { roleKey: 'digitaliseringsstrateg', subjectKind: 'unit', subjectId: kommun, personId: holders[i]! };
      open = (await admin.expect<{ id: string }>(201, 'POST', '/api/role-assignments', body)).id;
    }
    const t = performance.now();
    const c = cpu();
    await admin.expect(200, 'GET', '/api/findings?limit=1', undefined, { timeoutMs: 120_000 });
    times.push({ ms: ms(t), cpuMs: cpuSince(cpu, c) });
  }
  if (open) await admin.expect(200, 'POST', `/api/role-assignments/${open}/end`, {});
  // Let the last change's refresh finish before the load starts.
  await admin.expect(200, 'GET', '/api/findings?limit=1', undefined, { timeoutMs: 120_000 });
  return times;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** A list scenario's first page holds what the file planned (a full page of 50 with the defaults), or it measures less work than it claims. */
async function checkFirstPage(admin: ApiClient, path: string, planned: number): Promise<void> {
  const page = await admin.expect<{ items: Array<{ holders: unknown[] }> }>(200, 'GET', path);
  const expected = Math.min(50, planned);
  if (page.items.length !== expected)
    throw new Error(`GET ${path}: expected ${expected} systems on the first page, got ${page.items.length}`);
  if (!page.items.some((s) => s.holders.length > 0)) throw new Error(`GET ${path}: no system on the first page carries its systemägare`);
}

export async function seed(ctx: BenchContext): Promise<Record<string, number | string>> {
  const started = performance.now();
  const admin = ctx.state.get(ADMIN_CLIENT) as ApiClient | undefined;
  if (!admin) throw new Error('accounts seed did not run: no administrator client');
  const org = ctx.state.get(ORG_SEEDED) as OrgSeeded | undefined;
  if (!org) throw new Error('org seed did not run: no organisation for the systems');
  const count = systemCount();

  const cpu: CpuMeter = () => cpuTimeMs(ctx.servers.ansvar.child.pid);
  const rows = planSystems(org.units, org.people, count);
  const imported = await importSystems(admin, rows, cpu);

  // The apply's changes mark everything: the first read waits for the refresh that opens every finding.
  const t = performance.now();
  await admin.expect(200, 'GET', '/api/findings?limit=1', undefined, { timeoutMs: 300_000 });
  const findingsAfterImportMs = ms(t);
  const findings = await openFindings(admin);

  const refreshes = await timeFullRefreshes(admin, org, cpu);
  const refreshCpu = refreshes.map((r) => r.cpuMs).filter((x): x is number => x !== null);

  const unitId = org.unitIds.get(SUBTREE_FORVALTNING);
  if (!unitId) throw new Error(`no förvaltning ${SUBTREE_FORVALTNING} from the org seed`);
  ctx.state.set(SYSTEMS_UNIT, unitId);
  for (const s of LIST_SCENARIOS) await checkFirstPage(admin, typeof s.path === 'function' ? s.path(ctx) : s.path, s.planned(rows));
  // A user of one förvaltning: the register as the visibility rule lets them see it.
  const user = await scopedUser(admin, ctx.servers.ansvar.baseUrl, { email: 'forvaltning-user@bench.test', name: 'Förvaltningens användare', role: 'user', unitId });
  await checkFirstPage(user, `/api/systems?${PAGE}`, rows.filter((r) => inSubtree(r) || r.kommungemensamt === 'Ja').length);
  ctx.state.set(FORVALTNING_USER_COOKIE, user.cookieHeader());
  // A system page: the first system in name order, with its record and its history (creation and role events).
  const first = (await admin.expect<{ items: Array<{ id: string }> }>(200, 'GET', '/api/systems?limit=1')).items[0];
  if (!first) throw new Error('no system to read');
  ctx.state.set(SYSTEM_ID, first.id);
  const history = await admin.expect<{ items: unknown[] }>(200, 'GET', `/api/systems/${first.id}/history?limit=50`);
  if (history.items.length < 2) throw new Error(`system history: expected the creation and role events, got ${history.items.length}`);

  return {
    systems: rows.length,
    importBatches: imported.batches,
    importDryRunSeconds: imported.dryRunS,
    importApplySeconds: imported.applyS,
    importSeconds: Math.round((imported.dryRunS + imported.applyS) * 100) / 100,
    ...(imported.dryRunCpuS !== null && imported.applyCpuS !== null
      ? { importDryRunCpuSeconds: imported.dryRunCpuS, importApplyCpuSeconds: imported.applyCpuS }
      : {}),
    roleAssignments: imported.effects.roleStarts,
    suppliers: imported.effects.suppliers,
    agreements: imported.effects.agreements,
    searchMatches: matchingNames(rows, SEARCH_FRAGMENT),
    findingsAfterImportMs,
    findings: findings.count,
    findingsByRule: [...findings.byRule]
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k}:${v}`)
      .join(' '),
    findingsFullRefreshMs: median(refreshes.map((r) => r.ms)),
    findingsFullRefreshRunsMs: refreshes.map((r) => r.ms).join('/'),
    ...(refreshCpu.length === refreshes.length ? { findingsFullRefreshCpuMs: median(refreshCpu) } : {}),
    seconds: seconds(started),
  };
}

const stateId = (ctx: BenchContext, key: string): string => {
  const id = ctx.state.get(key);
  if (typeof id !== 'string') throw new Error(`systems seed did not run: no ${key}`);
  return id;
};

const common = { target: 'ansvar', headers: adminCookie, baseline: BARE_SCENARIO_50, connections: CONNECTIONS } as const;
const list = { ...common, targetP99Ms: TARGET_P99_MS } as const;

const inSubtree = (r: SystemRow) => r.unitCode === SUBTREE_FORVALTNING || r.usedByCode === SUBTREE_FORVALTNING;

/**
 * The register's list as the page asks for it (its default columns show the systemägare: holders=systemagare):
 * the p99 target applies to these. `planned`: how many systems of the file the query matches.
 */
const PAGE = 'limit=50&holders=systemagare';
const LIST_SCENARIOS: Array<Scenario & { planned: (rows: SystemRow[]) => number }> = [
  { ...list, name: 'GET /api/systems (first page)', path: `/api/systems?${PAGE}`, planned: (rows) => rows.length },
  {
    ...list,
    name: 'GET /api/systems?lifecycle&hosting (filter)',
    path: `/api/systems?lifecycle=in_operation&hosting=saas&${PAGE}`,
    planned: (rows) => rows.filter((r) => r.lifecycle === 'I drift' && r.hosting === 'SaaS').length,
  },
  {
    ...list,
    name: `GET /api/systems?q=${SEARCH_FRAGMENT} (search)`,
    path: `/api/systems?q=${encodeURIComponent(SEARCH_FRAGMENT)}&${PAGE}`,
    planned: (rows) => matchingNames(rows, SEARCH_FRAGMENT),
  },
  {
    ...list,
    name: 'GET /api/systems?sort=updatedAt&dir=desc (sort)',
    path: `/api/systems?sort=updatedAt&dir=desc&${PAGE}`,
    planned: (rows) => rows.length,
  },
  {
    ...list,
    name: 'GET /api/systems?unitId (förvaltning)',
    path: (ctx) => `/api/systems?unitId=${encodeURIComponent(stateId(ctx, SYSTEMS_UNIT))}&${PAGE}`,
    planned: (rows) => rows.filter(inSubtree).length,
  },
];

const SYSTEMS_SCENARIOS: Scenario[] = [
  ...LIST_SCENARIOS,
  {
    ...list,
    name: "GET /api/systems (first page, a förvaltning's user)",
    path: `/api/systems?${PAGE}`,
    headers: (ctx) => ({ cookie: stateId(ctx, FORVALTNING_USER_COOKIE) }),
  },
  { ...common, name: 'GET /api/findings (first page)', path: '/api/findings?limit=50' },
  { ...common, name: 'GET /api/systems/responsibilities (matrix)', path: '/api/systems/responsibilities?limit=25' },
  // Only systems with a gap: the engine evaluates systems in batches of 200 until the page is full (at most 1,000 a request).
  { ...common, name: 'GET /api/systems/responsibilities?gaps=true (matrix, only gaps)', path: '/api/systems/responsibilities?limit=25&gaps=true' },
  { ...common, name: 'GET /api/systems/{id} (system page)', path: (ctx) => `/api/systems/${stateId(ctx, SYSTEM_ID)}` },
  { ...common, name: 'GET /api/systems/{id}/history', path: (ctx) => `/api/systems/${stateId(ctx, SYSTEM_ID)}/history?limit=50` },
  // Getting started counts over the whole register (units, people, roles, systems, findings) on every start page.
  { ...common, name: 'GET /api/onboarding (start page)', path: '/api/onboarding' },
  // The repair page compares every person's name with every unit's and supplier's name.
  { ...common, name: 'GET /api/maintenance/suspect-people (repair)', path: '/api/maintenance/suspect-people?limit=50' },
  // The audit page: the register import's tens of thousands of changes are one entry, skipped by a partial index.
  { ...common, name: 'GET /api/audit?grouped=true (audit page)', path: '/api/audit?grouped=true&limit=50' },
];

export const systemsGroup: ScenarioGroup = { name: 'systems', seed, scenarios: SYSTEMS_SCENARIOS };

/** The register's lists and the findings list, which the national run also reads as the installation's administrator. */
export const SYSTEMS_LISTS: ReadonlySet<string> = new Set([...LIST_SCENARIOS.map((s) => s.name), 'GET /api/findings (first page)']);
