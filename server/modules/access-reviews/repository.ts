import { sql, type Expression, type SqlBool } from 'kysely';
import { reachCondition, type UnitReach } from '../../platform/access/reach.ts';
import { toCount, type Db, type Tx } from '../../platform/db/index.ts';
import { runReused } from '../../platform/db/reused.ts';
import type { AccessReviewsTable } from '../../platform/db/tables/access.ts';
import type { ReviewDecision, ReviewState } from '../../../shared/access.ts';

/**
 * The campaigns' reads (docs/ACCESS.md, "Reviews"): one campaign, the list, progress, and who sees what. Items are
 * read in items-repository.ts; creating, deciding and closing write in create-repository.ts and
 * decision-repository.ts.
 */

type Q = Db | Tx;

export type ReviewRow = AccessReviewsTable;

export const findReview = async (db: Q, id: string): Promise<ReviewRow | undefined> =>
  (await runReused<ReviewRow>(db, 'review-find', (slot) => db.selectFrom('access_reviews').selectAll().where('id', '=', slot.text('id')), { id }))[0];

/** How many of the campaign's systems are owned by a unit outside the reach. */
export async function systemsOutside(db: Q, reviewId: string, reach: UnitReach): Promise<number> {
  if (reach.all) return 0;
  const row = await db
    .selectFrom('access_review_systems as rs')
    .innerJoin('systems as s', 's.id', 'rs.system_id')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('rs.review_id', '=', reviewId)
    .where(sql<SqlBool>`not ${reachCondition(reach, 's.owning_unit_id')}`)
    .executeTakeFirst();
  return toCount(row?.n);
}

/** Does the person review any item of the campaign (their tally's key)? */
export async function isReviewer(db: Q, reviewId: string, personId: string): Promise<boolean> {
  const rows = await runReused(
    db,
    'review-is-reviewer',
    (slot) =>
      db
        .selectFrom('access_review_tallies')
        .select('items')
        .where('review_id', '=', slot.text('review'))
        .where('reviewer_person_id', '=', slot.text('person')),
    { review: reviewId, person: personId },
  );
  return rows.length > 0;
}

// ——— The list ———

export interface ReviewFilter {
  state?: ReviewState | undefined;
  userId: string;
  personId: string | null;
  /** The units the caller reads systems in: a review all of whose systems they read is theirs to see; null: none. */
  reach: UnitReach | null;
}

const listBase = (db: Q, f: ReviewFilter) => {
  let q = db.selectFrom('access_reviews as r');
  if (f.state) q = q.where('r.state', '=', f.state);
  return q.where((eb) => {
    const parts: Expression<SqlBool>[] = [eb('r.created_by', '=', f.userId)];
    if (f.personId) {
      parts.push(
        eb.exists(
          eb
            .selectFrom('access_review_tallies as vt')
            .select('vt.items')
            .where('vt.reviewer_person_id', '=', f.personId)
            .whereRef('vt.review_id', '=', 'r.id'),
        ),
      );
    }
    if (f.reach?.all) parts.push(sql<SqlBool>`1 = 1`);
    else if (f.reach) {
      parts.push(sql<SqlBool>`not exists (select 1 from access_review_systems vrs join systems vs on vs.id = vrs.system_id
        where vrs.review_id = r.id and not ${reachCondition(f.reach, 'vs.owning_unit_id')})`);
    }
    return eb.or(parts);
  });
};

export type ReviewListRow = ReviewRow & { unit_name: string | null; created_by_name: string | null; closed_by_name: string | null };

const withNames = <T extends ReturnType<typeof listBase>>(q: T) =>
  q
    .leftJoin('org_units as u', 'u.id', 'r.scope_unit_id')
    .leftJoin('users as cu', 'cu.id', 'r.created_by')
    .leftJoin('users as xu', 'xu.id', 'r.closed_by')
    .selectAll('r')
    .select(['u.name as unit_name', 'cu.name as created_by_name', 'xu.name as closed_by_name']);

/** The campaigns the caller sees, newest first (keyset: created_at, id). */
export async function listReviews(db: Q, f: ReviewFilter & { after?: { c: string; id: string } | undefined }, limit: number) {
  let q = withNames(listBase(db, f)).orderBy('r.created_at', 'desc').orderBy('r.id', 'desc').limit(limit + 1);
  if (f.after) {
    const { c, id } = f.after;
    q = q.where(sql<SqlBool>`(r.created_at, r.id) < (${c}, ${id})`);
  }
  const rows: ReviewListRow[] = await q.execute();
  return { rows: rows.slice(0, limit), hasMore: rows.length > limit };
}

export async function countReviews(db: Q, f: ReviewFilter): Promise<number> {
  const row = await listBase(db, f)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirst();
  return toCount(row?.n);
}

/** One campaign with the names it shows. */
export const findReviewNamed = (db: Q, id: string): Promise<ReviewListRow | undefined> =>
  withNames(db.selectFrom('access_reviews as r'))
    .where('r.id', '=', id)
    .executeTakeFirst();

// ——— Progress ———

export interface Progress {
  decided: number;
  keep: number;
  remove: number;
  change: number;
}

/** Decided items by decision, per campaign (the decision index: one range per campaign and decision). */
export async function progressOf(db: Q, reviewIds: readonly string[]): Promise<Map<string, Progress>> {
  const out = new Map<string, Progress>(reviewIds.map((id) => [id, { decided: 0, keep: 0, remove: 0, change: 0 }]));
  if (!reviewIds.length) return out;
  const rows = await db
    .selectFrom('access_review_items')
    .select(['review_id', 'decision', (eb) => eb.fn.countAll().as('n')])
    .where('review_id', 'in', reviewIds)
    .where('decision', 'is not', null)
    .groupBy(['review_id', 'decision'])
    .execute();
  for (const r of rows) {
    const p = out.get(r.review_id)!;
    const n = toCount(r.n);
    p[r.decision as ReviewDecision] += n;
    p.decided += n;
  }
  return out;
}

/** Systems each campaign covers. */
export async function systemCounts(db: Q, reviewIds: readonly string[]): Promise<Map<string, number>> {
  if (!reviewIds.length) return new Map();
  const rows = await db
    .selectFrom('access_review_systems')
    .select(['review_id', (eb) => eb.fn.countAll().as('n')])
    .where('review_id', 'in', reviewIds)
    .groupBy('review_id')
    .execute();
  return new Map(rows.map((r) => [r.review_id, toCount(r.n)]));
}

/** Items and decided items per reviewer (one reviewer, or all), by name: the campaign's tallies. */
export async function reviewerProgress(db: Q, reviewId: string, personId?: string) {
  let q = db
    .selectFrom('access_review_tallies as t')
    .innerJoin('people as p', 'p.id', 't.reviewer_person_id')
    .select(['t.reviewer_person_id as id', 'p.name', 't.items', 't.decided'])
    .where('t.review_id', '=', reviewId)
    .orderBy('p.name_sort')
    .orderBy('t.reviewer_person_id');
  if (personId) q = q.where('t.reviewer_person_id', '=', personId);
  return (await q.execute()).map((r) => ({ id: r.id, name: r.name, total: toCount(r.items), decided: toCount(r.decided) }));
}
