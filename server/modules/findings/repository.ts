import { sql, type RawBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely';
import { kommunOfUnit, kommunsOfUnits, oneOf, reachBeyond, reachedUnits, type UnitReach } from '../../platform/access/reach.ts';
import type { Db, Tx } from '../../platform/db/index.ts';
import { idsOfPages, sumOfCounts } from '../../platform/db/parts.ts';
import type { FindingsTable } from '../../platform/db/tables/findings.ts';
import { FINDING_HANDLINGS, HANDLED, type FindingHandling } from '../../../shared/policy.ts';
import { systemsSeenBeyondKommuner, type SystemVisibility } from '../systems/index.ts';
import type { Database } from '../../platform/db/schema.ts';
import { inChunks, pacer } from '../../platform/pace.ts';

/**
 * All SQL of findings. Reading the register for a refresh joins the systems, dependency and agreement
 * tables directly: findings are a read model over them (docs/FINDINGS.md).
 */

type Q = Db | Tx;
export type Scope = 'all' | readonly string[];

const inScope = <T>(ids: Scope, apply: (ids: readonly string[]) => T, all: T): T => (ids === 'all' ? all : apply(ids));

export async function loadSystemRows(db: Q, ids: Scope) {
  let q = db
    .selectFrom('systems')
    .select([
      'id', 'name', 'owning_unit_id', 'hosting', 'kommungemensamt', 'samhallsviktig', 'lifecycle', 'personal_data',
      'third_country_transfer', 'data_location', 'third_country_basis', 'confirmed_at', 'created_at',
    ]);
  if (ids !== 'all') q = q.where('id', 'in', ids.length ? ids : ['']);
  return q.execute();
}

export async function loadDependencies(db: Q, ids: Scope) {
  let q = db
    .selectFrom('system_dependencies as d')
    .innerJoin('systems as o', 'o.id', 'd.depends_on_id')
    .select(['d.system_id', 'o.id', 'o.name', 'o.lifecycle']);
  if (ids !== 'all') q = q.where('d.system_id', 'in', ids.length ? ids : ['']);
  return q.execute();
}

export async function loadAgreements(db: Q, ids: Scope) {
  let q = db
    .selectFrom('agreement_systems as x')
    .innerJoin('agreements as a', 'a.id', 'x.agreement_id')
    .select(['x.system_id', 'a.id', 'a.title', 'a.kind', 'a.start_date', 'a.end_date', 'a.notice_months', 'a.auto_renewal', 'a.clause_dpa']);
  if (ids !== 'all') q = q.where('x.system_id', 'in', ids.length ? ids : ['']);
  return q.execute();
}

/** The approved and submitted classifications of the systems in scope (what the classification checks need). */
export async function loadClassifications(db: Q, ids: Scope) {
  let q = db
    .selectFrom('classifications')
    .select([
      'system_id', 'status', 'submitted_at', 'next_review_at', 'basis_hosting', 'basis_owning_unit_id', 'basis_personal_data',
      'level_confidentiality', 'level_integrity', 'level_availability', 'level_traceability',
    ])
    .where('status', 'in', ['approved', 'submitted']);
  if (ids !== 'all') q = q.where('system_id', 'in', ids.length ? ids : ['']);
  return q.execute();
}

/** The requirements marked not met on the systems in scope. */
export async function loadUnmetRequirements(db: Q, ids: Scope) {
  let q = db.selectFrom('system_requirements').select(['system_id', 'requirement_key']).where('status', '=', 'not_met');
  if (ids !== 'all') q = q.where('system_id', 'in', ids.length ? ids : ['']);
  return q.execute();
}

/** The systems that depend on these (a system going avvecklad opens findings on its dependents). */
export async function dependentsOf(db: Q, ids: readonly string[]): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await db.selectFrom('system_dependencies').select('system_id').where('depends_on_id', 'in', ids).execute();
  return rows.map((r) => r.system_id);
}

/** Open findings in scope: all, or those of the given systems. */
export function openFindings(db: Q, ids: Scope) {
  let q = db.selectFrom('findings').selectAll().where('status', '=', 'open');
  q = inScope(ids, (list) => q.where('system_id', 'in', list.length ? list : ['']), q);
  return q.execute();
}

/** The columns of a finding handled by people (docs/FOLLOW-UP.md); the refresher sets them only when a finding opens. */
export type HandlingColumns =
  | 'handling' | 'assignee_person_id' | 'owner_person_id' | 'due_on' | 'due_set' | 'reason' | 'risk_approver_person_id' | 'risk_expires_on' | 'acted_at' | 'version';
/** What the facts decide about a finding. */
export type DerivedFinding = Omit<FindingsTable, 'status' | 'resolved_at' | 'kommun_id' | HandlingColumns>;
export type NewFinding = Omit<FindingsTable, 'status' | 'resolved_at' | 'kommun_id'>;

