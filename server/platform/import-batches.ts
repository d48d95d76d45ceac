import type { Db, Tx } from './db/index.ts';
import { AppError } from './errors.ts';

/**
 * The dry-runs of the spreadsheet imports (people, the system register) live the same life in tables of
 * the same shape: stored with an expiry, applied once by whoever made them, then replaced by a summary.
 */
export type BatchTable = 'people_imports' | 'system_imports' | 'access_imports';

interface Batch {
  created_by: string | null;
  expires_at: string;
  applied_at: string | null;
}

export function importBatches(table: BatchTable) {
  // Both tables have every column used here; one name keeps Kysely's types simple.
  const t = table as 'system_imports';
  return {
    find: (db: Db | Tx, id: string) => db.selectFrom(t).selectAll().where('id', '=', id).executeTakeFirst(),

    /** Dry-runs nobody applied in time (they may hold personal data) go when the next one is made. */
    async deleteExpired(trx: Tx, now: string): Promise<void> {
      await trx.deleteFrom(t).where('applied_at', 'is', null).where('expires_at', '<=', now).execute();
    },

    /** Marks the batch applied; false when another request applied it first. */
    async claim(trx: Tx, id: string, now: string): Promise<boolean> {
      const res = await trx
        .updateTable(t)
        .set({ applied_at: now })
        .where('id', '=', id)
        .where('applied_at', 'is', null)
        .where('expires_at', '>', now)
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },

    /** Once applied, the plan (names, e-mails) is replaced by its summary: the audit trail keeps the details. */
    async replacePlan(trx: Tx, id: string, summary: string): Promise<void> {
      await trx.updateTable(t).set({ plan_json: summary }).where('id', '=', id).execute();
    },
  };
}

/** The batch if the caller may apply it now: their own and unexpired (else 404), not yet applied (else 409). */
export function applicableBatch<B extends Batch>(batch: B | undefined, userId: string | undefined, now: string): B {
  if (!batch || batch.created_by !== userId) throw new AppError('not_found');
  if (batch.applied_at) throw new AppError('conflict');
  if (batch.expires_at <= now) throw new AppError('not_found');
  return batch;
}
