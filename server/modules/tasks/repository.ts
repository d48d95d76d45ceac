import { sql, type SqlBool } from 'kysely';
import { fixed } from '../../platform/db/fixed.ts';
import { toCount, type Db } from '../../platform/db/index.ts';
import { currentOn } from '../../platform/db/validity.ts';

/** The SQL of Mitt ansvar. It only reads: findings, classifications, role assignments, notifications. */

export interface TaskCursor {
  d: string;
  k: number;
  id: string;
}

export interface DueRange {
  /** Due on or after this day. */
  from?: string;
  /** Due on or before this day. */
  to?: string;
}

/** Keyset on (due date, kind's rank, id): this kind's rows after the cursor. */
function afterCursor(cursor: TaskCursor | undefined, rank: number, due: string, id: string) {
  if (!cursor) return null;
  if (rank > cursor.k) return sql<SqlBool>`${sql.ref(due)} >= ${cursor.d}`;
  if (rank < cursor.k) return sql<SqlBool>`${sql.ref(due)} > ${cursor.d}`;
  // The first conjunct lets the index seek to the cursor's date; the second skips what came before at that date.
  return sql<SqlBool>`(${sql.ref(due)} >= ${cursor.d} and (${sql.ref(due)} > ${cursor.d} or ${sql.ref(id)} > ${cursor.id}))`;
}

const findingColumns = [
  'f.id', 'f.key', 'f.fingerprint', 'f.params_json', 'f.text_sv', 'f.text_en', 'f.system_id', 's.name as system_name', 'f.subject_name', 'f.severity', 'f.handling', 'f.due_on', 'f.opened_at',
] as const;

/** Which findings are tasks of a kind: the person's own to act on, or risks proposed to them for approval. */
export type FindingTaskKind = 'own' | 'approve';

function findingTasks(db: Db, kind: FindingTaskKind, personId: string, range: DueRange) {
  let q = db.selectFrom('findings as f').where('f.status', '=', 'open');
  q =
    kind === 'own'
      ? q.where('f.owner_person_id', '=', personId).where('f.handling', 'in', ['none', 'acknowledged', 'risk_proposed'])
      : q.where('f.risk_approver_person_id', '=', personId).where('f.handling', '=', 'risk_proposed');
  if (range.from) q = q.where('f.due_on', '>=', range.from);
  if (range.to) q = q.where('f.due_on', '<=', range.to);
  return q;
}

/** A kind of finding task and its rank among the kinds (which comes first at the same due date). */
export interface RankedKind {
  kind: FindingTaskKind;
  rank: number;
}

/** A page of findings that are tasks of a kind, soonest due first, after the cursor (the index on owner or approver, then due date). */
function findingTaskPage(db: Db, { kind, rank }: RankedKind, personId: string, range: DueRange, cursor: TaskCursor | undefined, limit: number) {
  let q = findingTasks(db, kind, personId, range).leftJoin('systems as s', 's.id', 'f.system_id').select([...findingColumns, sql.lit(rank).as('rank')]);
  const after = afterCursor(cursor, rank, 'f.due_on', 'f.id');
  if (after) q = q.where(after);
  return q.orderBy('f.due_on').orderBy('f.id').limit(limit);
}

/**
 * The pages of the kinds asked for in one statement: a union of each kind's page, every page read from its own index
 * in due order and kept apart by its `rank`. The caller merges them.
 */
export async function findingTaskPages(db: Db, kinds: readonly RankedKind[], personId: string, range: DueRange, cursor: TaskCursor | undefined, limit: number) {
  const [first, ...rest] = kinds.map((k) => findingTaskPage(db, k, personId, range, cursor, limit));
  if (!first) return [];
  if (!rest.length) return first.execute();
  // Each page keeps its own order and limit inside a derived table.
  return rest.reduce((q, page, i) => q.unionAll(db.selectFrom(page.as(`p${i + 1}`)).selectAll()), db.selectFrom(first.as('p0')).selectAll()).execute();
}

