import { sql } from 'kysely';
import { writeWithTheChain } from '../../platform/audit/audit.ts';
import { toCount, type Db, type Tx } from '../../platform/db/index.ts';
import { listValues, runReused, runReusedResult, textList } from '../../platform/db/reused.ts';
import type { ReviewDecision } from '../../../shared/access.ts';
import { accountPerson } from '../systems/index.ts';

/** Deciding and closing (docs/ACCESS.md, "Reviews"): the writes of items and campaigns after they are made. */

type Q = Db | Tx;

/** The items the decisions name, with what the checks and the tallies need (compiled once per count of grants). */
export const itemsOf = (db: Q, reviewId: string, grantIds: readonly string[]) =>
  runReused<{ grant_id: string; privileged: number; version: number; decision: ReviewDecision | null }>(
    db,
    `review-decision-items:${grantIds.length}`,
    (slot) =>
      db
        .selectFrom('access_review_items')
        .select(['grant_id', 'privileged', 'version', 'decision'])
        .where('review_id', '=', slot.text('review'))
        .where('grant_id', 'in', textList(slot, 'g', grantIds.length)),
    { review: reviewId, ...listValues('g', grantIds) },
  );

export interface MyItem {
  state: string;
  person_id: string;
  grant_id: string;
  privileged: number;
  version: number;
  decision: ReviewDecision | null;
}

/**
 * The items the decisions name that the caller's person reviews, with the campaign's state and that person: one
 * statement. When it finds every item, the caller reviews each of them and so sees the campaign (docs/ACCESS.md),
 * and nothing else needs reading before the decisions are written. With `lock` (PostgreSQL, in the deciding
 * transaction) the campaign's row is read under a shared lock: a close, which updates it, waits for the decisions
 * under way, and decisions after it see it closed.
 */
export const myItemsOf = (db: Q, reviewId: string, userId: string, grantIds: readonly string[], lock: boolean) =>
  runReused<MyItem>(
    db,
    `review-decision-mine:${grantIds.length}:${lock}`,
    (slot) => {
      const q = db
        .selectFrom('access_reviews as r')
        .innerJoin('access_review_items as i', 'i.review_id', 'r.id')
        .innerJoin('access_review_reviewers as rr', (j) =>
          j.onRef('rr.review_id', '=', 'i.review_id').onRef('rr.grant_id', '=', 'i.grant_id'),
        )
        .select(['r.state', 'rr.reviewer_person_id as person_id', 'i.grant_id', 'i.privileged', 'i.version', 'i.decision'])
        .where('r.id', '=', slot.text('review'))
        .where('i.grant_id', 'in', textList(slot, 'g', grantIds.length))
        .where(
          'rr.reviewer_person_id',
          '=',
          db
            .selectFrom('users as u')
            .select((eb) => accountPerson(eb).as('p'))
            .where('u.id', '=', slot.text('user')),
        );
      return lock ? q.forShare('r') : q;
    },
    { review: reviewId, user: userId, ...listValues('g', grantIds) },
  );

/** Of these grants, those the person reviews (the reviewers' key: review, grant, reviewer). */
export async function reviewedBy(db: Q, reviewId: string, personId: string, grantIds: readonly string[]): Promise<Set<string>> {
  const rows = await runReused<{ grant_id: string }>(
    db,
    `review-decision-reviewed:${grantIds.length}`,
    (slot) =>
      db
        .selectFrom('access_review_reviewers')
        .select('grant_id')
        .where('review_id', '=', slot.text('review'))
        .where('grant_id', 'in', textList(slot, 'g', grantIds.length))
        .where('reviewer_person_id', '=', slot.text('person')),
    { review: reviewId, person: personId, ...listValues('g', grantIds) },
  );
  return new Set(rows.map((r) => r.grant_id));
}

export interface DecisionWrite {
  grantId: string;
  decision: ReviewDecision;
  comment: string | null;
  version: number;
}

