/**
 * Hardening (issue 9): the server keeps answering while it is given hostile files and long writes.
 *
 * Seed: the reviewer's hostile uploads, each sent as the administrator to the system register import
 * while another client asks for /api/health every 10 ms — the longest wait for an answer per file
 * (target: never over 1 s), the upload's status (400 naming the limit) and time; and the reviewer's
 * quadratic HR files (20,000 rows where each person's manager is the previous row; 20,000 rows with the
 * same name) as dry-runs, timed the same way.
 *
 * Scenarios, after every other group (the second adds BENCH_SYSTEMS systems): the register's first page at
 * 10 connections on an idle server, then the same while a register import of BENCH_SYSTEMS new rows runs
 * its dry-run and apply and the findings refresh after it — p99 beside p99.
 */
import { farCell, manyRowsBomb, oneCellBomb, whitespaceBomb } from '../../tests/fixtures/hostile-files.ts';
import type { ApiClient, UploadFile } from '../lib/client.ts';
import type { BenchContext, Scenario, ScenarioGroup, SeedSummary } from '../lib/types.ts';
import { ADMIN_CLIENT, adminCookie } from './accounts.ts';
import { BARE_SCENARIO } from './bare.ts';
import { ORG_SEEDED, type OrgSeeded } from './org.ts';
import { toCsv as toHrCsv, type PersonRow } from './org-data.ts';
import { systemCount, systemsSeedBudgetS } from './systems.ts';
import { planSystems, toCsv } from './systems-data.ts';

const MB = 1024 * 1024;
const HEALTH_TARGET_MS = 1000;
const HR_ROWS = 20_000;

const adminOf = (ctx: BenchContext): ApiClient => {
  const admin = ctx.state.get(ADMIN_CLIENT) as ApiClient | undefined;
  if (!admin) throw new Error('accounts seed did not run: no administrator client');
  return admin;
};

/** Sends the upload while /api/health is asked every 10 ms; the upload's status and time and the longest health wait. */
async function uploadWatchingHealth(ctx: BenchContext, path: string, file: UploadFile, fields: Record<string, string>) {
  const admin = adminOf(ctx);
  const healthUrl = `${ctx.servers.ansvar.baseUrl}/api/health`;
  let done = false;
  let worst = 0;
  const probe = (async () => {
    while (!done) {
      const started = performance.now();
      const res = await fetch(healthUrl, { signal: AbortSignal.timeout(120_000) });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`/api/health answered ${res.status} during an upload`);
      worst = Math.max(worst, performance.now() - started);
      await new Promise((r) => setTimeout(r, 10));
    }
  })();
  const started = performance.now();
  const res = await admin.upload<{ error?: { fields?: Record<string, string> } }>(path, file, fields, { timeoutMs: 300_000 });
  const ms = Math.round(performance.now() - started);
  done = true;
  await probe;
  return { status: res.status, ms, healthMaxMs: Math.round(worst), message: res.body?.error?.fields?.file ?? '' };
}

/** The reviewer's HR files: a manager chain through every row, and every row with the same name. */
function hrFiles(org: OrgSeeded): Record<string, string> {
  const unitCode = org.units.find((u) => u.kind === 'forvaltning')!.code;
  const chain: PersonRow[] = [];
  const same: PersonRow[] = [];
  for (let i = 0; i < HR_ROWS; i++) {
    chain.push({ externalId: `K${i}`, name: `Kedja Person ${i}`, email: `kedja.${i}@bench.test`, title: 'Handläggare', unitCode, manager: i ? `K${i - 1}` : '' });
    same.push({ externalId: `S${i}`, name: 'Anna Andersson', email: `samma.${i}@bench.test`, title: 'Handläggare', unitCode, manager: '' });
  }
  return { managerChain: toHrCsv(chain), sameName: toHrCsv(same) };
}

