import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Db, Tx } from '../db/index.ts';
import { ROLE_ACTIONS, type Action, type Grant } from './permissions.ts';

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
 * "Used by the whole kommun" (a kommungemensamt system) as a SQL condition on the column of the unit that owns it:
 * the reach covers some unit of the same kommun — the owning unit and a granted unit share their root. An
 * installation of several kommuner (an IT-samverkan) shows a kommun's common systems to its own readers only.
 */
export function sameKommunCondition(reach: UnitReach, unitColumn: string): RawBuilder<SqlBool> {
  if (reach.all) return sql<SqlBool>`1 = 1`;
  const granted = [...reach.units, ...reach.subtrees];
  if (!granted.length) return sql<SqlBool>`1 = 0`;
  return sql<SqlBool>`exists (select 1 from org_unit_closure kom_o
    join org_units kom_r on kom_r.id = kom_o.ancestor_id and kom_r.parent_id is null
    join org_unit_closure kom_g on kom_g.ancestor_id = kom_r.id
    where kom_o.descendant_id = ${sql.ref(unitColumn)} and kom_g.descendant_id in (${sql.join(granted)}))`;
}

/** Whether the reach covers some unit of the kommun the unit belongs to (sameKommunCondition, for one unit). */
export async function reachesKommunOf(db: Db | Tx, reach: UnitReach, unitId: string): Promise<boolean> {
  if (reach.all) return true;
  const row = await db
    .selectFrom('org_units as u')
    .select(sql<number>`1`.as('found'))
    .where('u.id', '=', unitId)
    .where(sameKommunCondition(reach, 'u.id'))
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
