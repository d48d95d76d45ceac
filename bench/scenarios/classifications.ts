/**
 * Information classification at scale (issue 13): the systems group's BENCH_SYSTEMS systems get their classifications
 * the way a kommun brings them in — the register re-imported with a K/R/T/S column (POST /api/imports/systems, dry-run
 * and apply), which gives about 85 % of them a draft (method import) — and a sample of APPROVE_SAMPLE systems i drift
 * is submitted (as the administrator) and approved through the API by their systemägare (accounts invited with the
 * e-mail of the HR import's person: an account belongs to the active person with its e-mail), every other one that
 * reaches level 3 with a requirement marked not met. Seeding all 10,000 as approved through the API would take too
 * long, and the bench writes to Ansvar's database only through its API: the rest stay drafts (or have none).
 *
 * Reports the import, the approvals, the open classification findings and the time of a full recomputation of the
 * findings with the classifications in place (as the systems group times it); measures at 50 connections the
 * overview (whole kommun and one förvaltning) and its drill-down lists.
 */
import { ApiClient } from '../lib/client.ts';
import { cpuTimeMs } from '../lib/processes.ts';
import type { BenchContext, Scenario, ScenarioGroup } from '../lib/types.ts';
import { ADMIN_CLIENT, PASSWORD, adminCookie } from './accounts.ts';
import { BARE_SCENARIO_50 } from './bare.ts';
import { levelsOf, planSample, toKrtCsv, type SampleSystem } from './classifications-data.ts';
import type { PersonRow } from './org-data.ts';
import { ORG_SEEDED, type OrgSeeded } from './org.ts';
import { planSystems } from './systems-data.ts';
import { SYSTEMS_UNIT, systemCount } from './systems.ts';

/** Systems approved through the API (submit, approve): about 3 requests each, a few seconds per hundred. */
const APPROVE_SAMPLE = 200;
/** The default pack's requirementFindingLevel: a requirement of this level or above marked not met is a finding. */
const REQUIREMENT_FINDING_LEVEL = 3;
/** The import's own limit (server/modules/system-import/rows.ts MAX_IMPORT_ROWS): larger registers go in batches. */
const IMPORT_MAX_ROWS = 20_000;
const IMPORT_TIMEOUT_MS = 600_000;
/** Approvals in flight: each is a short write transaction; a few at a time keep the server busy without queueing. */
const APPROVE_CONCURRENCY = 4;
/** As the systems group: the scenarios run at 50 connections against the bare stack at 50. */
const CONNECTIONS = 50;
/** Full recomputations of the findings to time; the median is reported. */
const REFRESH_RUNS = 3;
/** The aspect and level of the drill-down scenario. */
const DRILL_ASPECT = 'confidentiality';
const DRILL_LEVEL = 3;

/** A generous ceiling for the seed, for run.ts's hang guard (the re-import, the sample's approvals, the findings). */
export const classificationsSeedBudgetS = (systems: number): number => 60 + systems * 0.01 + APPROVE_SAMPLE * 0.5;

const ms = (since: number) => Math.round((performance.now() - since) * 10) / 10;
const seconds = (since: number) => Math.round((performance.now() - since) / 100) / 10;
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

type Counts = { create: number; update: number; unchanged: number; error: number };
type DraftCounts = { create: number; update: number; unchanged: number; inProgress: number };

interface Preview {
  id: string;
  counts: Counts;
  classifications: DraftCounts;
  mapping: Array<{ column: string; field: string | null }>;
  rows: Array<{ row: number; action: string; errors?: Array<{ cell: string | null; message: string }> }>;
}

