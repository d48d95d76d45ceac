import { containsPattern } from '../../platform/text.ts';
import { sql, type Selectable, type SqlBool } from 'kysely';
import { toCount, type Db, type Tx } from '../../platform/db/index.ts';
import type { OrgUnitsTable } from '../../platform/db/schema.ts';
import { reachCondition, type UnitReach } from '../../platform/access/reach.ts';
import { inChunks } from '../../platform/pace.ts';

/** All SQL of org units and their closure table (ancestor, descendant, depth; every unit is its own ancestor at depth 0). */

export type UnitRow = Selectable<OrgUnitsTable>;
type Q = Db | Tx;

const UNIT_COLUMNS = [
  'u.id',
  'u.parent_id',
  'u.name',
  'u.name_search',
  'u.name_sort',
  'u.code',
  'u.external_id',
  'u.function',
  'u.kind',
  'u.status',
  'u.created_at',
  'u.updated_at',
  'u.version',
] as const;

export const findUnit = (db: Q, id: string): Promise<UnitRow | undefined> =>
  db.selectFrom('org_units as u').select(UNIT_COLUMNS).where('u.id', '=', id).executeTakeFirst();

export interface UnitFilter {
  reach: UnitReach;
  parentId?: string | undefined;
  rootId?: string | undefined;
  /** Already lower-cased (sv-SE). */
  q?: string | undefined;
  kind?: string | undefined;
  status?: 'active' | 'inactive' | undefined;
  after?: { n: string; id: string } | undefined;
}

/** One page by (name_sort, id); every filter is an indexed column or an indexed closure lookup. */
export async function listUnits(db: Db, f: UnitFilter, limit: number): Promise<{ rows: UnitRow[]; hasMore: boolean }> {
  let query = db
    .selectFrom('org_units as u')
    .select(UNIT_COLUMNS)
    .where(reachCondition(f.reach, 'u.id'))
    .orderBy('u.name_sort')
    .orderBy('u.id')
    .limit(limit + 1);
  if (f.parentId) query = query.where('u.parent_id', '=', f.parentId);
  if (f.rootId) {
    const rootId = f.rootId;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('org_unit_closure as rc')
          .select('rc.depth')
          .whereRef('rc.descendant_id', '=', 'u.id')
          .where('rc.ancestor_id', '=', rootId),
      ),
    );
  }
  if (f.q) query = query.where(sql<SqlBool>`${sql.ref('u.name_search')} like ${containsPattern(f.q)} escape '\\'`);
  if (f.kind) query = query.where('u.kind', '=', f.kind);
  if (f.status) query = query.where('u.status', '=', f.status);
  if (f.after) {
    const { n, id } = f.after;
    query = query.where((eb) => eb.or([eb('u.name_sort', '>', n), eb.and([eb('u.name_sort', '=', n), eb('u.id', '>', id)])]));
  }
  const rows = await query.execute();
  return { rows: rows.slice(0, limit), hasMore: rows.length > limit };
}

/** Every unit the reach covers, for the tree view. */
export const listReachableUnits = (db: Db, reach: UnitReach): Promise<UnitRow[]> =>
  db
    .selectFrom('org_units as u')
    .select(UNIT_COLUMNS)
    .where(reachCondition(reach, 'u.id'))
    .orderBy('u.name_sort')
    .orderBy('u.id')
    .execute();

export interface AncestorRow {
  descendant_id: string;
  ancestor_id: string;
  depth: number;
  name: string;
  kind: string;
}

/** The ancestors (and the units themselves, at depth 0) of some units, root first: one query for a whole page. */
export async function ancestorsOf(db: Q, unitIds: readonly string[]): Promise<AncestorRow[]> {
  if (!unitIds.length) return [];
  const rows = await db
    .selectFrom('org_unit_closure as c')
    .innerJoin('org_units as a', 'a.id', 'c.ancestor_id')
    .select(['c.descendant_id', 'c.ancestor_id', 'c.depth', 'a.name', 'a.kind'])
    .where('c.descendant_id', 'in', unitIds)
    .orderBy('c.descendant_id')
    .orderBy('c.depth', 'desc')
    .execute();
  return rows.map((r) => ({ ...r, depth: Number(r.depth) }));
}

/** Is `descendantId` the unit `ancestorId` or below it? */
export async function isInSubtree(db: Q, ancestorId: string, descendantId: string): Promise<boolean> {
  const row = await db
    .selectFrom('org_unit_closure')
    .select('depth')
    .where('ancestor_id', '=', ancestorId)
    .where('descendant_id', '=', descendantId)
    .executeTakeFirst();
  return row !== undefined;
}

/** The top of the unit's tree (its kommun): the ancestor farthest away. */
export async function rootOf(db: Q, unitId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('org_unit_closure')
    .select('ancestor_id')
    .where('descendant_id', '=', unitId)
    .orderBy('depth', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.ancestor_id;
}

/**
 * An active unit with this function in the tree under rootId, apart from one unit (`exceptUnit`) or one
 * subtree (`exceptSubtreeOf`) — the unit being changed or moved.
 */
export async function findFunctionHolder(
  db: Q,
  rootId: string,
  fn: 'it_unit' | 'kansli',
  except: { unit?: string; subtreeOf?: string } = {},
): Promise<{ id: string; name: string } | undefined> {
  let query = db
    .selectFrom('org_unit_closure as c')
    .innerJoin('org_units as u', 'u.id', 'c.descendant_id')
    .select(['u.id', 'u.name'])
    .where('c.ancestor_id', '=', rootId)
    .where('u.function', '=', fn)
    .where('u.status', '=', 'active');
  if (except.unit) query = query.where('u.id', '!=', except.unit);
  const subtreeOf = except.subtreeOf;
  if (subtreeOf) {
    query = query.where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('org_unit_closure as x')
            .select('x.depth')
            .where('x.ancestor_id', '=', subtreeOf)
            .whereRef('x.descendant_id', '=', 'u.id'),
        ),
      ),
    );
  }
  return query.limit(1).executeTakeFirst();
}

