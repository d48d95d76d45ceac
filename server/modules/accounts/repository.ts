import type { AppRole } from '../../../shared/roles.ts';
import { toBool, toCount, type Db, type Tx } from '../../platform/db/index.ts';
import type { AccountTokensTable } from '../../platform/db/schema.ts';

/** All SQL of accounts: users, their grants and the one-time setup, invitation and password reset links. */

export async function countUsers(db: Db | Tx): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
  return toCount(row?.n as string | number | undefined);
}

export const findUserByEmail = (db: Db | Tx, email: string) =>
  db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();

export const findUserById = (db: Db | Tx, id: string) =>
  db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();

export async function insertUser(
  trx: Tx,
  u: { id: string; email: string; name: string; passwordHash: string; at: string },
): Promise<void> {
  await trx
    .insertInto('users')
    .values({
      id: u.id,
      email: u.email,
      name: u.name,
      password_hash: u.passwordHash,
      status: 'active',
      locale: null,
      version: 1,
      created_at: u.at,
      updated_at: u.at,
      last_seen_at: null,
    })
    .execute();
}

export async function insertGrant(
  trx: Tx,
  g: { id: string; userId: string; role: AppRole; orgUnitId: string | null; includeSubunits: boolean; at: string; by: string | null },
): Promise<void> {
  await trx
    .insertInto('permission_grants')
    .values({
      id: g.id,
      user_id: g.userId,
      app_role: g.role,
      org_unit_id: g.orgUnitId,
      include_subunits: g.includeSubunits ? 1 : 0,
      created_at: g.at,
      created_by: g.by,
    })
    .execute();
}

export async function insertToken(trx: Tx, t: AccountTokensTable): Promise<void> {
  await trx.insertInto('account_tokens').values(t).execute();
}

export const findLiveToken = (db: Db | Tx, id: string, kind: AccountTokensTable['kind'], now: string) =>
  db
    .selectFrom('account_tokens')
    .selectAll()
    .where('id', '=', id)
    .where('kind', '=', kind)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();

/** Marks a link used; returns false when another request used it first. */
export async function useToken(trx: Tx, id: string, now: string): Promise<boolean> {
  const res = await trx
    .updateTable('account_tokens')
    .set({ used_at: now })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Ends earlier unused setup links, so only the newest printed one works. */
export async function expireSetupTokens(trx: Tx, now: string): Promise<void> {
  await trx
    .updateTable('account_tokens')
    .set({ expires_at: now })
    .where('kind', '=', 'setup')
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .execute();
}

/** Ends a user's live password reset links (all but `except`), so only the newest one works. */
export async function expireResetTokens(trx: Tx, userId: string, now: string, except?: string): Promise<void> {
  let query = trx
    .updateTable('account_tokens')
    .set({ expires_at: now })
    .where('user_id', '=', userId)
    .where('kind', '=', 'password_reset')
    .where('used_at', 'is', null)
    .where('expires_at', '>', now);
  if (except !== undefined) query = query.where('id', '!=', except);
  await query.execute();
}

export async function updateLocale(trx: Tx, userId: string, locale: string, at: string): Promise<void> {
  await trx.updateTable('users').set({ locale, updated_at: at }).where('id', '=', userId).execute();
}

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

export async function setPasswordHash(trx: Tx, userId: string, passwordHash: string, at: string): Promise<void> {
  await trx.updateTable('users').set({ password_hash: passwordHash, updated_at: at }).where('id', '=', userId).execute();
}

export interface UserSummaryRow {
  id: string;
  email: string;
  name: string;
  status: 'active' | 'disabled';
  created_at: string;
  last_seen_at: string | null;
}

/** One page of users by e-mail (unique, so it is a stable keyset), and their grants in one more query. */
export async function listUsers(db: Db, limit: number, afterEmail: string | undefined) {
  let q = db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'status', 'created_at', 'last_seen_at'])
    .orderBy('email', 'asc')
    .limit(limit + 1);
  if (afterEmail !== undefined) q = q.where('email', '>', afterEmail);
  const rows: UserSummaryRow[] = await q.execute();
  const page = rows.slice(0, limit);
  const grants = page.length
    ? await db
        .selectFrom('permission_grants')
        .select(['user_id', 'app_role', 'org_unit_id', 'include_subunits'])
        .where(
          'user_id',
          'in',
          page.map((r) => r.id),
        )
        .orderBy('created_at')
        .execute()
    : [];
  const grantsByUser = new Map<string, Array<{ role: AppRole; orgUnitId: string | null; includeSubunits: boolean }>>();
  for (const g of grants) {
    const list = grantsByUser.get(g.user_id) ?? [];
    list.push({ role: g.app_role as AppRole, orgUnitId: g.org_unit_id, includeSubunits: toBool(g.include_subunits) });
    grantsByUser.set(g.user_id, list);
  }
  return { page, hasMore: rows.length > limit, grantsByUser };
}
