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
