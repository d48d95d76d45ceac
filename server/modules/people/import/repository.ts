import type { Db, Tx } from '../../../platform/db/index.ts';
import type { PeopleImportsTable } from '../../../platform/db/tables/people.ts';
import { importBatches } from '../../../platform/import-batches.ts';
import type { ExistingPerson, UnitRef } from './plan-types.ts';

/** SQL of the HR import: the bulk reads a plan needs, the import batches, and the version checks of apply (it inserts people through ../repository.ts). */

/** Every person, in one query: the planner matches rows in memory (20,000 rows, not 20,000 queries). */
export const loadPeople = (db: Db): Promise<ExistingPerson[]> =>
  db
    .selectFrom('people')
    .select(['id', 'name', 'name_search', 'email', 'external_id', 'title', 'home_unit_id', 'manager_id', 'status', 'version'])
    .execute();

export const loadActiveUnits = (db: Db): Promise<UnitRef[]> =>
  db.selectFrom('org_units').select(['id', 'name', 'code', 'external_id']).where('status', '=', 'active').execute();

/** The names of every supplier: a row naming one is not a person (read only; the agreements module owns the table). */
export const loadSupplierNames = async (db: Db): Promise<string[]> => (await db.selectFrom('suppliers').select('name').execute()).map((r) => r.name);

export async function insertImport(trx: Tx, row: PeopleImportsTable): Promise<void> {
  await trx.insertInto('people_imports').values(row).execute();
}

export const batches = importBatches('people_imports');

const CHUNK = 200;

/** The current version of each of these people (in chunks, to stay under parameter limits). */
export async function versionsOf(trx: Tx, ids: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (let i = 0; i < ids.length; i += CHUNK * 2) {
    const rows = await trx
      .selectFrom('people')
      .select(['id', 'version'])
      .where('id', 'in', ids.slice(i, i + CHUNK * 2))
      .execute();
    for (const r of rows) out.set(r.id, Number(r.version));
  }
  return out;
}