export async function seed(ctx: BenchContext): Promise<SeedSummary> {
  const org = ctx.state.get(ORG_SEEDED) as OrgSeeded | undefined;
  if (!org) throw new Error('org seed did not run');
  const summary: SeedSummary = {};
  const bombs: Record<string, () => Promise<Buffer>> = {
    oneCell400MB: () => oneCellBomb(400 * MB),
    whitespace1500MB: () => whitespaceBomb(1500 * MB),
    rows3M: () => manyRowsBomb(3_000_000),
    farCell: async () => farCell(),
  };
  let worst = 0;
  for (const [name, make] of Object.entries(bombs)) {
    const data = await make();
    const file: UploadFile = { field: 'file', name: `${name}.xlsx`, data, type: 'application/octet-stream' };
    const r = await uploadWatchingHealth(ctx, '/api/imports/systems', file, {});
    if (r.status !== 400) throw new Error(`hostile upload ${name}: expected 400, got ${r.status} ${r.message}`);
    summary[`${name}_KB`] = Math.round(data.length / 1024);
    summary[`${name}_ms`] = r.ms;
    summary[`${name}_healthMaxMs`] = r.healthMaxMs;
    worst = Math.max(worst, r.healthMaxMs);
  }
  for (const [name, text] of Object.entries(hrFiles(org))) {
    const file: UploadFile = { field: 'file', name: `${name}.csv`, data: text, type: 'text/csv' };
    const r = await uploadWatchingHealth(ctx, '/api/people/import', file, { mode: 'partial' });
    if (r.status !== 200) throw new Error(`HR dry-run ${name}: expected 200, got ${r.status} ${r.message}`);
    summary[`hr_${name}_dryRun_ms`] = r.ms;
    summary[`hr_${name}_healthMaxMs`] = r.healthMaxMs;
    worst = Math.max(worst, r.healthMaxMs);
  }
  summary.healthMaxMs = worst;
  summary.healthTarget = `≤ ${HEALTH_TARGET_MS} ms ${worst <= HEALTH_TARGET_MS ? 'met' : 'MISSED'}`;
  return summary;
}

/** A second register of BENCH_SYSTEMS new systems (names of their own), imported in full: dry-run, apply, findings. */
async function importAlongside(ctx: BenchContext): Promise<SeedSummary> {
  const admin = adminOf(ctx);
  const org = ctx.state.get(ORG_SEEDED) as OrgSeeded;
  const rows = planSystems(org.units, org.people, Math.min(systemCount(), 20_000)).map((r) => ({ ...r, name: `${r.name} (nytt)` }));
  const file: UploadFile = { field: 'file', name: 'systemforteckning-ny.csv', data: toCsv(rows), type: 'text/csv' };
  let t = performance.now();
  const preview = await admin.expectUpload<{ id: string; counts: { create: number } }>(200, '/api/imports/systems', file, { createMissing: 'false' }, { timeoutMs: 600_000 });
  if (preview.counts.create !== rows.length) throw new Error(`import alongside: expected ${rows.length} new systems, ${JSON.stringify(preview.counts)}`);
  const dryRunS = (performance.now() - t) / 1000;
  t = performance.now();
  await admin.expect(200, 'POST', `/api/imports/${preview.id}/apply`, undefined, { timeoutMs: 600_000 });
  const applyS = (performance.now() - t) / 1000;
  t = performance.now();
  await admin.expect(200, 'GET', '/api/findings?limit=1', undefined, { timeoutMs: 600_000 });
  const findingsS = (performance.now() - t) / 1000;
  const r2 = (x: number) => Math.round(x * 100) / 100;
  return { rows: rows.length, dryRunS: r2(dryRunS), applyS: r2(applyS), findingsRefreshS: r2(findingsS) };
}

/** A ceiling for the run's hang guard: making and sending the hostile files, and the import during the load. */
export const hardeningBudgetS = (systems: number): number => 180 + systemsSeedBudgetS(systems);

const PAGE = '/api/systems?limit=50&holders=systemagare';
const listAt10 = { target: 'ansvar', headers: adminCookie, baseline: BARE_SCENARIO, connections: 10, path: PAGE } as const;
export const IDLE_LIST = 'GET /api/systems (first page) @10, idle';
const SCENARIOS: Scenario[] = [
  { ...listAt10, name: IDLE_LIST },
  { ...listAt10, name: 'GET /api/systems (first page) @10, during a register import', during: importAlongside },
];

export const hardeningGroup: ScenarioGroup = { name: 'hardening', seed, scenarios: SCENARIOS };