/** Writes one decision if the item is still at the version the reviewer saw; false otherwise. */
export async function writeDecision(trx: Tx, reviewId: string, d: DecisionWrite, personId: string, at: string): Promise<boolean> {
  const result = await runReusedResult(
    trx,
    'review-decision-write',
    (slot) =>
      trx
        .updateTable('access_review_items')
        .set((eb) => ({
          decision: slot.text('decision') as ReviewDecision,
          comment: slot.text('comment'),
          decided_by_person_id: slot.text('person'),
          decided_at: slot.text('at'),
          version: eb('version', '+', 1),
        }))
        .where('review_id', '=', slot.text('review'))
        .where('grant_id', '=', slot.text('grant'))
        .where('version', '=', slot.int('version')),
    { decision: d.decision, comment: d.comment, person: personId, at, review: reviewId, grant: d.grantId, version: d.version },
  );
  return Number(result.numAffectedRows ?? 0) === 1;
}

/**
 * Counts newly decided items in their reviewers' tallies: one statement, written with the audit chain just before
 * commit (writeWithTheChain). One reviewer's decisions at once then hold their tally row for a commit each, not
 * across their transactions, and the rows are always locked under the chain's lock, so never in different orders.
 */
export function tallyDecided(trx: Tx, reviewId: string, grantIds: readonly string[]): Promise<void> {
  if (!grantIds.length) return Promise.resolve();
  return writeWithTheChain(trx, (db) =>
    db
      .updateTable('access_review_tallies as t')
      .from(
        db
          .selectFrom('access_review_reviewers')
          .select(['reviewer_person_id', (eb) => eb.fn.countAll<number>().as('n')])
          .where('review_id', '=', reviewId)
          .where('grant_id', 'in', grantIds)
          .groupBy('reviewer_person_id')
          .as('x'),
      )
      .set((eb) => ({ decided: eb('t.decided', '+', eb.ref('x.n')) }))
      .where('t.review_id', '=', reviewId)
      .whereRef('t.reviewer_person_id', '=', 'x.reviewer_person_id'),
  );
}

/** Closes an open campaign at the version the caller saw; false when it moved (or is closed). */
export async function closeReviewRow(trx: Tx, reviewId: string, version: number, userId: string | null, at: string): Promise<boolean> {
  const result = await trx
    .updateTable('access_reviews')
    .set((eb) => ({ state: 'closed', closed_by: userId, closed_at: at, version: eb('version', '+', 1) }))
    .where('id', '=', reviewId)
    .where('version', '=', version)
    .where('state', '=', 'open')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The remove decisions not yet ordered, a page after a grant id. */
export const removalsAfter = (db: Q, reviewId: string, after: string, limit: number) =>
  db
    .selectFrom('access_review_items')
    .select(['grant_id', 'comment'])
    .where('review_id', '=', reviewId)
    .where('decision', '=', 'remove')
    .where('removal_order_id', 'is', null)
    .where('grant_id', '>', after)
    .orderBy('grant_id')
    .limit(limit)
    .execute();

/** Stores the removal orders of items (grant → order), in one statement per chunk. */
export async function setRemovalOrders(trx: Tx, reviewId: string, orders: ReadonlyArray<readonly [string, string]>): Promise<void> {
  for (let i = 0; i < orders.length; i += 400) {
    const chunk = orders.slice(i, i + 400);
    const cases = sql.join(chunk.map(([g, o]) => sql`when ${g} then ${o}`), sql` `);
    await trx
      .updateTable('access_review_items')
      .set({ removal_order_id: sql<string>`case grant_id ${cases} end` })
      .where('review_id', '=', reviewId)
      .where(
        'grant_id',
        'in',
        chunk.map(([g]) => g),
      )
      .execute();
  }
}

/** The campaign's systems, a page after a system id. */
export const systemsAfter = (db: Q, reviewId: string, after: string, limit: number) =>
  db
    .selectFrom('access_review_systems')
    .select('system_id')
    .where('review_id', '=', reviewId)
    .where('system_id', '>', after)
    .orderBy('system_id')
    .limit(limit)
    .execute();

export async function undecidedCount(db: Q, reviewId: string): Promise<number> {
  const row = await db
    .selectFrom('access_review_items')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('review_id', '=', reviewId)
    .where('decision', 'is', null)
    .executeTakeFirst();
  return toCount(row?.n);
}
