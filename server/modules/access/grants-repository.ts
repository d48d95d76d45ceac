import type { Tx } from '../../platform/db/index.ts';
import type { AccessGrantsTable } from '../../platform/db/tables/access.ts';
import type { GrantEndReason, GrantOrigin } from '../../../shared/access.ts';

/**
 * The grants' SQL that other modules reach through the face (orders execute grants and removals; reviews read
 * grants): `access_grants` is written only here and in the module's other repositories.
 */

export type GrantRow = AccessGrantsTable;

export const findGrant = (trx: Tx, id: string): Promise<GrantRow | undefined> =>
  trx.selectFrom('access_grants').selectAll().where('id', '=', id).executeTakeFirst();

/** The current grant of a role to an account, if any. */
export const currentGrant = (trx: Tx, accountId: string, accessRoleId: string): Promise<GrantRow | undefined> =>
  trx
    .selectFrom('access_grants')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('access_role_id', '=', accessRoleId)
    .where('ended_at', 'is', null)
    .executeTakeFirst();

export interface NewGrant {
  id: string;
  systemId: string;
  accountId: string;
  accessRoleId: string;
  personId: string | null;
  origin: GrantOrigin;
  orderId: string | null;
  validFrom: string;
  validTo: string | null;
  at: string;
}

export async function insertGrant(trx: Tx, g: NewGrant): Promise<void> {
  await trx
    .insertInto('access_grants')
    .values({
      id: g.id,
      system_id: g.systemId,
      account_id: g.accountId,
      access_role_id: g.accessRoleId,
      person_id: g.personId,
      origin: g.origin,
      order_id: g.orderId,
      valid_from: g.validFrom,
      valid_to: g.validTo,
      started_at: g.at,
      ended_at: null,
      end_reason: null,
      end_order_id: null,
      ended_by: null,
      created_at: g.at,
      version: 1,
    })
    .execute();
}

/** Ends a current grant; false when it had already ended (another request was first). */
export async function endGrantRow(
  trx: Tx,
  id: string,
  end: { at: string; reason: GrantEndReason; orderId: string | null; userId: string | null },
): Promise<boolean> {
  const res = await trx
    .updateTable('access_grants')
    .set((eb) => ({ ended_at: end.at, end_reason: end.reason, end_order_id: end.orderId, ended_by: end.userId, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export const findAccessRole = (trx: Tx, id: string) =>
  trx.selectFrom('access_roles').selectAll().where('id', '=', id).executeTakeFirst();

export const findAccountByKey = (trx: Tx, systemId: string, usernameKey: string) =>
  trx.selectFrom('access_accounts').selectAll().where('system_id', '=', systemId).where('username_key', '=', usernameKey).executeTakeFirst();

export async function insertAccount(
  trx: Tx,
  a: { id: string; systemId: string; username: string; usernameKey: string; personId: string | null; email: string | null; at: string },
): Promise<void> {
  await trx
    .insertInto('access_accounts')
    .values({
      id: a.id,
      system_id: a.systemId,
      username: a.username,
      username_key: a.usernameKey,
      display_name: null,
      email: a.email,
      type: 'personal',
      status: 'active',
      person_id: a.personId,
      last_login_at: null,
      created_at: a.at,
      updated_at: a.at,
      version: 1,
    })
    .execute();
}

/** Gives an account without a person this one; false when it has one (or had one given meanwhile). */
export async function setAccountPerson(trx: Tx, id: string, personId: string, at: string): Promise<boolean> {
  const res = await trx
    .updateTable('access_accounts')
    .set((eb) => ({ person_id: personId, updated_at: at, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('person_id', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
