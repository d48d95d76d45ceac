import { containsPattern } from '../../platform/text.ts';
import { inChunks } from '../../platform/pace.ts';
import { sql, type SqlBool } from 'kysely';
import { uniqueViolationText, type Db, type Tx } from '../../platform/db/index.ts';
import type { SupplierContactsTable, SuppliersTable } from '../../platform/db/tables/systems.ts';

/** All SQL of suppliers and their contacts (agreements: agreement-repository.ts). No business rules. */

type Q = Db | Tx;


export interface SupplierFilter {
  q?: string | undefined;
  after?: { n: string; id: string } | undefined;
}

/** One page by (name_sort, id) — the index suppliers_name_idx — and whether there is more. */
export async function listSuppliers(db: Db, f: SupplierFilter, limit: number): Promise<{ rows: SuppliersTable[]; hasMore: boolean }> {
  let q = db.selectFrom('suppliers').selectAll().orderBy('name_sort', 'asc').orderBy('id', 'asc').limit(limit + 1);
  if (f.q) {
    const pattern = containsPattern(f.q);
    q = q.where((eb) =>
      eb.or([
        sql<SqlBool>`${eb.ref('name_sort')} like ${pattern} escape '\\'`,
        sql<SqlBool>`${eb.ref('org_number')} like ${pattern} escape '\\'`,
      ]),
    );
  }
  if (f.after) {
    const { n, id } = f.after;
    q = q.where((eb) => eb.or([eb('name_sort', '>', n), eb.and([eb('name_sort', '=', n), eb('id', '>', id)])]));
  }
  const rows = await q.execute();
  return { rows: rows.slice(0, limit), hasMore: rows.length > limit };
}

export const findSupplier = (db: Q, id: string): Promise<SuppliersTable | undefined> =>
  db.selectFrom('suppliers').selectAll().where('id', '=', id).executeTakeFirst();

export const findSupplierByOrgNumber = (db: Q, orgNumber: string) =>
  db.selectFrom('suppliers').select(['id', 'name']).where('org_number', '=', orgNumber).executeTakeFirst();

/** Many new suppliers at once (the register import). */
export async function insertSuppliers(trx: Tx, rows: readonly SuppliersTable[]): Promise<void> {
  await inChunks(rows, 200, (c) => trx.insertInto('suppliers').values(c).execute());
}

export async function insertSupplier(trx: Tx, row: SuppliersTable): Promise<void> {
  await trx.insertInto('suppliers').values(row).execute();
}

/** Writes the change only if the row still has the expected version; false when someone got there first. */
export async function updateSupplierAtVersion(
  trx: Tx,
  id: string,
  version: number,
  set: Partial<Omit<SuppliersTable, 'id' | 'version' | 'created_at'>> & { updated_at: string },
): Promise<boolean> {
  const res = await trx
    .updateTable('suppliers')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export const contactsOf = (db: Q, supplierId: string): Promise<SupplierContactsTable[]> =>
  db.selectFrom('supplier_contacts').selectAll().where('supplier_id', '=', supplierId).orderBy('name').orderBy('id').execute();

export const findContact = (db: Q, supplierId: string, contactId: string): Promise<SupplierContactsTable | undefined> =>
  db.selectFrom('supplier_contacts').selectAll().where('supplier_id', '=', supplierId).where('id', '=', contactId).executeTakeFirst();

export async function insertContact(trx: Tx, row: SupplierContactsTable): Promise<void> {
  await trx.insertInto('supplier_contacts').values(row).execute();
}

export async function updateContact(trx: Tx, id: string, set: Partial<Omit<SupplierContactsTable, 'id' | 'supplier_id' | 'created_at'>>): Promise<void> {
  await trx.updateTable('supplier_contacts').set(set).where('id', '=', id).execute();
}

export async function deleteContact(trx: Tx, id: string): Promise<boolean> {
  const res = await trx.deleteFrom('supplier_contacts').where('id', '=', id).executeTakeFirst();
  return Number(res.numDeletedRows) === 1;
}

/** Did a failed write hit the unique organisation number (another request won a race)? */
export function isOrgNumberTaken(err: unknown): boolean {
  const text = uniqueViolationText(err);
  return text !== null && (text.includes('suppliers_org_number_idx') || text.includes('suppliers.org_number'));
}
