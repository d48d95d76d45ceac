import type { Db } from '../../../platform/db/index.ts';

/** The SQL the export adds to the register's: using units of a whole page of systems in one query. */
export async function usingUnitNames(db: Db, systemIds: readonly string[]): Promise<Map<string, string[]>> {
  const byId = new Map<string, string[]>();
  if (!systemIds.length) return byId;
  const rows = await db
    .selectFrom('system_units as su')
    .innerJoin('org_units as u', 'u.id', 'su.unit_id')
    .select(['su.system_id', 'u.name'])
    .where('su.system_id', 'in', systemIds)
    .orderBy('su.system_id')
    .orderBy('u.name_sort')
    .execute();
  for (const r of rows) {
    const names = byId.get(r.system_id) ?? [];
    names.push(r.name);
    byId.set(r.system_id, names);
  }
  return byId;
}
