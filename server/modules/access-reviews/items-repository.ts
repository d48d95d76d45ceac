import { sql, type SqlBool } from 'kysely';
import { toCount, type Db, type Tx } from '../../platform/db/index.ts';
import { runReused, type Slots } from '../../platform/db/reused.ts';
import type { AccountType, GrantOrigin, OrderState, ReviewDecision } from '../../../shared/access.ts';
import type { ItemGroup } from './schemas.ts';

/**
 * A campaign's items, read in the order of an index (docs/ACCESS.md, "Reviews"): a reviewer's inbox walks
 * `access_review_reviewers` (by system, or by grantee, then grant); the whole campaign walks
 * `access_review_items` by system and grant. Keyset pages: a nullable key (a grantee) is walked in two segments,
 * the people first, then the accounts of no person.
 */

type Q = Db | Tx;

export interface ItemFilter {
  reviewId: string;
  /** Only the items this person reviews, walked along their index (null: the whole campaign). */
  reviewerPersonId: string | null;
  group: ItemGroup;
  decided?: boolean | undefined;
  systemId?: string | undefined;
  personId?: string | undefined;
}

/** Where a page starts: the segment (0: a key; 1: no key, i.e. no grantee), the key and the grant after which it starts. */
export interface ItemCursor {
  n: 0 | 1;
  k: string | null;
  g: string;
}

const columns = (f: ItemFilter) => {
  const mine = f.reviewerPersonId !== null;
  const key = f.group === 'system' ? (mine ? 'r.system_id' : 'i.system_id') : mine ? 'r.grantee_person_id' : 'i.person_id';
  return { key, grant: mine ? 'r.grant_id' : 'i.grant_id' };
};

/** The filtered items (no keyset, no order), as reviewer rows `r` joined to items `i`, or items `i` alone. */
function filtered(db: Q, f: ItemFilter) {
  // CROSS JOIN keeps SQLite walking the index first (a new campaign's tables have no statistics yet); PostgreSQL
  // reads it as an inner join.
  let q = f.reviewerPersonId
    ? db
        .selectFrom('access_review_reviewers as r')
        .crossJoin('access_review_items as i')
        .whereRef('i.review_id', '=', 'r.review_id')
        .whereRef('i.grant_id', '=', 'r.grant_id')
        .where('r.review_id', '=', f.reviewId)
        .where('r.reviewer_person_id', '=', f.reviewerPersonId)
    : db.selectFrom('access_review_items as i').where('i.review_id', '=', f.reviewId);
  if (f.systemId) q = q.where(f.reviewerPersonId ? 'r.system_id' : 'i.system_id', '=', f.systemId);
  if (f.personId) {
    q = f.reviewerPersonId
      ? q.where('r.grantee_person_id', '=', f.personId)
      : // The person's grants from the grants' person index, so the whole campaign is not read.
        q.where('i.person_id', '=', f.personId).where('i.grant_id', 'in', (eb) => eb.selectFrom('access_grants as pg').select('pg.id').where('pg.person_id', '=', f.personId!));
  }
  if (f.decided !== undefined) q = q.where('i.decision', f.decided ? 'is not' : 'is', null);
  return q;
}

/**
 * How many items the filter lets through. A reviewer's own items, by decision or not, are their tally; with a system
 * or a grantee they are counted on their index unless asked by decision; the whole campaign unfiltered is its items_total.
 */
