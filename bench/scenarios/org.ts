/**
 * The organisation capability at scale: a large fictional kommun (about BENCH_UNITS units, BENCH_PEOPLE
 * people from an HR import, a chef on every förvaltning, avdelning and enhet, and the kommun's
 * organisation roles), seeded through the real HTTP API as the administrator, then the people list
 * (first page, search, subtree), the unit list and tree, and the policy's responsibility computation.
 */
import type { ApiClient } from '../lib/client.ts';
import type { BenchContext, ScenarioGroup } from '../lib/types.ts';
import { ADMIN_CLIENT, adminCookie } from './accounts.ts';
import { BARE_SCENARIO } from './bare.ts';
import {
  FIXED_UNITS,
  SEARCH_FRAGMENT,
  SUBTREE_FORVALTNING,
  planPeople,
  planUnits,
  toCsv,
  type PersonRow,
  type UnitPlan,
} from './org-data.ts';

/** State key: the id of the förvaltning the subtree scenario filters on. */
export const ORG_SUBTREE_UNIT = 'org.subtreeUnitId';
/** State key: the seeded organisation for later groups (OrgSeeded). */
export const ORG_SEEDED = 'org.seeded';

/** What the org seed leaves for later groups: the plan it seeded and the ids the API gave. */
export interface OrgSeeded {
  units: UnitPlan[];
  /** Unit code → id. */
  unitIds: Map<string, string>;
  /** The HR import's rows (employee id, name, e-mail, unit code, …). */
  people: PersonRow[];
  /** Employee id → person id. */
  personIds: Map<string, string>;
}

/** The import's own limit (server/modules/people/import/plan-types.ts MAX_IMPORT_ROWS): larger seeds go in batches. */
const IMPORT_MAX_ROWS = 20_000;
/** Requests in flight while creating units and role assignments. */
const CONCURRENCY = 4;
/** A dry-run or apply of 20,000 rows takes seconds; give it room. */
const IMPORT_TIMEOUT_MS = 300_000;

