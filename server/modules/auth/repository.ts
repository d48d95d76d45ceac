import type { Db, Tx } from '../../platform/db/index.ts';

/** SQL of sign-in and the signed-in user's own settings (language, password). */
export const findLoginUser = (db: Db, email: string) =>
  db.selectFrom('users').select(['id', 'email', 'name', 'locale', 'status', 'password_hash']).where('email', '=', email).executeTakeFirst();

export const getLocale = (trx: Tx, userId: string) =>
  trx.selectFrom('users').select('locale').where('id', '=', userId).executeTakeFirstOrThrow();

export async function updateLocale(trx: Tx, userId: string, locale: string, at: string): Promise<void> {
  await trx.updateTable('users').set({ locale, updated_at: at }).where('id', '=', userId).execute();
}

export const findPasswordHash = (db: Db, userId: string) =>
  db.selectFrom('users').select(['password_hash', 'status']).where('id', '=', userId).executeTakeFirst();

/** Replaces the hash only if it is still the one that was checked; false when a concurrent change won. */
export async function replacePasswordHash(trx: Tx, userId: string, checked: string, next: string, at: string): Promise<boolean> {
  const res = await trx
    .updateTable('users')
    .set({ password_hash: next, updated_at: at })
    .where('id', '=', userId)
    .where('password_hash', '=', checked)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
