import type { AppRole } from '../../../shared/roles.ts';
import { toCount, type Db, type Tx } from '../../platform/db/index.ts';

/** All SQL of app permission grants managed per user (who may do what in Ansvar itself). */

type Q = Db | Tx;

export interface GrantRow {
  id: string;
  user_id: string;
  app_role: string;
  org_unit_id: string | null;
  org_unit_name: string | null;
  include_subunits: number;
  created_at: string;
}

const withUnitNames = (db: Q) =>
  db
    .selectFrom('permission_grants as g')
    .leftJoin('org_units as u', 'u.id', 'g.org_unit_id')
    .select(['g.id', 'g.user_id', 'g.app_role', 'g.org_unit_id', 'u.name as org_unit_name', 'g.include_subunits', 'g.created_at']);

export const grantsOfUser = (db: Q, userId: string): Promise<GrantRow[]> =>
  withUnitNames(db).where('g.user_id', '=', userId).orderBy('g.created_at').orderBy('g.id').execute();

export const findGrantOfUser = (db: Q, userId: string, grantId: string): Promise<GrantRow | undefined> =>
  withUnitNames(db).where('g.user_id', '=', userId).where('g.id', '=', grantId).executeTakeFirst();

export const userExists = async (db: Q, userId: string): Promise<boolean> =>
  (await db.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst()) !== undefined;

export const unitExists = async (db: Q, unitId: string): Promise<boolean> =>
  (await db.selectFrom('org_units').select('id').where('id', '=', unitId).executeTakeFirst()) !== undefined;

/** The user's grant with exactly this role and unit, if any. */
export function findSameGrant(db: Q, g: { userId: string; role: AppRole; orgUnitId: string | null }) {
  let query = db
    .selectFrom('permission_grants')
    .select(['id', 'include_subunits'])
    .where('user_id', '=', g.userId)
    .where('app_role', '=', g.role);
  query = g.orgUnitId === null ? query.where('org_unit_id', 'is', null) : query.where('org_unit_id', '=', g.orgUnitId);
  return query.executeTakeFirst();
}

/** Installation-wide administrator grants of active users, other than one grant. */
export async function countOtherInstallationAdmins(db: Q, exceptGrantId: string): Promise<number> {
  const row = await db
    .selectFrom('permission_grants as g')
    .innerJoin('users as u', 'u.id', 'g.user_id')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('g.app_role', '=', 'administrator')
    .where('g.org_unit_id', 'is', null)
    .where('u.status', '=', 'active')
    .where('g.id', '!=', exceptGrantId)
    .executeTakeFirst();
  return toCount(row?.n as string | number | undefined);
}

export async function deleteGrant(trx: Tx, grantId: string): Promise<boolean> {
  const res = await trx.deleteFrom('permission_grants').where('id', '=', grantId).executeTakeFirst();
  return Number(res.numDeletedRows) === 1;
}
