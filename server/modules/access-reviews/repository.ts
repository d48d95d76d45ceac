import { sql, type Expression, type SqlBool } from 'kysely';
import { reachCondition, type UnitReach } from '../../platform/access/reach.ts';
import { toCount, type Db, type Tx } from '../../platform/db/index.ts';
import type { AccessReviewsTable } from '../../platform/db/tables/access.ts';
import type { ReviewDecision, ReviewState } from '../../../shared/access.ts';

/**
 * The campaigns' reads (docs/ACCESS.md, "Reviews"): one campaign, the list, progress, and who sees what. Items are
 * read in items-repository.ts; creating, deciding and closing write in create-repository.ts and
 * decision-repository.ts.
 */

type Q = Db | Tx;

export type ReviewRow = AccessReviewsTable;

export const findReview = (db: Q, id: string): Promise<ReviewRow | undefined> =>
  db.selectFrom('access_reviews').selectAll().where('id', '=', id).executeTakeFirst();

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

/** Does the person review any item of the campaign (one index probe)? */
export async function isReviewer(db: Q, reviewId: string, personId: string): Promise<boolean> {
  const row = await db
    .selectFrom('access_review_reviewers')
    .select('grant_id')
    .where('reviewer_person_id', '=', personId)
    .where('review_id', '=', reviewId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
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
            .selectFrom('access_review_reviewers as vr')
            .select('vr.grant_id')
            .where('vr.reviewer_person_id', '=', f.personId)
            .whereRef('vr.review_id', '=', 'r.id'),
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

/**
 * Items and decided items per reviewer (one reviewer, or all), by name. Totals come from the reviewers' index
 * alone; decided ones from whichever side is smaller: the decided items of the campaign (`decided`), probing their
 * reviewers, or the reviewer's own items.
 */
export async function reviewerProgress(db: Q, reviewId: string, decided: number, personId?: string) {
  let totals = db
    .selectFrom('access_review_reviewers')
    .select(['reviewer_person_id', (eb) => eb.fn.countAll().as('n')])
    .where('review_id', '=', reviewId)
    .groupBy('reviewer_person_id');
  if (personId) totals = totals.where('reviewer_person_id', '=', personId);
  const rows = await totals.execute();
  if (!rows.length) return [];
  const done = new Map<string, number>();
  if (decided > 0) {
    const fromItems = !personId || decided < toCount(rows[0]!.n);
    // CROSS JOIN fixes the side SQLite starts from (PostgreSQL reads it as an inner join).
    const q = fromItems
      ? db
          .selectFrom('access_review_items as i')
          .crossJoin('access_review_reviewers as r')
          .where('i.review_id', '=', reviewId)
          .where('i.decision', 'is not', null)
          .whereRef('r.review_id', '=', 'i.review_id')
          .whereRef('r.grant_id', '=', 'i.grant_id')
      : db
          .selectFrom('access_review_reviewers as r')
          .crossJoin('access_review_items as i')
          .where('r.review_id', '=', reviewId)
          .whereRef('i.review_id', '=', 'r.review_id')
          .whereRef('i.grant_id', '=', 'r.grant_id')
          .where('i.decision', 'is not', null);
    const counted = await (personId ? q.where('r.reviewer_person_id', '=', personId) : q)
      .select(['r.reviewer_person_id', (eb) => eb.fn.countAll().as('n')])
      .groupBy('r.reviewer_person_id')
      .execute();
    for (const c of counted) done.set(c.reviewer_person_id, toCount(c.n));
  }
  const people = new Map<string, { name: string; name_sort: string }>();
  const ids = rows.map((r) => r.reviewer_person_id);
  for (let i = 0; i < ids.length; i += 500) {
    const found = await db.selectFrom('people').select(['id', 'name', 'name_sort']).where('id', 'in', ids.slice(i, i + 500)).execute();
    for (const p of found) people.set(p.id, p);
  }
  return rows
    .map((r) => ({
      id: r.reviewer_person_id,
      name: people.get(r.reviewer_person_id)?.name ?? '',
      sort: people.get(r.reviewer_person_id)?.name_sort ?? '',
      total: toCount(r.n),
      decided: done.get(r.reviewer_person_id) ?? 0,
    }))
    .sort((a, b) => (a.sort < b.sort ? -1 : a.sort > b.sort ? 1 : 0));
}
