import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Db, Dialect, Tx } from '../db/index.ts';
import { ROLE_ACTIONS, type Action, type Grant } from './permissions.ts';
import { inChunks } from '../pace.ts';

/**
 * Which org units a caller's grants reach for an action. Unit grants are turned into a filter on the
 * closure table (a unit is reached when one of its ancestors, or itself, is a granted subtree root),
 * never into a list of the subtree's unit ids. `units` and `subtrees` hold only the granted units.
 */
export type UnitReach = { all: true } | { all: false; units: string[]; subtrees: string[] };

export function reachOf(grants: readonly Grant[], action: Action): UnitReach {
  const relevant = grants.filter((g) => ROLE_ACTIONS[g.role].includes(action));
  if (relevant.some((g) => g.orgUnitId === null)) return { all: true };
  const units = new Set<string>();
  const subtrees = new Set<string>();
  for (const g of relevant) (g.includeSubunits ? subtrees : units).add(g.orgUnitId!);
  return { all: false, units: [...units], subtrees: [...subtrees] };
}

/** The reach as a SQL condition on a unit id column (e.g. 'u.id'), for both dialects. */
export function reachCondition(reach: UnitReach, idColumn: string): RawBuilder<SqlBool> {
  if (reach.all) return sql<SqlBool>`1 = 1`;
  const id = sql.ref(idColumn);
  const parts: RawBuilder<unknown>[] = [];
  if (reach.units.length) parts.push(sql`${id} in (${sql.join(reach.units)})`);
  if (reach.subtrees.length) {
    parts.push(
      sql`exists (select 1 from org_unit_closure reach_c where reach_c.descendant_id = ${id} and reach_c.ancestor_id in (${sql.join(reach.subtrees)}))`,
    );
  }
  if (!parts.length) return sql<SqlBool>`1 = 0`;
  return sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}

/**
 * `column` is one of the ids a subquery gives (reachedUnits, kommunUnitsOf, the systems a caller sees). On PostgreSQL
 * as `= any(array(…))`: the ids are read first and the column's index is probed with them, so a kommun's or a
 * förvaltning's rows are read and no others. Written as `in (…)` the planner may instead read the whole table and
 * hash it against the ids — every kommun's rows (docs/PERFORMANCE.md, "National scale"). SQLite reads `in (…)` that
 * way already.
 */
export function oneOf(dialect: Dialect, column: string, ids: RawBuilder<unknown>): RawBuilder<SqlBool> {
  return dialect === 'postgres' ? sql<SqlBool>`${sql.ref(column)} = any(array(${ids}))` : sql<SqlBool>`${sql.ref(column)} in (${ids})`;
}

/** The units a reach covers, as a subquery of unit ids (the reach must not be all; none: `select null`). */
export function reachedUnits(reach: { units: readonly string[]; subtrees: readonly string[] }): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [];
  if (reach.units.length) parts.push(sql`select reached_u.id from org_units reached_u where reached_u.id in (${sql.join(reach.units)})`);
  if (reach.subtrees.length) {
    parts.push(sql`select reached_c.descendant_id from org_unit_closure reached_c where reached_c.ancestor_id in (${sql.join(reach.subtrees)})`);
  }
  return parts.length ? sql.join(parts, sql` union all `) : sql`select null`;
}

/**
 * The units of every kommun the reach touches (a subquery of unit ids; the reach must not be all): the kommuner are
 * the roots above the granted units. "Used by the whole kommun" (a kommungemensamt system) means seen by whoever
 * reaches some unit of its kommun; an installation of several kommuner (an IT-samverkan) keeps each kommun's common
 * systems to its own readers.
 */
export function kommunUnitsOf(reach: { units: readonly string[]; subtrees: readonly string[] }): RawBuilder<unknown> {
  const granted = [...reach.units, ...reach.subtrees];
  if (!granted.length) return sql`select null`;
  return sql`select kom_u.descendant_id from org_unit_closure kom_u where kom_u.ancestor_id in (
    select kom_g.ancestor_id from org_unit_closure kom_g join org_units kom_r on kom_r.id = kom_g.ancestor_id and kom_r.parent_id is null
    where kom_g.descendant_id in (${sql.join(granted)}))`;
}

