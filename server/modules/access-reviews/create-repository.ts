import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { reachCondition, type UnitReach } from '../../platform/access/reach.ts';
import { toCount, type Db, type Dialect, type Tx } from '../../platform/db/index.ts';
import { currentOn } from '../../platform/db/validity.ts';
import type { ReviewScope } from '../../../shared/access.ts';

/**
 * Starting a campaign, set-based (docs/ACCESS.md, "Reviews"): the scope's systems, a copy of their current grants
 * and the reviewers of each, each step one INSERT … SELECT over a slice of the scope's systems. No row passes
 * through JavaScript. Reviewers are people holding a role today who are active; nobody reviews their own grant.
 * Reviewer rows are inserted in the order of the reviewer's index (reviewer, then system or grantee, then grant), so
 * each slice writes the indexes a reviewer's range at a time instead of all over them (a third less time at 1M).
 */

type Q = Db | Tx;

/** SQLite's page cache while a campaign is made (KiB): the reviewers' four indexes of a million-grant campaign. */
const LARGE_CACHE_KIB = 256 * 1024;

/**
 * Runs the copy with a larger SQLite page cache on the writing connection, then gives it back. A campaign of a
 * million grants writes three million index rows; with the default 2 MiB cache most of its pages leave the cache
 * (into the WAL) before they fill, which costs a third of the time at that size. PostgreSQL: as it is.
 */
export async function withLargeCache<T>(trx: Tx, dialect: Dialect, fn: () => Promise<T>): Promise<T> {
  if (dialect !== 'sqlite') return fn();
  const before = (await sql<{ cache_size: number }>`pragma cache_size`.execute(trx)).rows[0]?.cache_size ?? -2000;
  if (before < 0 && -before >= LARGE_CACHE_KIB) return fn();
  await sql.raw(`pragma cache_size = -${LARGE_CACHE_KIB}`).execute(trx);
  try {
    return await fn();
  } finally {
    await sql.raw(`pragma cache_size = ${Number(before)}`).execute(trx);
  }
}

/** What a scope is, in SQL over systems aliased `s`: chosen systems, or those owned within a unit's subtree. */
export type ScopeSpec = { scope: 'systems'; systemIds: readonly string[] } | { scope: 'unit'; unitId: string };

const inScope = (s: ScopeSpec): RawBuilder<SqlBool> =>
  s.scope === 'systems'
    ? sql<SqlBool>`s.id in (${sql.join(s.systemIds)})`
    : sql<SqlBool>`s.owning_unit_id in (select sc.descendant_id from org_unit_closure sc where sc.ancestor_id = ${s.unitId})`;

/** The scope's systems: how many exist, how many are live (not retired), how many of those the reach misses. */
export async function scopeCounts(db: Q, s: ScopeSpec, reach: UnitReach): Promise<{ found: number; live: number; outside: number }> {
  const row = await db
    .selectFrom('systems as s')
    .select([
      (eb) => eb.fn.countAll().as('found'),
      sql<number>`sum(case when s.lifecycle <> 'retired' then 1 else 0 end)`.as('live'),
      sql<number>`sum(case when s.lifecycle <> 'retired' and not ${reachCondition(reach, 's.owning_unit_id')} then 1 else 0 end)`.as('outside'),
    ])
    .where(inScope(s))
    .executeTakeFirst();
  return { found: toCount(row?.found), live: toCount(row?.live), outside: toCount(row?.outside) };
}

/** Whether the unit exists, and whether the reach covers it. */
export async function unitInReach(db: Q, unitId: string, reach: UnitReach): Promise<{ exists: boolean; reached: boolean }> {
  const row = await db
    .selectFrom('org_units as u')
    .select(sql<number>`case when ${reachCondition(reach, 'u.id')} then 1 else 0 end`.as('reached'))
    .where('u.id', '=', unitId)
    .executeTakeFirst();
  return { exists: row !== undefined, reached: toCount(row?.reached) === 1 };
}

export interface NewReview {
  id: string;
  name: string;
  scope: ReviewScope;
  scopeUnitId: string | null;
  dueOn: string;
  createdBy: string | null;
  at: string;
}

export async function insertReview(trx: Tx, r: NewReview): Promise<void> {
  await trx
    .insertInto('access_reviews')
    .values({
      id: r.id,
      name: r.name,
      scope: r.scope,
      scope_unit_id: r.scopeUnitId,
      due_on: r.dueOn,
      state: 'open',
      created_by: r.createdBy,
      created_at: r.at,
      closed_by: null,
      closed_at: null,
      items_total: 0,
      reminded_on: null,
      escalated_on: null,
      version: 1,
    })
    .execute();
}

