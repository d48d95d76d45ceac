import { containsPattern } from '../../platform/text.ts';
import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import { toCount, uniqueViolationText, type Db, type Tx } from '../../platform/db/index.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { PeopleTable } from '../../platform/db/tables/people.ts';
import { reachCondition, type UnitReach } from '../../platform/access/reach.ts';
import { inChunks } from '../../platform/pace.ts';
import { currentOn } from '../../platform/db/validity.ts';

/** All SQL of people (the HR import's own queries are in import/repository.ts); no business rules. */

export interface PersonRow {
  id: string;
  name: string;
  name_search: string;
  name_sort: string;
  email: string | null;
  title: string | null;
  home_unit_id: string | null;
  home_unit_name: string | null;
  manager_id: string | null;
  manager_name: string | null;
  status: PeopleTable['status'];
  external_id: string | null;
  left_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

const selectPeople = (db: Db) =>
  db
    .selectFrom('people')
    .leftJoin('org_units as hu', 'hu.id', 'people.home_unit_id')
    .leftJoin('people as mgr', 'mgr.id', 'people.manager_id')
    .select([
      'people.id', 'people.name', 'people.name_search', 'people.name_sort', 'people.email', 'people.title', 'people.home_unit_id', 'hu.name as home_unit_name',
      'people.manager_id', 'mgr.name as manager_name', 'people.status', 'people.external_id', 'people.left_at',
      'people.version', 'people.created_at', 'people.updated_at',
    ]);

type PeopleEb = ExpressionBuilder<Database & { hu: Database['org_units']; mgr: Database['people'] }, 'people' | 'hu' | 'mgr'>;

/** People whose home unit is the unit or, with sub-units, anywhere below it (closure table). */
const inUnit = (eb: PeopleEb, unitId: string, includeSubunits: boolean) =>
  includeSubunits
    ? eb('people.home_unit_id', 'in', eb.selectFrom('org_unit_closure').select('descendant_id').where('ancestor_id', '=', unitId))
    : eb('people.home_unit_id', '=', unitId);


export interface PeopleFilter {
  /** Whose people the caller reaches: those whose home unit the reach covers. */
  reach: UnitReach;
  q?: string | undefined;
  unitId?: string | undefined;
  includeSubunits: boolean;
  status?: PeopleTable['status'] | undefined;
  after?: { n: string; id: string } | undefined;
}

/** The filter's conditions (without its keyset position), on any query over people. */
function matchingPeople<Q extends SelectQueryBuilder<Database, 'people', object>>(q0: Q, f: Omit<PeopleFilter, 'after'>): Q {
  let q = q0;
  const reach = f.reach;
  if (!reach.all) q = q.where(reachCondition(reach, 'people.home_unit_id')) as Q;
  if (f.unitId) {
    const unitId = f.unitId;
    q = q.where((eb) => inUnit(eb, unitId, f.includeSubunits)) as Q;
  }
  if (f.status) q = q.where('people.status', '=', f.status) as Q;
  if (f.q) {
    const pattern = containsPattern(f.q);
    q = q.where((eb) =>
      eb.or([
        sql<boolean>`${eb.ref('people.name_search')} like ${pattern} escape '\\'`,
        sql<boolean>`${eb.ref('people.email')} like ${pattern} escape '\\'`,
        eb('people.external_id', '=', f.q!),
      ]),
    ) as Q;
  }
  return q;
}

/**
 * One page by (name_sort, id) — the index people_name_idx (people_unit_idx within a unit) — and whether there is
 * more. On the first page (no `after`) the filter's total comes in the same statement, a count in a subquery run
 * once: one statement fewer a list, which is what a read costs on PostgreSQL (PERFORMANCE.md, ninth round). No row
 * means no person matches, so the total is then 0.
 */
export async function listPeople(db: Db, f: PeopleFilter, limit: number): Promise<{ rows: PersonRow[]; hasMore: boolean; total: number | null }> {
  const q = matchingPeople(selectPeople(db), f).orderBy('people.name_sort', 'asc').orderBy('people.id', 'asc').limit(limit + 1);
  if (f.after) {
    const { n, id } = f.after;
    const rows = await q.where((eb) => eb.or([eb('people.name_sort', '>', n), eb.and([eb('people.name_sort', '=', n), eb('people.id', '>', id)])])).execute();
    return { rows: rows.slice(0, limit), hasMore: rows.length > limit, total: null };
  }
  const rows = await q.select(matchingPeople(db.selectFrom('people'), f).select((eb) => eb.fn.countAll().as('n')).as('total')).execute();
  return {
    rows: rows.slice(0, limit).map(({ total: _, ...row }) => row),
    hasMore: rows.length > limit,
    total: toCount((rows[0]?.total ?? 0) as string | number),
  };
}

export const findPerson = (db: Db, id: string): Promise<PersonRow | undefined> =>
  selectPeople(db).where('people.id', '=', id).executeTakeFirst();

export const findPersonRecord = (db: Db, id: string) => db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();

export const findPersonByEmail = (db: Db, email: string) =>
  db.selectFrom('people').select(['id', 'name']).where('email', '=', email).executeTakeFirst();

export const findPersonByExternalId = (db: Db, externalId: string) =>
  db.selectFrom('people').select(['id', 'name']).where('external_id', '=', externalId).executeTakeFirst();

export const findUnit = (db: Db, id: string) =>
  db.selectFrom('org_units').select(['id', 'name', 'status']).where('id', '=', id).executeTakeFirst();

export async function insertPerson(trx: Tx, row: PeopleTable): Promise<void> {
  await trx.insertInto('people').values(row).execute();
}

/**
 * People in bulk (both imports), in the order given, in chunks that stay under the databases' parameter
 * limits (a row's manager must be in an earlier or the same chunk).
 */
export async function insertPeople(trx: Tx, rows: readonly PeopleTable[]): Promise<void> {
  await inChunks(rows, 200, (c) => trx.insertInto('people').values(c).execute());
}

/** Writes the change only if the row still has the expected version; false when someone got there first. */
export async function updatePersonAtVersion(
  trx: Tx,
  id: string,
  version: number,
  set: Partial<Omit<PeopleTable, 'id' | 'version' | 'created_at'>> & { updated_at: string },
): Promise<boolean> {
  const res = await trx
    .updateTable('people')
    .set({ ...set, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** The person and everyone above them in the manager chain (stops on a loop: union drops repeats). */
export async function managerChain(db: Db, personId: string): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    with recursive chain(id, manager_id) as (
      select id, manager_id from people where id = ${personId}
      union
      select p.id, p.manager_id from people p join chain c on p.id = c.manager_id
    )
    select id from chain`.execute(db);
  return rows.map((r) => r.id);
}

/** Role assignments the person holds now (started, and validTo open or in the future), with the subject unit's or system's name. */
export const currentRolesOf = (db: Db, personId: string, today: string) =>
  db
    .selectFrom('role_assignments as ra')
    .innerJoin('people as holder', 'holder.id', 'ra.principal_id')
    .leftJoin('org_units as su', (j) => j.onRef('su.id', '=', 'ra.subject_id').on('ra.subject_kind', '=', 'unit'))
    .leftJoin('systems as ss', (j) => j.onRef('ss.id', '=', 'ra.subject_id').on('ra.subject_kind', '=', 'system'))
    .select((eb) => [
      'ra.id', 'ra.role_key', 'ra.subject_kind', 'ra.subject_id', eb.fn.coalesce('su.name', 'ss.name').as('subject_name'), 'ra.valid_from', 'ra.valid_to',
      'holder.id as person_id', 'holder.name as person_name', 'holder.status as person_status',
    ])
    .where('ra.principal_kind', '=', 'person')
    .where('ra.principal_id', '=', personId)
    .where(currentOn(today, 'ra'))
    .orderBy('ra.role_key')
    .orderBy('ra.valid_from')
    .execute();

/**
 * Which unique index a failed insert or update hit (another request won a race), or null. SQLite names
 * the column, PostgreSQL the index.
 */
export function uniqueViolation(err: unknown): 'email' | 'externalId' | null {
  const text = uniqueViolationText(err);
  if (text === null) return null;
  if (text.includes('people_email_idx') || text.includes('people.email')) return 'email';
  if (text.includes('people_external_idx') || text.includes('people.external_id')) return 'externalId';
  return null;
}
