import type { Db, Tx } from '../../platform/db/index.ts';
import type { AccessRolesTable } from '../../platform/db/tables/access.ts';
import { currentOn } from '../../platform/db/validity.ts';

/** The SQL of a system's access roles: `access_roles` is written here (and by the import's repository). */

type Q = Db | Tx;
export type AccessRoleRow = AccessRolesTable;

/** Every access role of the system in name order, each with its current grant count (one grouped count, by index). */
export async function rolesWithCounts(db: Q, systemId: string): Promise<Array<AccessRoleRow & { grant_count: number }>> {
  const [roles, counts] = await Promise.all([
    db.selectFrom('access_roles').selectAll().where('system_id', '=', systemId).orderBy('name_sort').orderBy('id').execute(),
    db
      .selectFrom('access_grants')
      .select(['access_role_id', (eb) => eb.fn.countAll<number | string>().as('n')])
      .where('system_id', '=', systemId)
      .where('ended_at', 'is', null)
      .groupBy('access_role_id')
      .execute(),
  ]);
  const byRole = new Map(counts.map((c) => [c.access_role_id, Number(c.n)]));
  return roles.map((r) => ({ ...r, grant_count: byRole.get(r.id) ?? 0 }));
}

export async function roleWithCount(db: Q, systemId: string, id: string): Promise<(AccessRoleRow & { grant_count: number }) | undefined> {
  const role = await db.selectFrom('access_roles').selectAll().where('id', '=', id).where('system_id', '=', systemId).executeTakeFirst();
  if (!role) return undefined;
  const row = await db
    .selectFrom('access_grants')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('access_role_id', '=', id)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  return { ...role, grant_count: Number(row?.n ?? 0) };
}

/** Another role of the system with this name key (names are unique per system, case-insensitively). */
export const roleByNameKey = (db: Q, systemId: string, nameKey: string) =>
  db.selectFrom('access_roles').select(['id', 'name']).where('system_id', '=', systemId).where('name_key', '=', nameKey).executeTakeFirst();

export async function insertRole(trx: Tx, row: AccessRoleRow): Promise<void> {
  await trx.insertInto('access_roles').values(row).execute();
}

/** Writes a role's change if it is still at `version`; false when someone else changed it first. */
export async function updateRoleAtVersion(
  trx: Tx,
  id: string,
  version: number,
  set: Partial<Pick<AccessRoleRow, 'name' | 'name_key' | 'name_sort' | 'description' | 'privileged' | 'status'>> & { updated_at: string },
): Promise<boolean> {
  const res = await trx
    .updateTable('access_roles')
    .set((eb) => ({ ...set, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Which of these role keys the person holds on the system itself today. */
export async function rolesHeldOnSystem(db: Q, systemId: string, personId: string, roleKeys: readonly string[], today: string): Promise<string[]> {
  if (!roleKeys.length) return [];
  const rows = await db
    .selectFrom('role_assignments')
    .select('role_key')
    .where('subject_kind', '=', 'system')
    .where('subject_id', '=', systemId)
    .where('principal_kind', '=', 'person')
    .where('principal_id', '=', personId)
    .where('role_key', 'in', roleKeys)
    .where(currentOn(today))
    .execute();
  return rows.map((r) => r.role_key);
}