/** The register with its K/R/T/S column: dry-run (every row an unchanged system, every K/R/T a new draft), apply. */
async function importKrt(admin: ApiClient, rows: ReturnType<typeof planSystems>) {
  const all = rows.map((row, i) => ({ row, i }));
  let dryRunS = 0;
  let applyS = 0;
  let drafts = 0;
  for (let at = 0, batch = 1; at < all.length; at += IMPORT_MAX_ROWS, batch++) {
    const part = all.slice(at, at + IMPORT_MAX_ROWS);
    const expected = part.filter(({ row, i }) => levelsOf(row, i) !== null).length;
    const file = { field: 'file', name: `systemforteckning-krt-${batch}.csv`, data: toKrtCsv(part), type: 'text/csv' };
    let t = performance.now();
    const preview = await admin.expectUpload<Preview>(
      200,
      '/api/imports/systems',
      file,
      { createMissing: 'false' },
      { timeoutMs: IMPORT_TIMEOUT_MS },
    );
    dryRunS += (performance.now() - t) / 1000;
    const ignored = preview.mapping.filter((m) => m.field === null).map((m) => m.column);
    if (ignored.length) throw new Error(`K/R/T import: columns not recognised: ${ignored.join(', ')}`);
    if (preview.counts.unchanged !== part.length || preview.classifications.create !== expected) {
      const firstErrors = preview.rows.filter((r) => r.action === 'error').slice(0, 5);
      throw new Error(
        `K/R/T import batch ${batch}: expected ${part.length} unchanged systems and ${expected} new drafts, got ` +
          `${JSON.stringify(preview.counts)} ${JSON.stringify(preview.classifications)}; first errors: ${JSON.stringify(firstErrors)}`,
      );
    }
    t = performance.now();
    const applied = await admin.expect<{ classifications: DraftCounts }>(200, 'POST', `/api/imports/${preview.id}/apply`, undefined, {
      timeoutMs: IMPORT_TIMEOUT_MS,
    });
    applyS += (performance.now() - t) / 1000;
    if (applied.classifications.create !== expected)
      throw new Error(`K/R/T import batch ${batch}: applied ${JSON.stringify(applied.classifications)}`);
    drafts += expected;
  }
  const r2 = (x: number) => Math.round(x * 100) / 100;
  return { drafts, dryRunS: r2(dryRunS), applyS: r2(applyS) };
}

interface OverviewItem {
  id: string;
  name: string;
  state: string;
  levels: Record<string, number | null> | null;
}
type OverviewPage = { items: OverviewItem[]; total: number; nextCursor: string | null };

/** The systems with a classification in progress, page by page (the overview's drill-down): name → id. */
async function draftIds(admin: ApiClient): Promise<{ ids: Map<string, string>; total: number }> {
  const ids = new Map<string, string>();
  let total = 0;
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const page: OverviewPage = await admin.expect<OverviewPage>(
      200,
      'GET',
      `/api/classifications/systems?state=in_progress&limit=500${query}`,
    );
    if (!cursor) total = page.total;
    for (const s of page.items) ids.set(s.name, s.id);
    cursor = page.nextCursor;
  } while (cursor);
  return { ids, total };
}

/** A signed-in account for each systemägare of the sample: invited with the person's e-mail, accepted, signed in. */
async function approvers(admin: ApiClient, baseUrl: string, owners: PersonRow[]): Promise<Map<string, ApiClient>> {
  const out = new Map<string, ApiClient>();
  const guest = new ApiClient(baseUrl);
  for (const p of owners) {
    const invite = await admin.expect<{ url: string }>(201, 'POST', '/api/invites', { email: p.email, name: p.name, role: 'user' });
    const token = new URL(invite.url).searchParams.get('token');
    if (!token) throw new Error(`invite link without token: ${invite.url}`);
    await guest.expect(201, 'POST', '/api/invites/accept', { token, name: p.name, password: PASSWORD });
    const client = new ApiClient(baseUrl);
    await client.login(p.email, PASSWORD);
    out.set(p.email, client);
  }
  return out;
}

type Classification = { id: string; status: string; rowVersion: number; method: string };
type Requirement = { key: string; minLevel: number; rowVersion: number };

/** Submits the system's import draft (administrator), has its systemägare approve it, and marks a requirement not met if planned. */
async function approveOne(admin: ApiClient, approver: ApiClient, systemId: string, s: SampleSystem): Promise<void> {
  const { items } = await admin.expect<{ items: Classification[] }>(200, 'GET', `/api/systems/${systemId}/classifications`);
  const draft = items.find((c) => c.status === 'draft');
  if (!draft || draft.method !== 'import')
    throw new Error(`${s.name}: no import draft to approve (${JSON.stringify(items.map((c) => c.status))})`);
  const submitted = await admin.expect<Classification>(200, 'POST', `/api/classifications/${draft.id}/submit`, {
    rowVersion: draft.rowVersion,
  });
  const approved = await approver.expect<Classification>(200, 'POST', `/api/classifications/${draft.id}/approve`, {
    rowVersion: submitted.rowVersion,
  });
  if (approved.status !== 'approved') throw new Error(`${s.name}: approve answered status ${approved.status}`);
  if (!s.requirementNotMet) return;
  const reqs = await admin.expect<{ items: Requirement[] }>(200, 'GET', `/api/systems/${systemId}/requirements`);
  const req = reqs.items.find((r) => r.minLevel >= REQUIREMENT_FINDING_LEVEL);
  if (!req) throw new Error(`${s.name}: no requirement of level ${REQUIREMENT_FINDING_LEVEL} or above applies`);
  await admin.expect(200, 'PATCH', `/api/systems/${systemId}/requirements/${req.key}`, { rowVersion: req.rowVersion, status: 'not_met' });
}

