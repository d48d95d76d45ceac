import type { Db, Tx } from '../../platform/db/index.ts';

/** SQL of sign-in and the signed-in user's own settings (language, password). */
export const findLoginUser = (db: Db, email: string) =>
  db.selectFrom('users').select(['id', 'email', 'name', 'locale', 'status', 'password_hash']).where('email', '=', email).executeTakeFirst();

export const getLocale = (trx: Tx, userId: string) =>
  trx.selectFrom('users').select('locale').where('id', '=', userId).executeTakeFirstOrThrow();

export const findPasswordHash = (db: Db, userId: string) =>
  db.selectFrom('users').select(['password_hash', 'status']).where('id', '=', userId).executeTakeFirst();