/** The functions (it_unit, kansli) of the active units in a subtree. */
export async function functionsInSubtree(db: Q, unitId: string): Promise<Array<'it_unit' | 'kansli'>> {
  const rows = await db
    .selectFrom('org_unit_closure as c')
    .innerJoin('org_units as u', 'u.id', 'c.descendant_id')
    .select('u.function')
    .where('c.ancestor_id', '=', unitId)
    .where('u.function', 'is not', null)
    .where('u.status', '=', 'active')
    .execute();
  return [...new Set(rows.map((r) => r.function!))];
}

export const findByExternalId = (db: Q, externalId: string) =>
  db.selectFrom('org_units').select(['id', 'name']).where('external_id', '=', externalId).executeTakeFirst();

/** Inserts the unit and its closure rows: itself at depth 0 and one row per ancestor of the parent. */
export async function insertUnit(trx: Tx, row: UnitRow): Promise<void> {
  await trx.insertInto('org_units').values(row).execute();
  await trx.insertInto('org_unit_closure').values({ ancestor_id: row.id, descendant_id: row.id, depth: 0 }).execute();
  if (row.parent_id) {
    await trx
      .insertInto('org_unit_closure')
      .columns(['ancestor_id', 'descendant_id', 'depth'])
      .expression((eb) =>
        eb
          .selectFrom('org_unit_closure')
          .select(['ancestor_id', sql<string>`cast(${row.id} as text)`.as('descendant_id'), sql<number>`depth + 1`.as('depth')])
          .where('descendant_id', '=', row.parent_id),
      )
      .execute();
  }
}

/** Bulk writes (the register import) go in chunks that stay under the databases' parameter limits. */
const CHUNK = 200;

/**
 * New units below one parent in bulk (the register import), with their closure rows: each unit itself
 * at depth 0 and one row per ancestor of the parent (the parent at depth 1).
 */
export async function insertUnitsBelow(trx: Tx, parentId: string, rows: readonly UnitRow[]): Promise<void> {
  if (!rows.length) return;
  const parentAncestors = await ancestorsOf(trx, [parentId]);
  await inChunks(rows, CHUNK, (c) => trx.insertInto('org_units').values(c).execute());
  const closure = rows.flatMap((u) => [
    { ancestor_id: u.id, descendant_id: u.id, depth: 0 },
    ...parentAncestors.map((a) => ({ ancestor_id: a.ancestor_id, descendant_id: u.id, depth: a.depth + 1 })),
  ]);
  await inChunks(closure, CHUNK * 2, (c) => trx.insertInto('org_unit_closure').values(c).execute());
}

export type UnitChanges = Partial<
  Pick<UnitRow, 'name' | 'name_search' | 'name_sort' | 'code' | 'external_id' | 'function' | 'kind' | 'status' | 'parent_id'>
>;

/** Applies changes when the version still matches; false when someone else changed the unit first. */
export async function updateUnit(trx: Tx, id: string, version: number, changes: UnitChanges, at: string): Promise<boolean> {
  const res = await trx
    .updateTable('org_units')
    .set({ ...changes, version: version + 1, updated_at: at })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/**
 * Re-links a subtree under a new parent in the closure table: removes the rows that tie the subtree to
 * its old ancestors, then adds one row per (new ancestor, subtree member). The caller has ruled out cycles.
 */
export async function relinkSubtree(trx: Tx, unitId: string, newParentId: string | null): Promise<void> {
  await trx
    .deleteFrom('org_unit_closure')
    .where('descendant_id', 'in', (eb) => eb.selectFrom('org_unit_closure').select('descendant_id').where('ancestor_id', '=', unitId))
    .where('ancestor_id', 'in', (eb) =>
      eb.selectFrom('org_unit_closure').select('ancestor_id').where('descendant_id', '=', unitId).where('ancestor_id', '!=', unitId),
    )
    .execute();
  if (!newParentId) return;
  await trx
    .insertInto('org_unit_closure')
    .columns(['ancestor_id', 'descendant_id', 'depth'])
    .expression((eb) =>
      eb
        .selectFrom(['org_unit_closure as sup', 'org_unit_closure as sub'])
        .select(['sup.ancestor_id', 'sub.descendant_id', sql<number>`sup.depth + sub.depth + 1`.as('depth')])
        .where('sup.descendant_id', '=', newParentId)
        .where('sub.ancestor_id', '=', unitId),
    )
    .execute();
}

export async function countActiveChildren(db: Q, unitId: string): Promise<number> {
  const row = await db
    .selectFrom('org_units')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('parent_id', '=', unitId)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return toCount(row?.n as string | number | undefined);
}

export async function countActivePeople(db: Q, unitId: string): Promise<number> {
  const row = await db
    .selectFrom('people')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('home_unit_id', '=', unitId)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return toCount(row?.n as string | number | undefined);
}

/** Is there an active kommun (a unit of kind kommun at the top)? */
export async function kommunExists(db: Q): Promise<boolean> {
  const row = await db
    .selectFrom('org_units')
    .select('id')
    .where('kind', '=', 'kommun')
    .where('parent_id', 'is', null)
    .where('status', '=', 'active')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