/** A finding's kommun: its system's, else its unit's (migration 0026), read in the statement that writes it. */
const kommunOf = (systemId: string | null, unitId: string | null) =>
  systemId
    ? sql<string | null>`(select ks.kommun_id from systems ks where ks.id = ${systemId})`
    : unitId
      ? kommunOfUnit(unitId)
      : null;

/** The same for many new findings, read before they are written: one read, not a subquery a row (kommunsOfUnits). */
async function kommunsOf(trx: Tx, rows: readonly NewFinding[]): Promise<(r: NewFinding) => string | null> {
  const systemIds = [...new Set(rows.flatMap((r) => (r.system_id ? [r.system_id] : [])))];
  const bySystem = new Map<string, string>();
  await inChunks(systemIds, 500, async (ids) => {
    for (const s of await trx.selectFrom('systems').select(['id', 'kommun_id']).where('id', 'in', ids).execute()) bySystem.set(s.id, s.kommun_id);
  });
  const byUnit = await kommunsOfUnits(trx, rows.flatMap((r) => (!r.system_id && r.unit_id ? [r.unit_id] : [])));
  return (r) => (r.system_id ? bySystem.get(r.system_id) : r.unit_id ? byUnit.get(r.unit_id) : undefined) ?? null;
}

/** The assignee of each fingerprint's latest resolved row: a finding that comes back keeps who was assigned. */
export async function earlierAssignees(trx: Tx, fingerprints: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < fingerprints.length; i += 500) {
    const rows = await trx
      .selectFrom('findings as f')
      .innerJoin('people as p', 'p.id', 'f.assignee_person_id')
      .select(['f.fingerprint', 'f.assignee_person_id', 'f.opened_at'])
      .where('f.fingerprint', 'in', fingerprints.slice(i, i + 500))
      .where('f.status', '=', 'resolved')
      .where('p.status', '=', 'active')
      .orderBy('f.opened_at')
      .execute();
    for (const r of rows) out.set(r.fingerprint, r.assignee_person_id!);
  }
  return out;
}

const CHUNK = 200;

export async function insertFindings(trx: Tx, rows: readonly NewFinding[]): Promise<void> {
  const kommunOfRow = await kommunsOf(trx, rows);
  const pace = pacer();
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK).map((r) => ({ ...r, kommun_id: kommunOfRow(r), status: 'open' as const, resolved_at: null }));
    await trx.insertInto('findings').values(chunk).execute();
    await pace();
  }
}

export async function resolveFindings(trx: Tx, ids: readonly string[], at: string): Promise<void> {
  const pace = pacer();
  for (let i = 0; i < ids.length; i += CHUNK) {
    await trx.updateTable('findings').set({ status: 'resolved', resolved_at: at }).where('id', 'in', ids.slice(i, i + CHUNK)).execute();
    await pace();
  }
}

export type FindingChange = Pick<
  FindingsTable,
  | 'severity' | 'severity_rank' | 'subject_name' | 'unit_id' | 'rule_ids_json' | 'params_json' | 'text_sv' | 'text_en' | 'actor_person_id' | 'actor_name' | 'since'
  | 'owner_person_id'
>;

/** A finding's facts anew, and its kommun with them: the unit may have changed with its system's owner. */
export async function updateFinding(trx: Tx, id: string, systemId: string | null, set: FindingChange): Promise<void> {
  await trx.updateTable('findings').set({ ...set, kommun_id: kommunOf(systemId, set.unit_id) }).where('id', '=', id).execute();
}

// ——— The list ———

export interface FindingFilter {
  /** Findings on systems the caller may see (modules/systems decides), on units the reach covers. */
  reach: UnitReach;
  visibility: SystemVisibility;
  status: 'open' | 'resolved' | 'all';
  systemId?: string | undefined;
  unitId?: string | undefined;
  key?: string | undefined;
  severity?: 'high' | 'medium' | 'low' | undefined;
  handling?: 'todo' | 'handled' | FindingHandling | undefined;
  ownerId?: string | undefined;
  /** Only those to do whose due date is before this day. */
  overdueOn?: string | undefined;
  after?: { r: number; o: string; id: string } | undefined;
}

const TODO: readonly FindingHandling[] = FINDING_HANDLINGS.filter((h) => !HANDLED.includes(h));

/**
 * Which findings the caller sees, as conditions that do not overlap, each read through an index of its own (as the
 * register's, systems/visibility.ts): those of the kommuner the reach covers whole (by kommun_id, in the list's
 * order), and by id those of the other systems the caller sees and of the other units in reach. Null: all of them.
 */