/** How many findings are tasks of the kinds asked for, in one statement (each kind counted from its own index). */
export async function countFindingTasks(db: Db, kinds: readonly FindingTaskKind[], personId: string, range: DueRange): Promise<number> {
  if (!kinds.length) return 0;
  const row = await db
    .selectNoFrom(kinds.map((k) => findingTasks(db, k, personId, range).select((eb) => eb.fn.countAll().as('n')).as(k)))
    .executeTakeFirst();
  const counts = (row ?? {}) as Record<string, unknown>;
  return kinds.reduce((sum, k) => sum + toCount(counts[k] as number), 0);
}

/** Submitted classifications of systems where the person holds an approver role (on the system or a unit above). */
export function classificationsToApprove(db: Db, personId: string, roles: readonly string[], today: string) {
  return db
    .selectFrom('classifications as c')
    .innerJoin('systems as s', 's.id', 'c.system_id')
    .select(['c.id', 'c.system_id', 's.name as system_name', 'c.submitted_at', 'c.submitted_by', 'c.created_at'])
    .where('c.status', '=', fixed('submitted'))
    .where('s.lifecycle', '!=', fixed('retired'))
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('role_assignments as ra')
          .select(sql<number>`1`.as('one'))
          .where('ra.principal_kind', '=', fixed('person'))
          .where('ra.principal_id', '=', personId)
          .where('ra.role_key', 'in', roles.length ? roles : [''])
          .where(currentOn(today, 'ra'))
          .where((inner) =>
            inner.or([
              inner.and([inner('ra.subject_kind', '=', fixed('system')), inner('ra.subject_id', '=', inner.ref('s.id'))]),
              inner.and([
                inner('ra.subject_kind', '=', fixed('unit')),
                inner.exists(
                  inner
                    .selectFrom('org_unit_closure as cl')
                    .select(sql<number>`1`.as('one'))
                    .whereRef('cl.ancestor_id', '=', 'ra.subject_id')
                    .whereRef('cl.descendant_id', '=', 's.owning_unit_id'),
                ),
              ]),
            ]),
          ),
      ),
    )
    .orderBy('c.submitted_at')
    .limit(500)
    .execute();
}

/** The person's open tasks among findings, counted by where their due dates stand. */
export async function findingCounts(db: Db, personId: string, today: string, soon: string) {
  const row = await db
    .selectFrom('findings')
    .select([
      (eb) => eb.fn.countAll().as('total'),
      sql<number>`sum(case when due_on < ${today} then 1 else 0 end)`.as('overdue'),
      sql<number>`sum(case when due_on >= ${today} and due_on <= ${soon} then 1 else 0 end)`.as('soon'),
    ])
    .where('owner_person_id', '=', personId)
    .where('status', '=', 'open')
    .where('handling', 'in', ['none', 'acknowledged', 'risk_proposed'])
    .executeTakeFirst();
  return { total: toCount(row?.total as number), overdue: toCount(row?.overdue), dueSoon: toCount(row?.soon) };
}

/** What happened to the person's findings since an instant: new ones, resolved ones, ones someone acted on. */
export async function changesSince(db: Db, personId: string, since: string) {
  const row = await db
    .selectFrom('findings')
    .select([
      sql<number>`sum(case when status = 'open' and opened_at > ${since} then 1 else 0 end)`.as('opened'),
      sql<number>`sum(case when status = 'resolved' and resolved_at > ${since} then 1 else 0 end)`.as('resolved'),
      sql<number>`sum(case when status = 'open' and acted_at > ${since} then 1 else 0 end)`.as('acted'),
    ])
    .where('owner_person_id', '=', personId)
    .where((eb) => eb.or([eb('opened_at', '>', since), eb('resolved_at', '>', since), eb('acted_at', '>', since)]))
    .executeTakeFirst();
  return { newTasks: toCount(row?.opened), resolved: toCount(row?.resolved), handled: toCount(row?.acted) };
}

const rolesHeld = (db: Db, personId: string, today: string) =>
  db
    .selectFrom('role_assignments as ra')
    .where('ra.principal_kind', '=', fixed('person'))
    .where('ra.principal_id', '=', personId)
    .where(currentOn(today, 'ra'));

