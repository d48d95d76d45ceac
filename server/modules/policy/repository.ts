import type { Db, Tx } from '../../platform/db/index.ts';
import type { PolicyPacksTable } from '../../platform/db/tables/policy.ts';

/** All SQL on policy_packs: versions of uploaded packs, at most one of them active. */

const SUMMARY = [
  'id',
  'pack_id',
  'version',
  'title',
  'document_sha256',
  'status',
  'uploaded_by',
  'uploaded_by_name',
  'uploaded_at',
  'activated_at',
] as const;
export type VersionRow = Omit<PolicyPacksTable, 'document_json'>;

/**
 * The active version (without its document). Compiled, to run through readCommitted: other modules
 * ask for the role catalogue while their own transaction is open, and on SQLite a query on the main
 * connection would wait for that very transaction.
 */
export const activeQuery = (db: Db) =>
  db
    .selectFrom('policy_packs')
    .select(SUMMARY)
    .where('status', '=', 'active')
    .orderBy('uploaded_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .compile();

export const findActive = (db: Db | Tx): Promise<VersionRow | undefined> =>
  db
    .selectFrom('policy_packs')
    .select(SUMMARY)
    .where('status', '=', 'active')
    .orderBy('uploaded_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();

export const documentQuery = (db: Db, id: string) => db.selectFrom('policy_packs').select('document_json').where('id', '=', id).compile();

export const findByVersion = (db: Db | Tx, packId: string, version: string) =>
  db.selectFrom('policy_packs').select('id').where('pack_id', '=', packId).where('version', '=', version).executeTakeFirst();

/** Marks every active version superseded; returns how many there were (0 or 1). */
export async function supersedeActive(trx: Tx): Promise<number> {
  const res = await trx.updateTable('policy_packs').set({ status: 'superseded' }).where('status', '=', 'active').executeTakeFirst();
  return Number(res.numUpdatedRows);
}

export async function insertVersion(trx: Tx, row: PolicyPacksTable): Promise<void> {
  await trx.insertInto('policy_packs').values(row).execute();
}

/** Newest first; keyset on (uploaded_at, id), which policy_packs_uploaded_idx covers. */
export async function listVersions(db: Db, limit: number, after: { at: string; id: string } | undefined) {
  let q = db
    .selectFrom('policy_packs')
    .select(SUMMARY)
    .orderBy('uploaded_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1);
  if (after)
    q = q.where((eb) => eb.or([eb('uploaded_at', '<', after.at), eb.and([eb('uploaded_at', '=', after.at), eb('id', '<', after.id)])]));
  const rows: VersionRow[] = await q.execute();
  return { rows: rows.slice(0, limit), hasMore: rows.length > limit };
}
