import { sql } from 'kysely';
import type { UnitReach } from '../../platform/access/reach.ts';
import { importBatches } from '../../platform/import-batches.ts';
import type { Db, Tx } from '../../platform/db/index.ts';
import type { RoleAssignmentsTable } from '../../platform/db/tables/org.ts';
import type { PeopleTable } from '../../platform/db/tables/people.ts';
import type { SystemImportsTable } from '../../platform/db/tables/system-imports.ts';
import type { SystemsTable } from '../../platform/db/tables/systems.ts';
import type { OrgUnitsTable } from '../../platform/db/schema.ts';
import { currentOn } from '../roles/index.ts';
import type { PersonRef, SupplierRef, UnitRef } from './plan-types.ts';
import { inChunks } from '../../platform/pace.ts';

/**
 * All SQL of the system register import: the bulk reads a plan needs (one query per table, not one per
 * row), the import batches, and the bulk writes of apply, in chunks that stay under parameter limits.
 */

type Q = Db | Tx;
const CHUNK = 200;

export const loadUnits = (db: Q): Promise<UnitRef[]> =>
  db.selectFrom('org_units').select(['id', 'name', 'code', 'external_id', 'parent_id', 'kind']).where('status', '=', 'active').orderBy('name_sort').execute();

export const loadPeople = (db: Q): Promise<PersonRef[]> =>
  db.selectFrom('people').select(['id', 'name', 'name_search', 'email', 'status']).orderBy('name_sort').execute();

export const loadSuppliers = (db: Q): Promise<SupplierRef[]> =>
  db.selectFrom('suppliers').select(['id', 'name', 'name_sort']).orderBy('created_at').orderBy('id').execute();

export const loadSystems = (db: Q): Promise<SystemsTable[]> => db.selectFrom('systems').selectAll().orderBy('register_no').execute();

export const loadUsingUnits = (db: Q) => db.selectFrom('system_units').select(['system_id', 'unit_id']).execute();

/** Current holders of these roles on systems (all systems, or the ones given). */
export async function currentSystemHolders(db: Q, roleKeys: readonly string[], today: string, systemIds?: readonly string[]) {
  const query = () =>
    db
      .selectFrom('role_assignments')
      .select(['id', 'role_key', 'subject_id', 'principal_id', 'valid_from'])
      .where('subject_kind', '=', 'system')
      .where('principal_kind', '=', 'person')
      .where('role_key', 'in', [...roleKeys])
      .where(currentOn(today));
  if (!systemIds) return query().execute();
  const out: Awaited<ReturnType<ReturnType<typeof query>['execute']>> = [];
  await inChunks(systemIds, CHUNK * 2, async (ids) => out.push(...(await query().where('subject_id', 'in', ids).execute())));
  return out;
}

/** Agreements linked to systems (all systems, or the ones given). */
export async function linkedAgreements(db: Q, systemIds?: readonly string[]) {
  const query = () =>
    db
      .selectFrom('agreement_systems as l')
      .innerJoin('agreements as a', 'a.id', 'l.agreement_id')
      .select(['l.system_id', 'a.id', 'a.supplier_id', 'a.end_date', 'a.version']);
  if (!systemIds) return query().execute();
  const out: Awaited<ReturnType<ReturnType<typeof query>['execute']>> = [];
  await inChunks(systemIds, CHUNK * 2, async (ids) => out.push(...(await query().where('l.system_id', 'in', ids).execute())));
  return out;
}

/** The versions of these systems, for the checks apply makes. */
export async function systemVersions(db: Q, ids: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  await inChunks(ids, CHUNK * 2, async (chunk) => {
    for (const r of await db.selectFrom('systems').select(['id', 'version']).where('id', 'in', chunk).execute()) out.set(r.id, Number(r.version));
  });
  return out;
}

/** The units a unit-scoped reach covers (closure table, one query); null means every unit. */
export async function reachableUnits(db: Q, reach: UnitReach): Promise<Set<string> | null> {
  if (reach.all) return null;
  if (!reach.units.length && !reach.subtrees.length) return new Set();
  const rows = await db
    .selectFrom('org_unit_closure')
    .select('descendant_id')
    .where((eb) =>
      eb.or([
        ...reach.subtrees.map((id) => eb('ancestor_id', '=', id)),
        ...reach.units.map((id) => eb.and([eb('ancestor_id', '=', id), eb('depth', '=', 0)])),
      ]),
    )
    .execute();
  return new Set(rows.map((r) => r.descendant_id));
}

// ——— Import batches ———

export async function insertImport(trx: Tx, row: SystemImportsTable): Promise<void> {
  await trx.insertInto('system_imports').values(row).execute();
}

export const batches = importBatches('system_imports');

// ——— Writes of apply ———

/** New units below a parent, with their closure rows (the unit itself and each of the parent's ancestors). */
export async function insertUnits(trx: Tx, rows: OrgUnitsTable[], parentAncestors: Array<{ ancestor_id: string; depth: number }>): Promise<void> {
  if (!rows.length) return;
  await inChunks(rows, CHUNK, (c) => trx.insertInto('org_units').values(c).execute());
  const closure = rows.flatMap((u) => [
    { ancestor_id: u.id, descendant_id: u.id, depth: 0 },
    ...parentAncestors.map((a) => ({ ancestor_id: a.ancestor_id, descendant_id: u.id, depth: a.depth + 1 })),
  ]);
  await inChunks(closure, CHUNK * 2, (c) => trx.insertInto('org_unit_closure').values(c).execute());
}

export async function insertPeople(trx: Tx, rows: PeopleTable[]): Promise<void> {
  await inChunks(rows, CHUNK, (c) => trx.insertInto('people').values(c).execute());
}

/** Ends open assignments on `validTo`; returns how many it ended (fewer than asked: someone ended one first). */
export async function endAssignments(trx: Tx, ids: readonly string[], validTo: string, at: string, by: string | null): Promise<number> {
  let n = 0;
  await inChunks(ids, CHUNK * 2, async (chunk) => {
    const res = await trx
      .updateTable('role_assignments')
      .set({ valid_to: validTo, ended_at: at, ended_by: by, version: sql<number>`version + 1` })
      .where('id', 'in', chunk)
      .where('ended_at', 'is', null)
      .executeTakeFirst();
    n += Number(res.numUpdatedRows);
  });
  return n;
}

export async function insertAssignments(trx: Tx, rows: RoleAssignmentsTable[]): Promise<void> {
  await inChunks(rows, CHUNK * 2, (c) => trx.insertInto('role_assignments').values(c).execute());
}
