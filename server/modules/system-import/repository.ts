import { importBatches } from '../../platform/import-batches.ts';
import type { Db, Tx } from '../../platform/db/index.ts';
import type { SystemImportsTable } from '../../platform/db/tables/system-imports.ts';
import type { SystemsTable } from '../../platform/db/tables/systems.ts';
import { currentOn } from '../../platform/db/validity.ts';
import type { PersonRef, SupplierRef, UnitRef } from './plan-types.ts';
import { inChunks } from '../../platform/pace.ts';

/**
 * All SQL of the system register import: the bulk reads a plan needs (one query per table, not one per
 * row, in chunks that stay under parameter limits) and the import batches. Apply writes the other modules'
 * tables through their faces (write-plan.ts).
 */

type Q = Db | Tx;
const CHUNK = 200;

export const loadUnits = (db: Q): Promise<UnitRef[]> =>
  db.selectFrom('org_units').select(['id', 'name', 'code', 'external_id', 'parent_id', 'kind', 'function']).where('status', '=', 'active').orderBy('name_sort').execute();

export const loadPeople = (db: Q): Promise<PersonRef[]> =>
  db.selectFrom('people').select(['id', 'name', 'name_search', 'email', 'status']).orderBy('name_sort').execute();

export const loadSuppliers = (db: Q): Promise<SupplierRef[]> =>
  db.selectFrom('suppliers').select(['id', 'name', 'name_sort']).orderBy('created_at').orderBy('id').execute();

export const loadSystems = (db: Q): Promise<SystemsTable[]> => db.selectFrom('systems').selectAll().orderBy('register_no').execute();

export const loadUsingUnits = (db: Q) => db.selectFrom('system_units').select(['system_id', 'unit_id']).execute();

/** Current holders (people, units, suppliers) of these roles on systems (all systems, or the ones given). */
export async function currentSystemHolders(db: Q, roleKeys: readonly string[], today: string, systemIds?: readonly string[]) {
  const query = () =>
    db
      .selectFrom('role_assignments')
      .select(['id', 'role_key', 'subject_id', 'principal_kind', 'principal_id', 'valid_from'])
      .where('subject_kind', '=', 'system')
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


// ——— Import batches ———

export async function insertImport(trx: Tx, row: SystemImportsTable): Promise<void> {
  await trx.insertInto('system_imports').values(row).execute();
}

export const batches = importBatches('system_imports');
