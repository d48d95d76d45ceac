import { sql, type SqlBool } from 'kysely';
import { toCount, type Db, type Tx } from '../../platform/db/index.ts';
import { systemHolders } from './create-repository.ts';

/** Reminding and escalating overdue reviews (docs/ACCESS.md, "Reminders and escalation"): what the daily job reads and stamps. */

type Q = Db | Tx;

/** When the job acts: a campaign reminded on or before `remindAgainOn` is reminded again; one due on or before `escalateDueOn` is escalated. */
export interface Thresholds {
  today: string;
  remindAgainOn: string;
  escalateDueOn: string;
}

/** Open campaigns past their due date that have a reminder or an escalation due. */
export const reviewsToTell = (db: Q, t: Thresholds) =>
  db
    .selectFrom('access_reviews')
    .select(['id', 'name', 'due_on', 'reminded_on', 'escalated_on'])
    .where('state', '=', 'open')
    .where('due_on', '<', t.today)
    .where(
      sql<SqlBool>`(reminded_on is null or reminded_on <= ${t.remindAgainOn} or (escalated_on is null and due_on <= ${t.escalateDueOn}))`,
    )
    .orderBy('created_at')
    .execute();

/** Each reviewer with undecided items in a campaign, and how many (the campaign's tallies). */
export async function undecidedByReviewer(db: Q, reviewId: string): Promise<Array<{ personId: string; undecided: number }>> {
  const rows = await db
    .selectFrom('access_review_tallies')
    .select(['reviewer_person_id as personId', 'items', 'decided'])
    .where('review_id', '=', reviewId)
    .where(sql<SqlBool>`items > decided`)
    .orderBy('reviewer_person_id')
    .execute();
  return rows.map((r) => ({ personId: r.personId, undecided: toCount(r.items) - toCount(r.decided) }));
}

/**
 * Each system of a campaign with undecided items, how many, and the current holders (active people) of the
 * escalation roles on it (the same holders a campaign's escalation reviewers are): whom an escalation tells.
 */
export async function undecidedBySystemHolder(
  db: Q,
  reviewId: string,
  roles: readonly string[],
  today: string,
): Promise<Array<{ personId: string; systemId: string; systemName: string; undecided: number }>> {
  if (!roles.length) return [];
  const systems = await db
    .selectFrom('access_review_items as i')
    .innerJoin('systems as s', 's.id', 'i.system_id')
    .select(['i.system_id', 's.name', (eb) => eb.fn.countAll().as('n')])
    .where('i.review_id', '=', reviewId)
    .where('i.decision', 'is', null)
    .groupBy(['i.system_id', 's.name'])
    .orderBy('i.system_id')
    .execute();
  if (!systems.length) return [];
  const held = await sql<{ system_id: string; person_id: string }>`with ${systemHolders(roles, systems.map((s) => s.system_id), today)}
    select distinct system_id, person_id from h order by system_id, person_id`.execute(db);
  const byId = new Map(systems.map((s) => [s.system_id, s]));
  return held.rows.map((h) => {
    const s = byId.get(h.system_id)!;
    return { personId: h.person_id, systemId: h.system_id, systemName: s.name, undecided: toCount(s.n) };
  });
}

/**
 * Stamps what is told today (reminded, escalated), only if it is still due: of two instances running the job, one
 * stamps and tells, the other finds nothing to do.
 */
export async function stampTold(trx: Tx, reviewId: string, t: Thresholds, told: { remind: boolean; escalate: boolean }): Promise<boolean> {
  let q = trx
    .updateTable('access_reviews')
    .set({ ...(told.remind ? { reminded_on: t.today } : {}), ...(told.escalate ? { escalated_on: t.today } : {}) })
    .where('id', '=', reviewId)
    .where('state', '=', 'open');
  if (told.remind) q = q.where(sql<SqlBool>`(reminded_on is null or reminded_on <= ${t.remindAgainOn})`);
  if (told.escalate) q = q.where('escalated_on', 'is', null);
  return Number((await q.executeTakeFirst()).numUpdatedRows) === 1;
}