/** The scope's live systems become the campaign's systems. */
export async function insertScopeSystems(trx: Tx, reviewId: string, s: ScopeSpec): Promise<void> {
  await trx
    .insertInto('access_review_systems')
    .columns(['review_id', 'system_id'])
    .expression(sql`select cast(${reviewId} as text), s.id from systems s where ${inScope(s)} and s.lifecycle <> 'retired'`)
    .execute();
}

/** The campaign's systems with their current grants, in id order (to cut the work into slices). */
export async function grantCounts(db: Q, reviewId: string): Promise<Array<{ systemId: string; grants: number }>> {
  const rows = await db
    .selectFrom('access_review_systems as rs')
    .select(['rs.system_id', sql<number>`(select count(*) from access_grants g where g.system_id = rs.system_id and g.ended_at is null)`.as('n')])
    .where('rs.review_id', '=', reviewId)
    .orderBy('rs.system_id')
    .execute();
  return rows.map((r) => ({ systemId: r.system_id, grants: toCount(r.n) }));
}

const ids = (systemIds: readonly string[]) => sql.join(systemIds);

/** Copies the current grants of a slice of systems into the campaign's items. */
export async function copyItems(trx: Tx, reviewId: string, systemIds: readonly string[]): Promise<void> {
  await trx
    .insertInto('access_review_items')
    .columns(['review_id', 'grant_id', 'system_id', 'account_id', 'access_role_id', 'person_id', 'privileged'])
    .expression(
      sql`select cast(${reviewId} as text), g.id, g.system_id, g.account_id, g.access_role_id, g.person_id, ar.privileged
        from access_grants g join access_roles ar on ar.id = g.access_role_id
        where g.system_id in (${ids(systemIds)}) and g.ended_at is null`,
    )
    .execute();
}

const REVIEWER_COLUMNS = ['review_id', 'grant_id', 'reviewer_person_id', 'role_key', 'system_id', 'grantee_person_id'] as const;

/** Current holders (active people) of roles on a slice of systems, as a CTE `h(system_id, person_id, role_key)`. */
export const systemHolders = (roles: readonly string[], systemIds: readonly string[], today: string) => sql`h as materialized (
  select ra.subject_id as system_id, ra.principal_id as person_id, ra.role_key
  from role_assignments ra join people hp on hp.id = ra.principal_id
  where ra.subject_kind = 'system' and ra.subject_id in (${ids(systemIds)}) and ra.role_key in (${sql.join(roles)})
    and ra.principal_kind = 'person' and ${currentOn(today, 'ra')} and hp.status = 'active')`;