export async function countItems(db: Q, f: ItemFilter, itemsTotal: number): Promise<number> {
  if (f.reviewerPersonId && !f.systemId && !f.personId) {
    const t = await db
      .selectFrom('access_review_tallies')
      .select(['items', 'decided'])
      .where('review_id', '=', f.reviewId)
      .where('reviewer_person_id', '=', f.reviewerPersonId)
      .executeTakeFirst();
    const items = toCount(t?.items);
    const decided = toCount(t?.decided);
    return f.decided === undefined ? items : f.decided ? decided : items - decided;
  }
  if (f.reviewerPersonId && f.decided === undefined) {
    let q = db.selectFrom('access_review_reviewers as r').where('r.review_id', '=', f.reviewId).where('r.reviewer_person_id', '=', f.reviewerPersonId);
    if (f.systemId) q = q.where('r.system_id', '=', f.systemId);
    if (f.personId) q = q.where('r.grantee_person_id', '=', f.personId);
    return toCount((await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n);
  }
  if (!f.reviewerPersonId && f.decided === undefined && !f.systemId && !f.personId) return itemsTotal;
  const row = await filtered(db, f)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirst();
  return toCount(row?.n);
}

export interface ItemRow {
  k: string | null;
  grant_id: string;
  system_id: string;
  register_no: number;
  system_name: string;
  person_id: string | null;
  person_name: string | null;
  username: string;
  account_type: AccountType;
  role_name: string;
  privileged: number;
  valid_from: string;
  origin: GrantOrigin;
  grant_ended_at: string | null;
  decision: ReviewDecision | null;
  comment: string | null;
  decided_by_person_id: string | null;
  decided_by_name: string | null;
  decided_at: string | null;
  removal_order_id: string | null;
  order_state: OrderState | null;
  order_executed_at: string | null;
  order_confirmed_at: string | null;
  version: number;
}

/** One segment of a page: the rows after the cursor, in index order (compiled once per shape: see platform/db/reused.ts). */
async function segment(db: Q, f: ItemFilter, n: 0 | 1, after: { k: string | null; g: string } | undefined, limit: number): Promise<ItemRow[]> {
  const shape = `review-items:${f.group}:${f.reviewerPersonId !== null}:${f.decided}:${!!f.systemId}:${!!f.personId}:${n}:${!!after}`;
  const values = { reviewId: f.reviewId, reviewer: f.reviewerPersonId, systemId: f.systemId, personId: f.personId, k: after?.k, g: after?.g, limit };
  return runReused<ItemRow>(db, shape, (slot) => segmentQuery(db, f, n, after, slot), values);
}

function segmentQuery(db: Q, f: ItemFilter, n: 0 | 1, after: { k: string | null; g: string } | undefined, slot: Slots) {
  const { key, grant } = columns(f);
  const k = sql.ref(key);
  const g = sql.ref(grant);
  const stand: ItemFilter = {
    ...f,
    reviewId: slot.text('reviewId'),
    reviewerPersonId: f.reviewerPersonId === null ? null : slot.text('reviewer'),
    systemId: f.systemId ? slot.text('systemId') : undefined,
    personId: f.personId ? slot.text('personId') : undefined,
  };
  let q = filtered(db, stand)
    .crossJoin('access_grants as ag')
    .crossJoin('systems as s')
    .crossJoin('access_accounts as a')
    .crossJoin('access_roles as ar')
    .whereRef('ag.id', '=', 'i.grant_id')
    .whereRef('s.id', '=', 'i.system_id')
    .whereRef('a.id', '=', 'i.account_id')
    .whereRef('ar.id', '=', 'i.access_role_id')
    .leftJoin('people as p', 'p.id', 'i.person_id')
    .leftJoin('people as dp', 'dp.id', 'i.decided_by_person_id')
    .leftJoin('access_orders as o', 'o.id', 'i.removal_order_id')
    .select([
      sql<string | null>`${k}`.as('k'),
      'i.grant_id', 'i.system_id', 's.register_no', 's.name as system_name', 'i.person_id', 'p.name as person_name', 'a.username',
      'a.type as account_type', 'ar.name as role_name', 'i.privileged', 'ag.valid_from', 'ag.origin', 'ag.ended_at as grant_ended_at',
      'i.decision', 'i.comment', 'i.decided_by_person_id', 'dp.name as decided_by_name', 'i.decided_at', 'i.removal_order_id',
      'o.state as order_state', 'o.executed_at as order_executed_at', 'o.confirmed_at as order_confirmed_at', 'i.version',
    ]);
  if (n === 0) {
    q = q.where(sql<SqlBool>`${k} is not null`).orderBy(k).orderBy(g);
    // A row value, so both databases seek the index to it (an OR of the two parts makes SQLite scan from the start).
    if (after) q = q.where(sql<SqlBool>`(${k}, ${g}) > (${slot.text('k')}, ${slot.text('g')})`);
  } else {
    q = q.where(sql<SqlBool>`${k} is null`).orderBy(g);
    if (after) q = q.where(sql<SqlBool>`${g} > ${slot.text('g')}`);
  }
  // The page's size stays a parameter (a stand-in, so not written into the text by platform/db/pg-compiler.ts): with it
  // in the text PostgreSQL kept a generic plan for every reviewer and campaign, and a reviewer of 5,000 items got
  // 31 req/s where planning each call gives 300 (docs/PERFORMANCE.md, "Fifth round").
  return q.limit(slot.int('limit'));
}

/**
 * A page of items after the cursor, and the cursor of the next page (null: none). A key that is never null (a
 * system) has one segment; a grantee has two.
 */
export async function itemPage(db: Q, f: ItemFilter, after: ItemCursor | undefined, limit: number): Promise<{ rows: ItemRow[]; next: ItemCursor | null }> {
  const nullable = f.group === 'person';
  let rows: ItemRow[] = [];
  if (!after || after.n === 0) rows = await segment(db, f, 0, after, limit + 1);
  if (nullable && rows.length <= limit) {
    rows = rows.concat(await segment(db, f, 1, after?.n === 1 ? after : undefined, limit + 1 - rows.length));
  }
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const next: ItemCursor | null = rows.length > limit && last ? { n: last.k === null ? 1 : 0, k: last.k, g: last.grant_id } : null;
  return { rows: page, next };
}

/** The reviewers' names of some items, by grant. */
export async function reviewerNames(db: Q, reviewId: string, grantIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (!grantIds.length) return out;
  const rows = await db
    .selectFrom('access_review_reviewers as r')
    .innerJoin('people as p', 'p.id', 'r.reviewer_person_id')
    .select(['r.grant_id', 'p.name'])
    .where('r.review_id', '=', reviewId)
    .where('r.grant_id', 'in', grantIds)
    .orderBy('p.name_sort')
    .execute();
  for (const r of rows) out.set(r.grant_id, [...(out.get(r.grant_id) ?? []), r.name]);
  return out;
}
