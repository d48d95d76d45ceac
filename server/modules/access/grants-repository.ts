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