/** The holders of a role on the system review its grants (systemförvaltare). */
export async function addSystemReviewers(trx: Tx, reviewId: string, systemIds: readonly string[], role: string, today: string): Promise<void> {
  await trx
    .insertInto('access_review_reviewers')
    .columns(REVIEWER_COLUMNS)
    .expression(
      sql`with ${systemHolders([role], systemIds, today)}
        select i.review_id, i.grant_id, h.person_id, h.role_key, i.system_id, i.person_id
        from h cross join access_review_items i
        where i.review_id = ${reviewId} and i.system_id = h.system_id and (i.person_id is null or i.person_id <> h.person_id)
        order by 3, 5, 2`,
    )
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** Current holders (active people) of a role on units, as a CTE `unit_role(unit_id, person_id)`. */
const unitRole = (role: string, today: string) => sql`unit_role as materialized (
  select ra.subject_id as unit_id, ra.principal_id as person_id
  from role_assignments ra join people hp on hp.id = ra.principal_id
  where ra.subject_kind = 'unit' and ra.role_key = ${role} and ra.principal_kind = 'person' and ${currentOn(today, 'ra')}
    and hp.status = 'active')`;

/**
 * The holders of a role on the grantee's home unit, or on the nearest unit above it that has one (the chef), review
 * the grants of a slice of systems. Worked out per unit (a few thousand), then joined to the items.
 */
export async function addUnitReviewers(trx: Tx, reviewId: string, systemIds: readonly string[], role: string, today: string): Promise<void> {
  await trx
    .insertInto('access_review_reviewers')
    .columns(REVIEWER_COLUMNS)
    .expression(
      sql`with ${unitRole(role, today)},
        nearest as materialized (
          select c.descendant_id as unit_id, min(c.depth) as depth from org_unit_closure c
          where c.ancestor_id in (select unit_id from unit_role) group by c.descendant_id),
        unit_holder as materialized (
          select n.unit_id, ur.person_id from nearest n
          join org_unit_closure c on c.descendant_id = n.unit_id and c.depth = n.depth
          join unit_role ur on ur.unit_id = c.ancestor_id)
        select i.review_id, i.grant_id, uh.person_id, cast(${role} as text), i.system_id, i.person_id
        from access_review_items i
        join people p on p.id = i.person_id
        join unit_holder uh on uh.unit_id = p.home_unit_id
        where i.review_id = ${reviewId} and i.system_id in (${ids(systemIds)}) and uh.person_id <> i.person_id
        order by 3, 6, 2`,
    )
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/**
 * A holder of the role whose own grant found no other holder at the nearest unit (a chef's own access) is reviewed
 * by the holder of the nearest unit above with someone else, in a slice of systems. Only the holders' own grants are looked at.
 */
export async function addUnitReviewersAbove(trx: Tx, reviewId: string, systemIds: readonly string[], role: string, today: string): Promise<void> {
  await trx
    .insertInto('access_review_reviewers')
    .columns(REVIEWER_COLUMNS)
    .expression(
      sql`with ${unitRole(role, today)},
        own as materialized (
          select i.review_id, i.grant_id, i.system_id, i.person_id, p.home_unit_id
          from access_review_items i
          join people p on p.id = i.person_id
          where i.review_id = ${reviewId} and i.system_id in (${ids(systemIds)}) and i.person_id in (select person_id from unit_role)
            and not exists (select 1 from access_review_reviewers x where x.review_id = i.review_id and x.grant_id = i.grant_id
              and x.role_key = ${role})),
        best as materialized (
          select o.grant_id, min(c.depth) as depth from own o
          join org_unit_closure c on c.descendant_id = o.home_unit_id
          join unit_role ur on ur.unit_id = c.ancestor_id and ur.person_id <> o.person_id
          group by o.grant_id)
        select o.review_id, o.grant_id, ur.person_id, cast(${role} as text), o.system_id, o.person_id
        from own o join best b on b.grant_id = o.grant_id
        join org_unit_closure c on c.descendant_id = o.home_unit_id and c.depth = b.depth
        join unit_role ur on ur.unit_id = c.ancestor_id and ur.person_id <> o.person_id
        where 1 = 1`,
    )
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** Items of a slice of systems that found no reviewer go to the holders of the escalation roles on the system. */
export async function addEscalationReviewers(trx: Tx, reviewId: string, systemIds: readonly string[], roles: readonly string[], today: string): Promise<void> {
  if (!roles.length) return;
  await trx
    .insertInto('access_review_reviewers')
    .columns(REVIEWER_COLUMNS)
    .expression(
      sql`with ${systemHolders(roles, systemIds, today)}
        select i.review_id, i.grant_id, h.person_id, h.role_key, i.system_id, i.person_id
        from h cross join access_review_items i
        where i.review_id = ${reviewId} and i.system_id = h.system_id and (i.person_id is null or i.person_id <> h.person_id)
          and not exists (select 1 from access_review_reviewers x where x.review_id = i.review_id and x.grant_id = i.grant_id)`,
    )
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/**
 * What the campaign holds once made: items, reviewers (their tallies, written here: a reviewer's items, none
 * decided), items nobody reviews. Sets its items_total.
 */
export async function finishCounts(trx: Tx, reviewId: string): Promise<{ items: number; reviewers: number; unassigned: number }> {
  // Along the reviewers' inbox index (review, reviewer, …): one pass, already grouped.
  await trx
    .insertInto('access_review_tallies')
    .columns(['review_id', 'reviewer_person_id', 'items', 'decided'])
    .expression(
      sql`select r.review_id, r.reviewer_person_id, count(*), 0 from access_review_reviewers r
        where r.review_id = ${reviewId} group by r.review_id, r.reviewer_person_id`,
    )
    .execute();
  const items = toCount(
    (await trx.selectFrom('access_review_items').select((eb) => eb.fn.countAll().as('n')).where('review_id', '=', reviewId).executeTakeFirst())?.n,
  );
  const reviewers = toCount(
    (await trx.selectFrom('access_review_tallies').select((eb) => eb.fn.countAll().as('n')).where('review_id', '=', reviewId).executeTakeFirst())?.n,
  );
  // Items with a reviewer, counted along the reviewers' key (review, grant, reviewer) rather than probed one by one.
  const reviewed = toCount(
    (
      await trx
        .selectFrom('access_review_reviewers')
        .select(sql<number>`count(distinct grant_id)`.as('n'))
        .where('review_id', '=', reviewId)
        .executeTakeFirst()
    )?.n,
  );
  const unassigned = items - reviewed;
  await trx.updateTable('access_reviews').set({ items_total: items }).where('id', '=', reviewId).execute();
  return { items, reviewers, unassigned };
}