/** Open findings of one rule (the first page's total). */
const findingsOf = async (admin: ApiClient, rule: string): Promise<number> =>
  (await admin.expect<{ total: number | null }>(200, 'GET', `/api/findings?rule=${rule}&limit=1`, undefined, { timeoutMs: 120_000 }))
    .total ?? -1;

/**
 * A full recomputation of the findings as the systems group times it: a role assignment on the kommun started or ended
 * (which marks everything), then at once GET /api/findings?limit=1, which waits for the refresh.
 */
async function timeFullRefreshes(admin: ApiClient, org: OrgSeeded, cpu: () => number | null) {
  const kommun = org.unitIds.get('KOM');
  // Other people than the systems group's (it uses the last three).
  const holders = org.people.slice(-2 * REFRESH_RUNS, -REFRESH_RUNS).map((p) => org.personIds.get(p.externalId));
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
    const after = cpu();
    times.push({ ms: ms(t), cpuMs: c === null || after === null ? null : after - c });
  }
  if (open) await admin.expect(200, 'POST', `/api/role-assignments/${open}/end`, {});
  await admin.expect(200, 'GET', '/api/findings?limit=1', undefined, { timeoutMs: 120_000 });
  return times;
}

interface Overview {
  total: number;
  approved: number;
  inProgress: number;
  missing: number;
  reviewDue: number;
  forvaltningar: unknown[];
}

