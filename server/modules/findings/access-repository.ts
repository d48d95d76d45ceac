import { sql } from 'kysely';
import { toCount, type Db, type Tx } from '../../platform/db/index.ts';
import type { SystemAccessFact, WaitingOrderFact } from '../../policy/access-checks.ts';
import type { Scope } from './repository.ts';

/**
 * What the access checks read (docs/ACCESS.md, "Findings"), for the systems in scope, each query grouped by system
 * so a full refresh reads every table once. Read only: the access modules own these tables.
 */

type Q = Db | Tx;
type AccessData = Omit<SystemAccessFact, 'system' | 'lifecycle'>;

const within = (ids: Scope, column: string) => (ids === 'all' ? sql`1 = 1` : sql`${sql.ref(column)} in (${sql.join(ids.length ? ids : [''])})`);

const empty = (): AccessData => ({
  currentGrants: 0,
  anyPrivileged: false,
  oldestGrantOn: null,
  lastReviewedOn: null,
  leftPeople: [],
  unmatchedAccounts: 0,
  privilegedWithoutOrder: 0,
  waitingOrders: [],
});

/** The access facts of the systems in scope that have any; a system missing from the map has no access recorded. */
export async function loadAccessFacts(db: Q, ids: Scope): Promise<Map<string, AccessData>> {
  const out = new Map<string, AccessData>();
  const of = (id: string): AccessData => {
    let d = out.get(id);
    if (!d) out.set(id, (d = empty()));
    return d;
  };

  const grants = await sql<{ system_id: string; n: number | string; privileged: number | string | null; oldest: string; unordered: number | string }>`
    select g.system_id, count(*) as n, max(r.privileged) as privileged, min(g.valid_from) as oldest,
      sum(case when r.privileged = 1 and g.order_id is null then 1 else 0 end) as unordered
    from access_grants g join access_roles r on r.id = g.access_role_id
    where g.ended_at is null and ${within(ids, 'g.system_id')}
    group by g.system_id`.execute(db);
  for (const r of grants.rows) {
    const d = of(r.system_id);
    d.currentGrants = toCount(r.n);
    d.anyPrivileged = toCount(r.privileged) === 1;
    d.oldestGrantOn = r.oldest.slice(0, 10);
    d.privilegedWithoutOrder = toCount(r.unordered);
  }

  const left = await sql<{ system_id: string; person_id: string; name: string; left_at: string | null; n: number | string }>`
    select g.system_id, g.person_id, p.name, p.left_at, count(*) as n
    from access_grants g join people p on p.id = g.person_id
    where g.ended_at is null and p.status = 'left' and ${within(ids, 'g.system_id')}
    group by g.system_id, g.person_id, p.name, p.left_at`.execute(db);
  for (const r of left.rows) {
    of(r.system_id).leftPeople.push({ personId: r.person_id, name: r.name, grants: toCount(r.n), leftOn: r.left_at?.slice(0, 10) ?? null });
  }

  const unmatched = await sql<{ system_id: string; n: number | string }>`
    select a.system_id, count(*) as n from access_accounts a
    where a.person_id is null and a.type = 'personal' and a.status = 'active' and ${within(ids, 'a.system_id')}
    group by a.system_id`.execute(db);
  for (const r of unmatched.rows) of(r.system_id).unmatchedAccounts = toCount(r.n);

  // A system is reviewed by a closed review that decided every one of its items.
  const reviewed = await sql<{ system_id: string; closed: string }>`
    select rs.system_id, max(rv.closed_at) as closed
    from access_review_systems rs join access_reviews rv on rv.id = rs.review_id
    where rv.state = 'closed' and ${within(ids, 'rs.system_id')}
      and not exists (select 1 from access_review_items i where i.review_id = rs.review_id and i.system_id = rs.system_id and i.decision is null)
    group by rs.system_id`.execute(db);
  for (const r of reviewed.rows) of(r.system_id).lastReviewedOn = r.closed.slice(0, 10);

  const waiting = await sql<{ id: string; system_id: string; kind: WaitingOrderFact['kind']; since: string; person: string | null; role: string }>`
    select o.id, o.system_id, o.kind, coalesce(o.decided_at, o.ordered_at) as since, p.name as person, r.name as role
    from access_orders o join access_roles r on r.id = o.access_role_id left join people p on p.id = o.person_id
    where o.state = 'awaiting_execution' and ${within(ids, 'o.system_id')}`.execute(db);
  for (const r of waiting.rows) {
    of(r.system_id).waitingOrders.push({ id: r.id, kind: r.kind, waitingSince: r.since.slice(0, 10), personName: r.person, roleName: r.role });
  }
  return out;
}