export interface OrgSize {
  units: number;
  people: number;
}

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be a whole number ≥ ${min}, got "${raw}"`);
  return n;
}

/** BENCH_UNITS (default 500, at least 31) and BENCH_PEOPLE (default 10,000, at least one per chef). */
export function orgSize(env: NodeJS.ProcessEnv = process.env): OrgSize {
  const units = wholeNumber(env, 'BENCH_UNITS', 500, FIXED_UNITS + 12);
  const chefs = planUnits(units).filter((u) => u.kind !== 'kommun' && u.kind !== 'kommunstyrelse' && u.kind !== 'namnd').length;
  const people = wholeNumber(env, 'BENCH_PEOPLE', 10_000, 1);
  if (people < chefs)
    throw new Error(`BENCH_PEOPLE must be at least ${chefs} for BENCH_UNITS=${units} (one chef per unit below a nämnd), got ${people}`);
  return { units, people };
}

/** A generous ceiling for the seed, for run.ts's hang guard (measured: ~7 s for the defaults on 2 cores). */
export const orgSeedBudgetS = (size: OrgSize): number => 30 + size.units * 0.05 + size.people * 0.003;

const seconds = (since: number) => Math.round((performance.now() - since) / 100) / 10;

/** Runs fn over items, `limit` at a time. */
async function pool<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) await fn(items[i]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Creates the tree level by level (a parent must exist first); returns unit code → id. */
async function createUnits(admin: ApiClient, units: UnitPlan[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const levels = Math.max(...units.map((u) => u.level));
  for (let level = 0; level <= levels; level++) {
    await pool(
      units.filter((u) => u.level === level),
      CONCURRENCY,
      async (u) => {
        const parentId = u.parentCode ? ids.get(u.parentCode) : null;
        if (parentId === undefined) throw new Error(`unit ${u.code}: parent ${u.parentCode} was not created`);
        const body = { name: u.name, kind: u.kind, parentId, code: u.code, externalId: u.code, function: u.function ?? null };
        const created = await admin.expect<{ id: string }>(201, 'POST', '/api/org-units', body);
        ids.set(u.code, created.id);
      },
    );
  }
  return ids;
}

interface Preview {
  id: string;
  counts: { create: number; update: number; unchanged: number; error: number; markLeft: number };
  rows: Array<{ row: number; action: string; errors?: Array<{ column: string; message: string }> }>;
}

/**
 * The HR import: one file in full mode, or (beyond the import's row limit) batches in partial mode,
 * managers always in the same or an earlier batch. Each batch: dry-run, check it is clean, apply.
 */
async function importPeople(admin: ApiClient, rows: PersonRow[]): Promise<{ batches: number; dryRunS: number; applyS: number }> {
  const batches: PersonRow[][] = [];
  for (let i = 0; i < rows.length; i += IMPORT_MAX_ROWS) batches.push(rows.slice(i, i + IMPORT_MAX_ROWS));
  const mode = batches.length === 1 ? 'full' : 'partial';
  let dryRunS = 0;
  let applyS = 0;
  for (const [i, batch] of batches.entries()) {
    let t = performance.now();
    const file = { field: 'file', name: `hr-export-${i + 1}.csv`, data: toCsv(batch), type: 'text/csv' };
    const preview = await admin.expectUpload<Preview>(200, '/api/people/import', file, { mode }, { timeoutMs: IMPORT_TIMEOUT_MS });
    dryRunS += seconds(t);
    const { counts } = preview;
    if (counts.error > 0 || counts.create !== batch.length || counts.markLeft > 0) {
      const firstErrors = preview.rows.filter((r) => r.action === 'error').slice(0, 5);
      throw new Error(`import batch ${i + 1}: unexpected dry-run ${JSON.stringify(counts)}; first errors: ${JSON.stringify(firstErrors)}`);
    }
    t = performance.now();
    await admin.expect(200, 'POST', `/api/people/import/${preview.id}/apply`, undefined, { timeoutMs: IMPORT_TIMEOUT_MS });
    applyS += seconds(t);
  }
  return { batches: batches.length, dryRunS: Math.round(dryRunS * 10) / 10, applyS: Math.round(applyS * 10) / 10 };
}

/** Every person, page by page (also a check that the import can be read back): employee id → id. */
async function personIds(admin: ApiClient): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const page = await admin.expect<{ items: Array<{ id: string; externalId: string | null }>; nextCursor: string | null }>(
      200,
      'GET',
      `/api/people?limit=500${query}`,
    );
    for (const p of page.items) if (p.externalId) ids.set(p.externalId, p.id);
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

/** chef on every förvaltning, avdelning and enhet; it_chef, driftansvarig and digitaliseringsstrateg on the kommun. */
async function assignRoles(
  admin: ApiClient,
  unitIds: Map<string, string>,
  people: Map<string, string>,
  chefOf: Map<string, string>,
): Promise<number> {
  const idOf = (m: Map<string, string>, key: string, what: string) => {
    const id = m.get(key);
    if (!id) throw new Error(`role assignments: no ${what} ${key}`);
    return id;
  };
  const chefIn = (unitCode: string) => idOf(chefOf, unitCode, 'chef for unit');
  const assignments = [...chefOf].map(([unitCode, externalId]) => ({ roleKey: 'chef', unitCode, externalId }));
  assignments.push(
    { roleKey: 'it_chef', unitCode: 'KOM', externalId: chefIn('KLF-A01') }, // IT-avdelningens chef
    { roleKey: 'driftansvarig', unitCode: 'KOM', externalId: chefIn('KLF-A01-E1') },
    { roleKey: 'digitaliseringsstrateg', unitCode: 'KOM', externalId: chefIn('KLF-A02-E1') },
  );
  await pool(assignments, CONCURRENCY, async (a) => {
    const body = {
      roleKey: a.roleKey,
      subjectKind: 'unit',
      subjectId: idOf(unitIds, a.unitCode, 'unit'),
      personId: idOf(people, a.externalId, 'person'),
    };
    await admin.expect(201, 'POST', '/api/role-assignments', body);
  });
  return assignments.length;
}

/** A list scenario's first page holds what the seed planned (a full page of 50 with the defaults), or it measures less work than it claims. */
async function checkFirstPage(admin: ApiClient, path: string, planned: number): Promise<void> {
  const page = await admin.expect<{ items: unknown[] }>(200, 'GET', path);
  const expected = Math.min(50, planned);
  if (page.items.length !== expected)
    throw new Error(`GET ${path}: expected ${expected} people on the first page, got ${page.items.length}`);
}

export async function seed(ctx: BenchContext): Promise<Record<string, number>> {
  const started = performance.now();
  const admin = ctx.state.get(ADMIN_CLIENT) as ApiClient | undefined;
  if (!admin) throw new Error('accounts seed did not run: no administrator client');
  const size = orgSize();

  let t = performance.now();
  const plan = planUnits(size.units);
  const unitIds = await createUnits(admin, plan);
  const unitsS = seconds(t);

  const { rows, chefOf } = planPeople(plan, size.people);
  const imported = await importPeople(admin, rows);
  const people = await personIds(admin);
  if (people.size !== rows.length) throw new Error(`after the import: ${people.size} people with an employee id, expected ${rows.length}`);

  t = performance.now();
  const roleAssignments = await assignRoles(admin, unitIds, people, chefOf);
  const rolesS = seconds(t);

  const subtreeId = unitIds.get(SUBTREE_FORVALTNING)!;
  ctx.state.set(ORG_SUBTREE_UNIT, subtreeId);
  ctx.state.set(ORG_SEEDED, { units: plan, unitIds, people: rows, personIds: people } satisfies OrgSeeded);
  const matching = rows.filter((r) => r.name.toLocaleLowerCase('sv-SE').includes(SEARCH_FRAGMENT) || r.email.includes(SEARCH_FRAGMENT));
  const inSubtree = rows.filter((r) => r.unitCode === SUBTREE_FORVALTNING || r.unitCode.startsWith(`${SUBTREE_FORVALTNING}-`));
  await checkFirstPage(admin, `/api/people?q=${encodeURIComponent(SEARCH_FRAGMENT)}&limit=50`, matching.length);
  await checkFirstPage(admin, `/api/people?unitId=${subtreeId}&includeSubunits=true&limit=50`, inSubtree.length);
  const resp = await admin.expect<{ organisations: unknown[]; findings: unknown[] }>(200, 'GET', '/api/policy/responsibilities');
  if (resp.organisations.length !== 1) throw new Error(`responsibilities: expected 1 kommun, got ${resp.organisations.length}`);

  return {
    units: unitIds.size,
    unitsSeconds: unitsS,
    people: people.size,
    importBatches: imported.batches,
    importDryRunSeconds: imported.dryRunS,
    importApplySeconds: imported.applyS,
    roleAssignments,
    roleAssignmentsSeconds: rolesS,
    findings: resp.findings.length,
    seconds: seconds(started),
  };
}

const subtreeUnit = (ctx: BenchContext): string => {
  const id = ctx.state.get(ORG_SUBTREE_UNIT);
  if (typeof id !== 'string') throw new Error('org seed did not run: no förvaltning id');
  return id;
};

const common = { target: 'ansvar', headers: adminCookie, baseline: BARE_SCENARIO } as const;

export const orgGroup: ScenarioGroup = {
  name: 'org',
  seed,
  scenarios: [
    { ...common, name: 'GET /api/people (first page)', path: '/api/people?limit=50' },
    { ...common, name: `GET /api/people?q=${SEARCH_FRAGMENT}`, path: `/api/people?q=${encodeURIComponent(SEARCH_FRAGMENT)}&limit=50` },
    {
      ...common,
      name: 'GET /api/people?unitId (förvaltning subtree)',
      path: (ctx) => `/api/people?unitId=${encodeURIComponent(subtreeUnit(ctx))}&includeSubunits=true&limit=50`,
    },
    { ...common, name: 'GET /api/org-units (first page)', path: '/api/org-units?limit=50' },
    { ...common, name: 'GET /api/org-units/tree', path: '/api/org-units/tree' },
    { ...common, name: 'GET /api/policy/responsibilities', path: '/api/policy/responsibilities' },
  ],
};