export async function seed(ctx: BenchContext): Promise<Record<string, number | string>> {
  const started = performance.now();
  const admin = ctx.state.get(ADMIN_CLIENT) as ApiClient | undefined;
  if (!admin) throw new Error('accounts seed did not run: no administrator client');
  const org = ctx.state.get(ORG_SEEDED) as OrgSeeded | undefined;
  if (!org) throw new Error('org seed did not run: no organisation');
  const cpu = () => cpuTimeMs(ctx.servers.ansvar.child.pid);
  // The systems group's register (deterministic: the same rows it imported).
  const rows = planSystems(org.units, org.people, systemCount());

  const imported = await importKrt(admin, rows);
  let t = performance.now();
  await admin.expect(200, 'GET', '/api/findings?limit=1', undefined, { timeoutMs: 300_000 });
  const findingsAfterImportMs = ms(t);

  const sample = planSample(rows, org.people, APPROVE_SAMPLE, REQUIREMENT_FINDING_LEVEL);
  if (!sample.length) throw new Error('no system i drift with a K/R/T draft and a systemägare to approve');
  const drafts = await draftIds(admin);
  if (drafts.total !== imported.drafts) throw new Error(`overview: expected ${imported.drafts} systems in progress, got ${drafts.total}`);
  const owners = [...new Map(sample.map((s) => [s.owner.email, s.owner])).values()];
  const accounts = await approvers(admin, ctx.servers.ansvar.baseUrl, owners);

  t = performance.now();
  const c = cpu();
  let next = 0;
  const worker = async () => {
    for (let k = next++; k < sample.length; k = next++) {
      const s = sample[k]!;
      const id = drafts.ids.get(s.name);
      if (!id) throw new Error(`${s.name}: not among the systems in progress`);
      await approveOne(admin, accounts.get(s.owner.email)!, id, s);
    }
  };
  await Promise.all(Array.from({ length: APPROVE_CONCURRENCY }, worker));
  const approveS = seconds(t);
  const cpuAfter = cpu();
  t = performance.now();
  await admin.expect(200, 'GET', '/api/findings?limit=1', undefined, { timeoutMs: 300_000 });
  const findingsAfterApprovalsMs = ms(t);

  // The findings the classifications give: every system i drift without an approved one, and each requirement marked not met.
  const inOperation = rows.filter((r) => r.lifecycle === 'I drift').length;
  const notMet = sample.filter((s) => s.requirementNotMet).length;
  const missing = await findingsOf(admin, 'classification_missing');
  const unmet = await findingsOf(admin, 'requirement_not_met');
  if (missing !== inOperation - sample.length)
    throw new Error(`classification_missing: expected ${inOperation - sample.length}, got ${missing}`);
  if (unmet !== notMet) throw new Error(`requirement_not_met: expected ${notMet}, got ${unmet}`);

  const refreshes = await timeFullRefreshes(admin, org, cpu);
  const refreshCpu = refreshes.map((r) => r.cpuMs).filter((x): x is number => x !== null);

  // What the scenarios read: the overview's numbers, and full first pages of the drill-downs.
  const live = rows.filter((r) => r.lifecycle !== 'Avvecklad').length;
  const overview = await admin.expect<Overview>(200, 'GET', '/api/classifications/overview');
  const want = { total: live, approved: sample.length, inProgress: imported.drafts - sample.length, missing: live - imported.drafts };
  for (const [k, v] of Object.entries(want)) {
    if (overview[k as keyof typeof want] !== v)
      throw new Error(`overview: expected ${JSON.stringify(want)}, got ${JSON.stringify(overview)}`);
  }
  const atLevel = sample.filter((s) => s.levels[DRILL_ASPECT] === DRILL_LEVEL).length;
  for (const [path, expected] of [
    ['/api/classifications/systems?state=approved&limit=50', sample.length],
    [`/api/classifications/systems?aspect=${DRILL_ASPECT}&level=${DRILL_LEVEL}&limit=50`, atLevel],
  ] as const) {
    const page = await admin.expect<OverviewPage>(200, 'GET', path);
    if (page.total !== expected || page.items.length !== Math.min(50, expected))
      throw new Error(
        `GET ${path}: expected ${expected} systems (a page of ${Math.min(50, expected)}), got ${page.total} (${page.items.length})`,
      );
  }
  // The workbook of every system in the overview, once (not under load: it is a download, not a page).
  t = performance.now();
  const xlsx = await admin.request('GET', '/api/classifications/export.xlsx', undefined, { timeoutMs: 120_000 });
  if (xlsx.status !== 200) throw new Error(`GET /api/classifications/export.xlsx: ${xlsx.status} ${xlsx.text.slice(0, 300)}`);
  const exportXlsxMs = ms(t);

  return {
    systems: rows.length,
    krtImportDryRunSeconds: imported.dryRunS,
    krtImportApplySeconds: imported.applyS,
    drafts: imported.drafts,
    approved: sample.length,
    approvers: owners.length,
    approveSeconds: approveS,
    ...(c !== null && cpuAfter !== null ? { approveCpuSeconds: Math.round((cpuAfter - c) / 100) / 10 } : {}),
    requirementsNotMet: notMet,
    overview: `total:${overview.total} approved:${overview.approved} inProgress:${overview.inProgress} missing:${overview.missing} reviewDue:${overview.reviewDue}`,
    drillDownLevel3: atLevel,
    findingsAfterImportMs,
    findingsAfterApprovalsMs,
    classificationMissing: missing,
    requirementNotMet: unmet,
    findingsFullRefreshMs: median(refreshes.map((r) => r.ms)),
    findingsFullRefreshRunsMs: refreshes.map((r) => r.ms).join('/'),
    ...(refreshCpu.length === refreshes.length ? { findingsFullRefreshCpuMs: median(refreshCpu) } : {}),
    exportXlsxMs,
    seconds: seconds(started),
  };
}

const unitOf = (ctx: BenchContext): string => {
  const id = ctx.state.get(SYSTEMS_UNIT);
  if (typeof id !== 'string') throw new Error('systems seed did not run: no förvaltning');
  return id;
};

const common = { target: 'ansvar', headers: adminCookie, baseline: BARE_SCENARIO_50, connections: CONNECTIONS } as const;

const CLASSIFICATION_SCENARIOS: Scenario[] = [
  // One row per system (10,000) and a pass in memory on every request.
  { ...common, name: 'GET /api/classifications/overview', path: '/api/classifications/overview' },
  {
    ...common,
    name: 'GET /api/classifications/overview?unitId (förvaltning)',
    path: (ctx) => `/api/classifications/overview?unitId=${encodeURIComponent(unitOf(ctx))}`,
  },
  {
    ...common,
    name: 'GET /api/classifications/systems?state=approved (drill-down)',
    path: '/api/classifications/systems?state=approved&limit=50',
  },
  {
    ...common,
    name: `GET /api/classifications/systems?aspect=${DRILL_ASPECT}&level=${DRILL_LEVEL} (drill-down)`,
    path: `/api/classifications/systems?aspect=${DRILL_ASPECT}&level=${DRILL_LEVEL}&limit=50`,
  },
];

export const classificationsGroup: ScenarioGroup = { name: 'classifications', seed, scenarios: CLASSIFICATION_SCENARIOS };