/**
 * The kommuner the reach covers whole: its grants with sub-units on a root of the tree. Their systems are read by
 * their kommun (systems.kommun_id, migration 0025), in the register's order from its index.
 */
export async function kommunerIn(db: Db | Tx, reach: UnitReach): Promise<string[]> {
  if (reach.all || !reach.subtrees.length) return [];
  const rows = await db.selectFrom('org_units').select('id').where('id', 'in', reach.subtrees).where('parent_id', 'is', null).execute();
  return rows.map((r) => r.id).sort();
}

/** The reach without the kommuner it covers whole (kommunerIn): what is read of them by kommun is left out. */
export const reachBeyond = (reach: { units: readonly string[]; subtrees: readonly string[] }, kommuner: readonly string[]) => ({
  units: reach.units,
  subtrees: reach.subtrees.filter((u) => !kommuner.includes(u)),
});

/** The kommun of a unit — the root of the tree above it, itself for a root — as a subquery for the statement that writes it. */
export const kommunOfUnit = (unitId: string): RawBuilder<string> =>
  sql<string>`(select kou_c.ancestor_id from org_unit_closure kou_c join org_units kou_r on kou_r.id = kou_c.ancestor_id and kou_r.parent_id is null
    where kou_c.descendant_id = ${unitId})`;

/**
 * The kommun of each of many units, for a bulk write: one read a chunk. A `kommunOfUnit` subquery for each row of
 * a 200-row insert cost PostgreSQL 70–80 ms of planning a statement, against 1 ms with the values written in
 * (PERFORMANCE.md, "Ninth round").
 */
export async function kommunsOfUnits(db: Db | Tx, unitIds: Iterable<string>): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  await inChunks([...new Set(unitIds)], 500, async (ids) => {
    const rows = await db
      .selectFrom('org_unit_closure as c')
      .innerJoin('org_units as r', 'r.id', 'c.ancestor_id')
      .where('r.parent_id', 'is', null)
      .where('c.descendant_id', 'in', ids)
      .select(['c.descendant_id', 'c.ancestor_id'])
      .execute();
    for (const r of rows) out.set(r.descendant_id, r.ancestor_id);
  });
  return out;
}

/** Whether the reach covers some unit of the kommun the unit belongs to (kommunUnitsOf, for one unit). */
export async function reachesKommunOf(db: Db | Tx, reach: UnitReach, unitId: string): Promise<boolean> {
  if (reach.all) return true;
  const row = await db
    .selectFrom('org_units as u')
    .select(sql<number>`1`.as('found'))
    .where('u.id', '=', unitId)
    .where(sql<SqlBool>`u.id in (${kommunUnitsOf(reach)})`)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Whether the reach covers the unit and every unit below it: a grant with sub-units on the unit or on a unit above it
 * (closure table, one indexed read), or everything.
 */
export async function coversSubtreeOf(db: Db | Tx, reach: UnitReach, unitId: string): Promise<boolean> {
  if (reach.all) return true;
  if (!reach.subtrees.length) return false;
  const row = await db
    .selectFrom('org_unit_closure')
    .select('ancestor_id')
    .where('descendant_id', '=', unitId)
    .where('ancestor_id', 'in', reach.subtrees)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** The units a reach covers, as a set (closure table, one query); null means every unit. For imports that check many rows. */
export async function unitsInReach(db: Db | Tx, reach: UnitReach): Promise<Set<string> | null> {
  if (reach.all) return null;
  if (!reach.units.length && !reach.subtrees.length) return new Set();
  const rows = await db
    .selectFrom('org_unit_closure')
    .select('descendant_id')
    .where((eb) =>
      eb.or([
        ...reach.subtrees.map((unitId) => eb('ancestor_id', '=', unitId)),
        ...reach.units.map((unitId) => eb.and([eb('ancestor_id', '=', unitId), eb('depth', '=', 0)])),
      ]),
    )
    .execute();
  return new Set(rows.map((r) => r.descendant_id));
}
