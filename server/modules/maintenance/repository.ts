import type { Db, Tx } from '../../platform/db/index.ts';

/**
 * The maintenance module's SQL: reads only. It owns no table; its writes go through the owners' faces
 * (roles, people). Reading other modules' tables here is allowed by the house rules.
 */

type Q = Db | Tx;

/** People who have not left, in name order from a keyset position: the list scans them a batch at a time. */
export function peopleBatch(db: Q, after: { n: string; id: string } | undefined, limit: number) {
  let q = db
    .selectFrom('people')
    .leftJoin('org_units as hu', 'hu.id', 'people.home_unit_id')
    .select(['people.id', 'people.name', 'people.name_sort', 'people.version', 'people.home_unit_id', 'hu.name as home_unit_name'])
    .where('people.status', '!=', 'left')
    .orderBy('people.name_sort')
    .orderBy('people.id')
    .limit(limit);
  if (after) q = q.where((eb) => eb.or([eb('people.name_sort', '>', after.n), eb.and([eb('people.name_sort', '=', after.n), eb('people.id', '>', after.id)])]));
  return q.execute();
}

/** Active org units with their names and function (the IT unit is marked it_unit). */
export const activeUnits = (db: Q) => db.selectFrom('org_units').select(['id', 'name', 'function']).where('status', '=', 'active').execute();

export const allSuppliers = (db: Q) => db.selectFrom('suppliers').select(['id', 'name']).execute();

/** The open assignments (current and planned) of these people, with the subject's name. */
export function openAssignmentsOfPeople(db: Q, personIds: readonly string[], today: string) {
  if (!personIds.length) return Promise.resolve([]);
  return db
    .selectFrom('role_assignments as ra')
    .leftJoin('org_units as su', (j) => j.onRef('su.id', '=', 'ra.subject_id').on('ra.subject_kind', '=', 'unit'))
    .leftJoin('systems as ss', (j) => j.onRef('ss.id', '=', 'ra.subject_id').on('ra.subject_kind', '=', 'system'))
    .select((eb) => [
      'ra.id', 'ra.principal_id', 'ra.role_key', 'ra.subject_kind', 'ra.subject_id', 'ra.valid_from', 'ra.valid_to',
      eb.fn.coalesce('su.name', 'ss.name').as('subject_name'),
    ])
    .where('ra.principal_kind', '=', 'person')
    .where('ra.principal_id', 'in', personIds)
    .where('ra.ended_at', 'is', null)
    .where((eb) => eb.or([eb('ra.valid_to', 'is', null), eb('ra.valid_to', '>', today)]))
    .orderBy('ra.valid_from')
    .orderBy('ra.id')
    .execute();
}

/** The suppliers of each system's agreements (one row per system and supplier). */
export function suppliersOfSystems(db: Q, systemIds: readonly string[]) {
  if (!systemIds.length) return Promise.resolve([]);
  return db
    .selectFrom('agreement_systems as ags')
    .innerJoin('agreements as ag', 'ag.id', 'ags.agreement_id')
    .innerJoin('suppliers as s', 's.id', 'ag.supplier_id')
    .select(['ags.system_id', 's.id as supplier_id', 's.name as supplier_name'])
    .where('ags.system_id', 'in', systemIds)
    .distinct()
    .execute();
}

/** The people of these ids that a user account belongs to (users.person_id). */
export async function peopleWithAccounts(db: Q, personIds: readonly string[]): Promise<Set<string>> {
  if (!personIds.length) return new Set();
  const rows = await db.selectFrom('users').select('person_id').where('person_id', 'in', personIds).execute();
  return new Set(rows.map((r) => r.person_id!).filter(Boolean));
}

export const findUnitName = (db: Q, id: string) => db.selectFrom('org_units').select(['id', 'name', 'status']).where('id', '=', id).executeTakeFirst();
export const findSupplierName = (db: Q, id: string) => db.selectFrom('suppliers').select(['id', 'name']).where('id', '=', id).executeTakeFirst();
