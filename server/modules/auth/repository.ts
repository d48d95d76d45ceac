import type { Db, Tx } from '../../platform/db/index.ts';

/** SQL of sign-in and the signed-in user's own settings. */
export const findLoginUser = (db: Db, email: string) =>
  db.selectFrom('users').select(['id', 'email', 'name', 'locale', 'status', 'password_hash']).where('email', '=', email).executeTakeFirst();

export const getLocale = (trx: Tx, userId: string) =>
  trx.selectFrom('users').select('locale').where('id', '=', userId).executeTakeFirstOrThrow();

export async function updateLocale(trx: Tx, userId: string, locale: string, at: string): Promise<void> {
  await trx.updateTable('users').set({ locale, updated_at: at }).where('id', '=', userId).execute();
}
