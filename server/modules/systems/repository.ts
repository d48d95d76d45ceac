import { sql, type Expression, type RawBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely';
import { kommunOfUnit, kommunsOfUnits, oneOf } from '../../platform/access/reach.ts';
import type { Services } from '../../platform/context.ts';
import type { Db, Dialect, Tx } from '../../platform/db/index.ts';
import { idsOfPages, sumOfCounts } from '../../platform/db/parts.ts';
import { inChunks } from '../../platform/pace.ts';
import { containsPattern, fold } from '../../platform/text.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { SystemsTable } from '../../platform/db/tables/systems.ts';
import { currentOn } from '../../platform/db/validity.ts';
import { holderContactName, holderName, holderStatus } from '../../platform/db/holders.ts';
import type { Lifecycle } from './model.ts';
import type { SystemSort } from './schemas.ts';
import { visibleBranches, visibleCondition, type Visibility } from './visibility.ts';

/** All SQL of the system register's systems, using units, dependencies and role holders. No business rules. */

type Q = Db | Tx;

export interface SystemRow extends SystemsTable {
  owning_unit_name: string;
  confirmed_by_name: string | null;
}

const selectSystems = (db: Q) =>
  db
    .selectFrom('systems as s')
    .innerJoin('org_units as ou', 'ou.id', 's.owning_unit_id')
    .leftJoin('users as cu', 'cu.id', 's.confirmed_by')
    .selectAll('s')
    .select(['ou.name as owning_unit_name', 'cu.name as confirmed_by_name']);

export const findSystem = (db: Q, id: string): Promise<SystemRow | undefined> =>
  selectSystems(db).where('s.id', '=', id).executeTakeFirst();

export const findSystemByRegisterNo = (db: Q, registerNo: number) =>
  db.selectFrom('systems').select(['id', 'name']).where('register_no', '=', registerNo).executeTakeFirst();

/** The next free register number (callers hold the systems lock, so two creates cannot take the same). */
export async function nextRegisterNo(trx: Tx): Promise<number> {
  const row = await trx.selectFrom('systems').select((eb) => eb.fn.max('register_no').as('max')).executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}

/** A system as its use cases write it: its kommun is the repository's to set, from the owning unit. */
export type NewSystem = Omit<SystemsTable, 'kommun_id'>;

const withKommun = (row: NewSystem) => ({ ...row, kommun_id: kommunOfUnit(row.owning_unit_id) });

export async function insertSystem(trx: Tx, row: NewSystem): Promise<void> {
  await trx.insertInto('systems').values(withKommun(row)).execute();
}

/** Many new systems at once (the register import), in chunks that stay under parameter limits; their kommuner read first, in one go. */
export async function insertSystems(trx: Tx, rows: readonly NewSystem[]): Promise<void> {
  const kommuner = await kommunsOfUnits(trx, rows.map((r) => r.owning_unit_id));
  const withItsKommun = (r: NewSystem) => ({ ...r, kommun_id: kommuner.get(r.owning_unit_id) ?? kommunOfUnit(r.owning_unit_id) });
  await inChunks(rows, 200, (c) => trx.insertInto('systems').values(c.map(withItsKommun)).execute());
}

/** Writes the change only if the row still has the expected version; false when someone got there first. */
export async function updateSystemAtVersion(
  trx: Tx,
  id: string,
  version: number,
  set: Partial<Omit<NewSystem, 'id' | 'version' | 'created_at' | 'register_no'>> & { updated_at: string },
): Promise<boolean> {
  const kommun = set.owning_unit_id === undefined ? {} : { kommun_id: kommunOfUnit(set.owning_unit_id) };
  const res = await trx
    .updateTable('systems')
    .set({ ...set, ...kommun, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export const usingUnitsOf = (db: Q, systemId: string) =>
  db
    .selectFrom('system_units as su')
    .innerJoin('org_units as u', 'u.id', 'su.unit_id')
    .select(['u.id', 'u.name'])
    .where('su.system_id', '=', systemId)
    .orderBy('u.name_sort')
    .execute();

export async function replaceUsingUnits(trx: Tx, systemId: string, unitIds: readonly string[]): Promise<void> {
  await trx.deleteFrom('system_units').where('system_id', '=', systemId).execute();
  if (unitIds.length) await trx.insertInto('system_units').values(unitIds.map((unit_id) => ({ system_id: systemId, unit_id }))).execute();
}

/** Many (system, using unit) pairs at once (the register import). */
export async function insertUsingUnits(trx: Tx, rows: ReadonlyArray<{ system_id: string; unit_id: string }>): Promise<void> {
  await inChunks(rows, 400, (c) => trx.insertInto('system_units').values(c).execute());
}

/** Units by id with their status, to check references before writing. */
export const unitsByIds = (db: Q, ids: readonly string[]) =>
  ids.length
    ? db.selectFrom('org_units').select(['id', 'name', 'status', 'kind']).where('id', 'in', ids).execute()
    : Promise.resolve([]);

const dependencyColumns = ['o.id', 'o.register_no', 'o.name', 'o.lifecycle', 'o.name_sort', 'd.description'] as const;

/**
 * What the system depends on, and (the reverse) what depends on it, among the systems the caller may
 * see: a link to a system of another förvaltning does not reveal that system. Both sides in one statement.
 */
export async function dependenciesOf(db: Q, systemId: string, visibility: Visibility) {
  const side = (ownSide: 'd.system_id' | 'd.depends_on_id', otherSide: 'd.system_id' | 'd.depends_on_id', dependent: 0 | 1) =>
    db
      .selectFrom('system_dependencies as d')
      .innerJoin('systems as o', 'o.id', otherSide)
      .select([...dependencyColumns, sql.lit(dependent).as('dependent')])
      .where(ownSide, '=', systemId)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('systems as s')
            .select('s.id')
            .whereRef('s.id', '=', 'o.id')
            .where((vis) => visibleCondition(vis, visibility)),
        ),
      );
  const rows = await side('d.system_id', 'd.depends_on_id', 0)
    .unionAll(side('d.depends_on_id', 'd.system_id', 1))
    .orderBy('dependent')
    .orderBy('name_sort')
    .execute();
  return { dependencies: rows.filter((r) => Number(r.dependent) === 0), dependents: rows.filter((r) => Number(r.dependent) === 1) };
}

export const findDependency = (db: Q, systemId: string, dependsOnId: string) =>
  db.selectFrom('system_dependencies').selectAll().where('system_id', '=', systemId).where('depends_on_id', '=', dependsOnId).executeTakeFirst();

export async function insertDependency(trx: Tx, row: { system_id: string; depends_on_id: string; description: string | null }): Promise<void> {
  await trx.insertInto('system_dependencies').values(row).execute();
}

export async function deleteDependency(trx: Tx, systemId: string, dependsOnId: string): Promise<void> {
  await trx.deleteFrom('system_dependencies').where('system_id', '=', systemId).where('depends_on_id', '=', dependsOnId).execute();
}

/** Does `from` reach `to` by following dependencies? (A new edge to → from would then close a cycle.) */
export async function dependsTransitively(db: Q, from: string, to: string): Promise<boolean> {
  const { rows } = await sql<{ id: string }>`
    with recursive reach(id) as (
      select depends_on_id from system_dependencies where system_id = ${from}
      union
      select d.depends_on_id from system_dependencies d join reach r on d.system_id = r.id
    )
    select id from reach where id = ${to} limit 1`.execute(db);
  return rows.length > 0;
}

/**
 * Current holders of roles (all, or only `roleKeys`) on these systems (one query for a page), whatever
 * their kind (a person, an org unit, a supplier), named by primary-key lookups (platform/db/holders.ts),
 * in no order (sorting them in SQL cost as much as finding them; holdersBySystem sorts).
 */
export const currentHolders = (db: Q, systemIds: readonly string[], today: string, roleKeys?: readonly string[]) => {
  if (!systemIds.length || roleKeys?.length === 0) return Promise.resolve([]);
  let q = db
    .selectFrom('role_assignments as ra')
    .select([
      'ra.subject_id',
      'ra.role_key',
      'ra.principal_kind',
      'ra.principal_id',
      'ra.principal_contact_id',
      holderName('ra').as('holder_name'),
      holderStatus('ra').as('holder_status'),
      holderContactName('ra').as('holder_contact_name'),
    ])
    .where('ra.subject_kind', '=', 'system')
    .where('ra.subject_id', 'in', systemIds)
    .where(currentOn(today, 'ra'));
  if (roleKeys) q = q.where('ra.role_key', 'in', roleKeys);
  return q.execute();
};

/** Current holders of roles on the organisation (the kommun's root unit), for roles a system may inherit: role and holder status. */
export const currentOrganisationHolders = (db: Q, rootUnitId: string, today: string) =>
  db
    .selectFrom('role_assignments as ra')
    .select(['ra.role_key', holderStatus('ra').as('holder_status')])
    .where('ra.subject_kind', '=', 'unit')
    .where('ra.subject_id', '=', rootUnitId)
    .where(currentOn(today, 'ra'))
    .execute();

// ——— The list ———

export interface SystemFilter {
  visibility: Visibility;
  q?: string | undefined;
  unitId?: string | undefined;
  /** The caller's reach covers the unit's whole subtree: every system it owns or uses is visible (coversSubtreeOf). */
  unitInReach?: boolean | undefined;
  lifecycle?: Lifecycle | undefined;
  hosting?: string | undefined;
  criticality?: string | undefined;
  samhallsviktig?: boolean | undefined;
  kommungemensamt?: boolean | undefined;
  /** true: only systems with an open finding; false: only those without. */
  withFindings?: boolean | undefined;
  sort: SystemSort;
  dir: 'asc' | 'desc';
  after?: { v: string | number; id: string } | undefined;
}

/** The sort key column (as SQL) of each sort, and its value in a row. Nulls sort as '' (first when ascending). */
type SortColumns = Pick<SystemsTable, 'name_sort' | 'register_no' | 'updated_at' | 'confirmed_at'>;
const SORT_KEYS: Record<SystemSort, { expr: string; of: (r: SortColumns) => string | number }> = {
  name: { expr: 's.name_sort', of: (r) => r.name_sort },
  registerNo: { expr: 's.register_no', of: (r) => r.register_no },
  updatedAt: { expr: 's.updated_at', of: (r) => r.updated_at },
  confirmedAt: { expr: "coalesce(s.confirmed_at, '')", of: (r) => r.confirmed_at ?? '' },
};

export const sortValueOf = (sort: SystemSort, row: SortColumns): string | number => SORT_KEYS[sort].of(row);

/** The sort key as an expression of itself — the same order and collation — that no index gives (inOrder, byOwners). */
const unindexedKey = (sort: SystemSort): string => (sort === 'registerNo' ? `(${SORT_KEYS[sort].expr} + 0)` : `(${SORT_KEYS[sort].expr} || '')`);

/** What the list shows of a system (and what its cursors and confirmation date need). */
const SUMMARY_COLUMNS = [
  's.id', 's.register_no', 's.name', 's.name_sort', 's.aliases_json', 's.kind', 's.owning_unit_id', 's.kommungemensamt', 's.lifecycle',
  's.criticality', 's.samhallsviktig', 's.hosting', 's.personal_data', 's.user_count', 's.confirmed_at', 's.created_at', 's.updated_at',
  's.version',
] as const;
export type SystemSummaryRow = Pick<SystemRow, (typeof SUMMARY_COLUMNS)[number] extends `s.${infer C}` ? C : never> & { owning_unit_name: string };

/**
 * The text search: SQLite's trigram index (migration 0009) for three characters or more, else LIKE on the folded text
 * (which PostgreSQL answers from its trigram index where pg_trgm exists, migration 0020).
 */
function searchCondition(dialect: Dialect, text: string): RawBuilder<SqlBool> {
  const folded = fold(text);
  if (dialect === 'sqlite' && [...folded].length >= 3) {
    return sql<SqlBool>`s.rowid in (select rowid from systems_search where systems_search match ${`"${folded.replaceAll('"', '""')}"`})`;
  }
  return sql<SqlBool>`s.search_text like ${containsPattern(text)} escape '\\'`;
}

/**
 * The filtered, searched and ordered systems, one page past `after` (columns are chosen by the caller). With more
 * than one part (partsOf), each part's page is read in the list's order — a kommun's through its index, 51 entries
 * where it was every system of the kommun — and the page is taken from theirs.
 */
function filtered(db: Db, dialect: Dialect, f: SystemFilter, limit: number) {
  const parts = partsOf(dialect, f);
  if (parts.length === 1) return inOrder(matching(db, dialect, f, parts[0]!.where), f, limit).innerJoin('org_units as ou', 'ou.id', 's.owning_unit_id');
  const pages = idsOfPages(parts.map((p) => inOrder(matching(db, dialect, f, p.where), f, limit, p.byOwners).select('s.id')));
  return inOrder(db.selectFrom('systems as s').where(oneOf(dialect, 's.id', pages)), f, limit).innerJoin('org_units as ou', 'ou.id', 's.owning_unit_id');
}

/** One part of a list; `byOwners`: read through the owners' index and sorted, never in the list's order (inOrder). */
type Part = { where: Expression<SqlBool>; byOwners?: boolean };

/**
 * The parts of a list that do not overlap, each read through an index of its own: the parts of the caller's
 * visibility (visibleBranches), and with a unit filter (a förvaltning), in each of them the systems the unit's
 * subtree owns (by the owners' index, then sorted: a förvaltning's systems, however few among the installation's)
 * and those it uses and does not own (few, by id; perhaps another kommun's). One set of ids for both made the planner
 * read and sort all of them for every page. When the caller's reach covers the unit's subtree, everything it owns or
 * uses is visible and the two parts go without the visibility's: a kommun's administrator's förvaltning is read as
 * two parts, not four, none of them tested against the kommun.
 */
function partsOf(dialect: Dialect, f: Omit<SystemFilter, 'sort' | 'dir' | 'after'>): Part[] {
  const branches = visibleBranches(f.visibility);
  if (!f.unitId) return branches.map((where) => ({ where }));
  const below = sql`select f_c.descendant_id from org_unit_closure f_c where f_c.ancestor_id = ${f.unitId}`;
  const ownedBelow = oneOf(dialect, 's.owning_unit_id', below);
  const usedBelow = oneOf(dialect, 's.id', sql`select f_su.system_id from system_units f_su where f_su.unit_id in (${below})`);
  const used = sql<SqlBool>`${usedBelow} and not (${ownedBelow})`;
  if (f.unitInReach) return [{ where: ownedBelow, byOwners: true }, { where: used }];
  return branches.flatMap((b) => [{ where: sql<SqlBool>`(${b}) and ${ownedBelow}`, byOwners: true }, { where: sql<SqlBool>`(${b}) and ${used}` }]);
}

/**
 * The query in the list's order, one page (and one more row) past `after`. `byOwners`: the key is written so that
 * no index gives its order (unindexedKey), so the database reads the part through the owners' index and sorts it.
 * Otherwise PostgreSQL, not knowing how many units a subtree holds, may walk the whole installation's name index
 * testing the owner of each system (2,300 rows for 51 at five kommuner; at 600,000 systems every one for a small
 * förvaltning).
 */
function inOrder<Q extends SelectQueryBuilder<Database & { s: SystemsTable }, 's', object>>(q: Q, f: SystemFilter, limit: number, byOwners = false): Q {
  const key = sql.raw(byOwners ? unindexedKey(f.sort) : SORT_KEYS[f.sort].expr);
  let out = q.orderBy(key, f.dir).orderBy('s.id', f.dir).limit(limit + 1);
  if (f.after) {
    const { v, id } = f.after;
    const op = sql.raw(f.dir === 'desc' ? '<' : '>');
    out = out.where(sql<SqlBool>`(${key} ${op} ${v} or (${key} = ${v} and s.id ${op} ${id}))`);
  }
  return out as Q;
}

/**
 * The systems one part of the visibility, the filters and search let through, in no order. Without the owning unit's
 * join: every system has one (not null, a foreign key), and the count of the first page reads one table.
 */
function matching(db: Db, dialect: Dialect, f: Omit<SystemFilter, 'sort' | 'dir' | 'after'>, part: Expression<SqlBool>) {
  let q = db.selectFrom('systems as s').where(part);
  if (f.lifecycle) q = q.where('s.lifecycle', '=', f.lifecycle);
  if (f.hosting) q = f.hosting === 'unknown' ? q.where('s.hosting', 'is', null) : q.where('s.hosting', '=', f.hosting);
  if (f.criticality) q = f.criticality === 'unknown' ? q.where('s.criticality', 'is', null) : q.where('s.criticality', '=', f.criticality);
  if (f.samhallsviktig !== undefined) q = q.where('s.samhallsviktig', '=', f.samhallsviktig ? 1 : 0);
  if (f.kommungemensamt !== undefined) q = q.where('s.kommungemensamt', '=', f.kommungemensamt ? 1 : 0);
  if (f.withFindings !== undefined) {
    const open = sql<SqlBool>`exists (select 1 from findings wf where wf.system_id = s.id and wf.status = 'open')`;
    q = q.where(f.withFindings ? open : sql<SqlBool>`not ${open}`);
  }
  if (f.q) q = q.where(searchCondition(dialect, f.q));
  return q;
}

/** How many systems the filter lets through (the matrix's "25 of 87"): the list's conditions, counted. */
export async function countSystems(s: Pick<Services, 'db' | 'dialect'>, f: Omit<SystemFilter, 'sort' | 'dir' | 'after'>): Promise<number> {
  return sumOfCounts(s.db, partsOf(s.dialect, f).map((p) => matching(s.db, s.dialect, f, p.where).select((eb) => eb.fn.countAll().as('n'))));
}

/**
 * The förvaltning each of these units belongs to: the unit itself or the nearest förvaltning above it
 * (none for a unit outside any förvaltning, e.g. kommunstyrelsen). Read through the closure table.
 */
export async function forvaltningarOf(db: Q, unitIds: readonly string[]): Promise<Map<string, { id: string; name: string }>> {
  const out = new Map<string, { id: string; name: string }>();
  if (!unitIds.length) return out;
  const rows = await db
    .selectFrom('org_unit_closure as c')
    .innerJoin('org_units as u', 'u.id', 'c.ancestor_id')
    .select(['c.descendant_id as unitId', 'u.id', 'u.name', 'c.depth'])
    .where('c.descendant_id', 'in', [...new Set(unitIds)])
    .where('u.kind', '=', 'forvaltning')
    .execute();
  const depths = new Map<string, number>();
  for (const r of rows) {
    if ((depths.get(r.unitId) ?? Infinity) <= r.depth) continue;
    depths.set(r.unitId, r.depth);
    out.set(r.unitId, { id: r.id, name: r.name });
  }
  return out;
}

const pageOf = <R>(rows: R[], limit: number) => ({ rows: rows.slice(0, limit), hasMore: rows.length > limit });

/** One page of whole records (export, matrix), keyset on (sort key, id), and whether there is more. */
export async function listSystems(s: Pick<Services, 'db' | 'dialect'>, f: SystemFilter, limit: number): Promise<{ rows: SystemRow[]; hasMore: boolean }> {
  const rows = await filtered(s.db, s.dialect, f, limit)
    .leftJoin('users as cu', 'cu.id', 's.confirmed_by')
    .selectAll('s')
    .select(['ou.name as owning_unit_name', 'cu.name as confirmed_by_name'])
    .execute();
  return pageOf(rows, limit);
}

/** One page of the list's columns only: reading whole records costs about twice as much. */
export async function listSystemSummaries(
  s: Pick<Services, 'db' | 'dialect'>,
  f: SystemFilter,
  limit: number,
): Promise<{ rows: SystemSummaryRow[]; hasMore: boolean }> {
  const rows = await filtered(s.db, s.dialect, f, limit).select([...SUMMARY_COLUMNS, 'ou.name as owning_unit_name']).execute();
  return pageOf(rows, limit);
}