/** The roles the person holds today, with what they are held on (at most 200). */
export function rolesOf(db: Db, personId: string, today: string) {
  return rolesHeld(db, personId, today)
    .leftJoin('systems as s', (j) => j.onRef('s.id', '=', 'ra.subject_id').on('ra.subject_kind', '=', 'system'))
    .leftJoin('org_units as u', (j) => j.onRef('u.id', '=', 'ra.subject_id').on('ra.subject_kind', '=', 'unit'))
    .select(['ra.role_key', 'ra.subject_kind', 'ra.subject_id', 's.name as system_name', 'u.name as unit_name'])
    .orderBy('ra.subject_kind')
    .orderBy('ra.role_key')
    .limit(200)
    .execute();
}

/**
 * The person's name with what is counted of them alone, in one statement: the roles they hold today, the risks
 * waiting for their approval, their unread notifications.
 */
export async function personFigures(db: Db, personId: string, today: string) {
  const row = await db
    .selectFrom('people as p')
    .select((eb) => [
      'p.id',
      'p.name',
      rolesHeld(db, personId, today).select(eb.fn.countAll().as('n')).as('roles'),
      findingTasks(db, 'approve', personId, {}).select(eb.fn.countAll().as('n')).as('risks'),
      db.selectFrom('notifications').select(eb.fn.countAll().as('n')).where('person_id', '=', personId).where('read_at', 'is', null).as('unread'),
    ])
    .where('p.id', '=', personId)
    .executeTakeFirstOrThrow();
  return { person: { id: row.id, name: row.name }, roles: toCount(row.roles as number), risks: toCount(row.risks as number), unread: toCount(row.unread as number) };
}

/**
 * What the person holds today that the start page counts findings of: the systems where they hold one of
 * `systemRoles`, and the units where they hold `unitRole` (a few; at most 200).
 */
export function heldSubjects(db: Db, personId: string, systemRoles: readonly string[], unitRole: string, today: string) {
  return rolesHeld(db, personId, today)
    .select(['ra.subject_kind', 'ra.subject_id'])
    .distinct()
    .where((eb) =>
      eb.or([
        eb.and([eb('ra.subject_kind', '=', fixed('system')), eb('ra.role_key', 'in', systemRoles.length ? systemRoles : [''])]),
        eb.and([eb('ra.subject_kind', '=', fixed('unit')), eb('ra.role_key', '=', unitRole)]),
      ]),
    )
    .limit(200)
    .execute();
}

const openAndOverdue = (today: string) =>
  [
    sql<number>`count(*)`.as('open'),
    sql<number>`sum(case when f.due_on < ${today} and f.handling in ('none', 'acknowledged') then 1 else 0 end)`.as('overdue'),
  ] as const;

/** Open and overdue findings per system, for the systems given (the index on system and status). */
export function findingsOnSystems(db: Db, systemIds: readonly string[], today: string) {
  if (!systemIds.length) return Promise.resolve([]);
  return db
    .selectFrom('findings as f')
    .innerJoin('systems as s', 's.id', 'f.system_id')
    .select(['s.id', 's.name', ...openAndOverdue(today)])
    .where('f.system_id', 'in', systemIds)
    .where('f.status', '=', 'open')
    .groupBy(['s.id', 's.name'])
    .execute();
}

/**
 * Open and overdue findings in one unit and below it: the unit's descendants from the closure table, then each one's
 * findings from the index on unit and status (a unit leads to a few hundred units at most, never every finding).
 */
export async function findingsInUnit(db: Db, unitId: string, today: string) {
  const row = await db
    .selectFrom('findings as f')
    .innerJoin('org_units as u', (j) => j.on('u.id', '=', unitId))
    .select(['u.id', 'u.name', ...openAndOverdue(today)])
    .where('f.status', '=', 'open')
    .where('f.unit_id', 'in', (eb) => eb.selectFrom('org_unit_closure').select('descendant_id').where('ancestor_id', '=', unitId))
    .groupBy(['u.id', 'u.name'])
    .executeTakeFirst();
  return row ?? null;
}