function visibleBranches(f: Omit<FindingFilter, 'after'>): Array<RawBuilder<SqlBool> | null> {
  if (f.reach.all) return [null];
  // The list's reach is the visibility's (both for systems:read), so the kommuner covered whole are the same.
  const { dialect, kommuner } = f.visibility;
  const status = f.status === 'all' ? sql`` : sql` and vf.status = ${f.status}`;
  const parts: RawBuilder<unknown>[] = [];
  const systems = systemsSeenBeyondKommuner(f.visibility);
  if (systems) parts.push(sql`select vf.id from findings vf where ${oneOf(dialect, 'vf.system_id', systems)}${status}`);
  const units = reachBeyond(f.reach, kommuner);
  if (units.units.length || units.subtrees.length) {
    parts.push(sql`select vf.id from findings vf where vf.system_id is null and ${oneOf(dialect, 'vf.unit_id', reachedUnits(units))}${status}`);
  }
  const seen = parts.length ? oneOf(dialect, 'f.id', sql.join(parts, sql` union all `)) : sql<SqlBool>`1 = 0`;
  if (!kommuner.length) return [seen];
  const inKommun = sql<SqlBool>`f.kommun_id in (${sql.join(kommuner)})`;
  return parts.length ? [inKommun, sql<SqlBool>`(coalesce(f.kommun_id, '') not in (${sql.join(kommuner)}) and ${seen})`] : [inKommun];
}

/** The findings one part of the visibility and the filter let through (without its keyset position). */
function filtered(db: Db, f: Omit<FindingFilter, 'after'>, visible: RawBuilder<SqlBool> | null) {
  let q = db.selectFrom('findings as f');
  if (f.status !== 'all') q = q.where('f.status', '=', f.status);
  if (visible) q = q.where(visible);
  if (f.systemId) q = q.where('f.system_id', '=', f.systemId);
  if (f.unitId) {
    const unitId = f.unitId;
    q = q.where('f.unit_id', 'in', (eb) => eb.selectFrom('org_unit_closure').select('descendant_id').where('ancestor_id', '=', unitId));
  }
  if (f.key) q = q.where('f.key', '=', f.key);
  if (f.severity) q = q.where('f.severity', '=', f.severity);
  if (f.handling) {
    const list = f.handling === 'todo' ? TODO : f.handling === 'handled' ? HANDLED : [f.handling];
    q = q.where('f.handling', 'in', list);
  }
  if (f.ownerId) q = q.where('f.owner_person_id', '=', f.ownerId);
  if (f.overdueOn) q = q.where('f.status', '=', 'open').where('f.due_on', '<', f.overdueOn).where('f.handling', 'in', ['none', 'acknowledged']);
  return q;
}

/** Worst first, then newest, one page (and one more row) past `after`: keyset on (severity_rank, opened_at desc, id). */
function inOrder<Q extends SelectQueryBuilder<Database & { f: FindingsTable }, 'f', object>>(q: Q, after: FindingFilter['after'], limit: number): Q {
  let out = q.orderBy('f.severity_rank', 'asc').orderBy('f.opened_at', 'desc').orderBy('f.id', 'desc').limit(limit + 1);
  if (after) {
    const { r, o, id } = after;
    out = out.where(sql<SqlBool>`(f.severity_rank > ${r} or (f.severity_rank = ${r} and (f.opened_at < ${o} or (f.opened_at = ${o} and f.id < ${id}))))`);
  }
  return out as Q;
}

/**
 * One page of findings. With more than one part to the visibility, each part's page is read in the list's order — a
 * kommun's from its index, a page of entries where it was every finding of the kommun — and the page taken from theirs.
 */
export async function listFindings(db: Db, f: FindingFilter, limit: number) {
  const branches = visibleBranches(f);
  const pages = idsOfPages(branches.map((b) => inOrder(filtered(db, f, b), f.after, limit).select('f.id')));
  const base = branches.length === 1 ? filtered(db, f, branches[0]!) : db.selectFrom('findings as f').where(oneOf(f.visibility.dialect, 'f.id', pages));
  const rows = await inOrder(base, f.after, limit)
    .leftJoin('people as pa', 'pa.id', 'f.assignee_person_id')
    .leftJoin('people as po', 'po.id', 'f.owner_person_id')
    .leftJoin('people as pr', 'pr.id', 'f.risk_approver_person_id')
    .selectAll('f')
    .select(['pa.name as assignee_name', 'po.name as owner_name', 'pr.name as approver_name'])
    .execute();
  return { rows: rows.slice(0, limit), hasMore: rows.length > limit };
}

/** How many findings the filter lets through: the list's total, the parts of the visibility added up. */
export async function countFindings(db: Db, f: Omit<FindingFilter, 'after'>): Promise<number> {
  return sumOfCounts(db, visibleBranches(f).map((b) => filtered(db, f, b).select((eb) => eb.fn.countAll().as('n'))));
}

/** Open findings per system, for the register's list. */
export async function openCounts(db: Q, systemIds: readonly string[]): Promise<Map<string, number>> {
  if (!systemIds.length) return new Map();
  const rows = await db
    .selectFrom('findings')
    .select(['system_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', '=', 'open')
    .where('system_id', 'in', systemIds)
    .groupBy('system_id')
    .execute();
  return new Map(rows.map((r) => [r.system_id!, Number(r.n)]));
}
