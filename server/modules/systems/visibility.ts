import { sql, type ExpressionBuilder, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import { kommunUnitsOf, oneOf, reachBeyond, reachedUnits, type UnitReach } from '../../platform/access/reach.ts';
import type { Db, Dialect, Tx } from '../../platform/db/index.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { SystemsTable } from '../../platform/db/tables/systems.ts';
import { currentOn } from '../../platform/db/validity.ts';

/** The visibility rule of the system register in SQL: which systems a caller sees (systems/access.ts decides for one). */

type Q = Db | Tx;

/** Whom the caller sees: grants' reach over owning and using units, kommungemensamma systems, and roles they hold. */
export interface Visibility {
  reach: UnitReach;
  /** The kommuner the reach covers whole (reach.ts, kommunerIn): their systems are read by kommun. */
  kommuner: readonly string[];
  personId: string | null;
  today: string;
  /** How a set of units is written for the database (reach.ts, oneOf). */
  dialect: Dialect;
}

type SEb = ExpressionBuilder<Database & { s: SystemsTable }, 's'>;

/**
 * The visibility rule as one SQL condition on `systems as s` (no lists of ids), so the database can start from what
 * the caller sees — a kommun's systems through its index, a förvaltning's through the owning units' — rather than
 * test every system of the installation against the rule (docs/PERFORMANCE.md, "National scale").
 */
export function visibleCondition(_eb: SEb, v: Visibility): Expression<SqlBool> {
  const branches = visibleBranches(v);
  return branches.length === 1 ? branches[0]! : sql<SqlBool>`(${sql.join(branches, sql` or `)})`;
}

/**
 * The visibility rule as conditions that do not overlap, each read through an index of its own: the systems of the
 * kommuner the reach covers whole (by kommun_id), and the others the caller sees (by id). A list reads a page of
 * each and a count adds theirs up.
 */
export function visibleBranches(v: Visibility): RawBuilder<SqlBool>[] {
  if (v.reach.all) return [sql<SqlBool>`1 = 1`];
  const others = seenBeyondKommuner(v);
  const seen = others ? oneOf(v.dialect, 's.id', others) : sql<SqlBool>`1 = 0`;
  if (!v.kommuner.length) return [seen];
  const inKommun = sql<SqlBool>`s.kommun_id in (${sql.join(v.kommuner)})`;
  return others ? [inKommun, sql<SqlBool>`(not ${inKommun} and ${seen})`] : [inKommun];
}

/**
 * The ids of the systems a caller whose reach is not everything sees beside those of the kommuner it covers whole,
 * as a subquery (a system may come more than once; null: none): those owned by another unit in reach, those a unit in
 * reach uses, the kommungemensamma of another kommun the reach touches, and those on which the caller's person holds a
 * role today.
 */
export function seenBeyondKommuner(v: Visibility): RawBuilder<unknown> | null {
  const reach = v.reach;
  if (reach.all) return null;
  const parts: RawBuilder<unknown>[] = [];
  const rest = reachBeyond(reach, v.kommuner);
  if (rest.units.length || rest.subtrees.length) {
    const units = reachedUnits(rest);
    parts.push(sql`select vis_s.id from systems vis_s where ${oneOf(v.dialect, 'vis_s.owning_unit_id', units)}`);
    parts.push(sql`select vis_k.id from systems vis_k where vis_k.kommungemensamt = 1 and ${oneOf(v.dialect, 'vis_k.owning_unit_id', kommunUnitsOf(rest))}`);
  }
  // Every unit in reach, those of a kommun covered whole too: they may use another kommun's system. A semi-join, not
  // oneOf: the table is small beside the units of a kommun, and PostgreSQL, not knowing an array's length, tested
  // each of its rows against the kommun's 500 units one by one (4 ms where the join takes 1).
  if (reach.units.length || reach.subtrees.length) {
    parts.push(sql`select vis_su.system_id from system_units vis_su where vis_su.unit_id in (${reachedUnits(reach)})`);
  }
  if (v.personId) {
    parts.push(sql`select vis_ra.subject_id from role_assignments vis_ra where vis_ra.principal_kind = 'person'
      and vis_ra.principal_id = ${v.personId} and vis_ra.subject_kind = 'system' and ${currentOn(v.today, 'vis_ra')}`);
  }
  return parts.length ? sql.join(parts, sql` union all `) : null;
}

/** Of these systems, the ones the visibility covers, with what names them (register number, name). */
export const visibleSystemRefs = (db: Q, ids: readonly string[], v: Visibility) =>
  ids.length
    ? db
        .selectFrom('systems as s')
        .select(['s.id', 's.register_no', 's.name'])
        .where('s.id', 'in', ids)
        .where((eb) => visibleCondition(eb, v))
        .execute()
    : Promise.resolve([]);

