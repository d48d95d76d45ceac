import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { reachCondition, type UnitReach } from '../../platform/access/reach.ts';
import { toCount, type Db, type Tx } from '../../platform/db/index.ts';
import type { AccessOrdersTable } from '../../platform/db/tables/access.ts';
import { currentOn } from '../../platform/db/validity.ts';
import type { OrderState } from '../../../shared/access.ts';
import { systemVisibleCondition, type SystemVisibility } from '../systems/index.ts';
import type { OrderRole } from './schemas.ts';

/**
 * The orders' SQL (docs/ACCESS.md): `access_orders` is written only here and in removals-repository.ts. An order is
 * read with what the caller may do with it, decided in the same query (no list of ids, one index range per filter).
 */

type Q = Db | Tx;

/** Who reads: the caller's person, their reach and the pack's roles, so one query says what they may do per order. */
export interface Viewer {
  personId: string | null;
  today: string;
  visibility: SystemVisibility;
  approvers: readonly string[];
  executors: readonly string[];
  administrators: readonly string[];
  /** The caller's person works in the IT unit (or below it) and the pack lets the IT unit execute. */
  itUnit: boolean;
  /** Where the caller's app administrator grants reach. */
  adminReach: UnitReach;
}

const NEVER = sql<SqlBool>`1 = 0`;

/** The viewer holds one of the roles today on the order's system (or, with `above`, on its owning unit or a unit above it). */
function holds(v: Viewer, roles: readonly string[], above: boolean, alias: string): RawBuilder<SqlBool> {
  if (!v.personId || !roles.length) return NEVER;
  const ra = sql.raw(alias);
  const onUnit = above
    ? sql` or (${ra}.subject_kind = 'unit' and exists (select 1 from org_unit_closure ${sql.raw(`${alias}_cl`)}
        where ${sql.raw(`${alias}_cl`)}.ancestor_id = ${ra}.subject_id and ${sql.raw(`${alias}_cl`)}.descendant_id = s.owning_unit_id))`
    : sql``;
  return sql<SqlBool>`exists (select 1 from role_assignments ${ra} where ${ra}.principal_kind = 'person' and ${ra}.principal_id = ${v.personId}
    and ${ra}.role_key in (${sql.join(roles)}) and ${currentOn(v.today, alias)}
    and ((${ra}.subject_kind = 'system' and ${ra}.subject_id = o.system_id)${onUnit}))`;
}

const mayApprove = (v: Viewer) => holds(v, v.approvers, true, 'ra_ap');
const mayExecute = (v: Viewer) => (!v.personId ? NEVER : v.itUnit ? sql<SqlBool>`1 = 1` : holds(v, v.executors, false, 'ra_ex'));
const isAdmin = (v: Viewer) => sql<SqlBool>`(${reachCondition(v.adminReach, 's.owning_unit_id')} or ${reachCondition(v.adminReach, 'p.home_unit_id')})`;
const isReviewer = (v: Viewer) =>
  v.personId
    ? sql<SqlBool>`(o.review_id is not null and exists (select 1 from access_review_reviewers rr where rr.review_id = o.review_id
        and rr.grant_id = o.grant_id and rr.reviewer_person_id = ${v.personId}))`
    : NEVER;
const flag = (cond: RawBuilder<SqlBool>) => sql<number>`case when ${cond} then 1 else 0 end`;

/**
 * Besides readers of the system, the caller sees the orders they made or took a step on, those waiting for their
 * approval, those that reached execution where they execute (the IT unit executes on every system: it sees the
 * execution queue and what was done, not every order), and a removal they may confirm as a reviewer of its review.
 */
function concerned(v: Viewer): RawBuilder<SqlBool> {
  if (!v.personId) return NEVER;
  const me = v.personId;
  return sql<SqlBool>`(o.ordered_by_person_id = ${me} or o.decided_by_person_id = ${me} or o.executed_by_person_id = ${me}
    or (o.state = 'awaiting_approval' and ${mayApprove(v)}) or (o.state in ('awaiting_execution', 'done') and ${mayExecute(v)}) or ${isReviewer(v)})`;
}

/** Orders with their system, access role, people and what the viewer may do, not yet filtered by visibility. */
function withFacts(db: Q, v: Viewer) {
  return db
    .selectFrom('access_orders as o')
    .innerJoin('systems as s', 's.id', 'o.system_id')
    .innerJoin('access_roles as r', 'r.id', 'o.access_role_id')
    .leftJoin('people as p', 'p.id', 'o.person_id')
    .leftJoin('access_accounts as a', 'a.id', 'o.account_id')
    .leftJoin('people as po', 'po.id', 'o.ordered_by_person_id')
    .leftJoin('people as pd', 'pd.id', 'o.decided_by_person_id')
    .leftJoin('people as pe', 'pe.id', 'o.executed_by_person_id')
    .leftJoin('people as pc', 'pc.id', 'o.confirmed_by_person_id')
    .leftJoin('users as uc', 'uc.id', 'o.cancelled_by_user_id')
    .selectAll('o')
    .select([
      's.register_no', 's.name as system_name', 's.owning_unit_id', 'r.name as role_name', 'r.privileged', 'r.status as role_status',
      'p.name as person_name', 'p.home_unit_id as person_unit_id', 'p.email as person_email', 'a.username',
      'po.name as orderer_name', 'pd.name as decider_name', 'pe.name as executor_name', 'pc.name as confirmer_name', 'uc.name as canceller_name',
    ])
    .select([
      flag(mayApprove(v)).as('may_approve'),
      flag(mayExecute(v)).as('may_execute'),
      flag(isAdmin(v)).as('is_admin'),
      flag(holds(v, v.administrators, false, 'ra_ad')).as('is_access_admin'),
      flag(isReviewer(v)).as('is_reviewer'),
    ]);
}

export type OrderRow = Awaited<ReturnType<ReturnType<typeof withFacts>['executeTakeFirstOrThrow']>>;

/** The orders the viewer sees (docs/ACCESS.md: a system the caller cannot read is 404, unless the order is theirs to act on). */
const visibleTo = (db: Q, v: Viewer) => withFacts(db, v).where((eb) => eb.or([systemVisibleCondition(eb as never, v.visibility), concerned(v)]));

/** One order as the viewer may see it; undefined when it does not exist or they may not see it (404 either way). */
export const findOrderFor = (db: Q, v: Viewer, id: string): Promise<OrderRow | undefined> =>
  visibleTo(db, v).where('o.id', '=', id).executeTakeFirst();

export interface OrderFilter {
  viewer: Viewer;
  state?: OrderState | undefined;
  role?: OrderRole | undefined;
  systemId?: string | undefined;
  personId?: string | undefined;
  /** The orderer and the grantee may not execute (forbidSelfExecution): not in their "to execute" list. */
  forbidSelf: boolean;
  after?: { o: string; id: string } | undefined;
}

function filtered(db: Q, f: Omit<OrderFilter, 'after'>) {
  const v = f.viewer;
  let q = visibleTo(db, v);
  if (f.state) q = q.where('o.state', '=', f.state);
  if (f.systemId) q = q.where('o.system_id', '=', f.systemId);
  if (f.personId) q = q.where('o.person_id', '=', f.personId);
  if (f.role === 'orderer') q = q.where('o.ordered_by_person_id', '=', v.personId ?? '');
  if (f.role === 'approver') q = q.where('o.state', '=', 'awaiting_approval').where(mayApprove(v));
  if (f.role === 'executor') {
    q = q.where('o.state', '=', 'awaiting_execution').where(mayExecute(v));
    if (f.forbidSelf && v.personId) {
      const me = v.personId;
      q = q.where((eb) => eb.or([eb('o.ordered_by_person_id', 'is', null), eb('o.ordered_by_person_id', '!=', me)]));
      q = q.where((eb) => eb.or([eb('o.person_id', 'is', null), eb('o.person_id', '!=', me)]));
    }
  }
  return q;
}

/** Newest first: keyset on (ordered_at desc, id desc). */
export async function listOrders(db: Q, f: OrderFilter, limit: number) {
  let q = filtered(db, f).orderBy('o.ordered_at', 'desc').orderBy('o.id', 'desc').limit(limit + 1);
  if (f.after) {
    const { o, id } = f.after;
    q = q.where(sql<SqlBool>`(o.ordered_at < ${o} or (o.ordered_at = ${o} and o.id < ${id}))`);
  }
  const rows = await q.execute();
  return { rows: rows.slice(0, limit), hasMore: rows.length > limit };
}

export async function countOrders(db: Q, f: Omit<OrderFilter, 'after'>): Promise<number> {
  const row = await filtered(db, f)
    .clearSelect()
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirst();
  return toCount(row?.n as string | number | undefined);
}

// ——— Writes ———

export type NewOrder = AccessOrdersTable;

export async function insertOrder(trx: Tx, row: NewOrder): Promise<void> {
  await trx.insertInto('access_orders').values(row).execute();
}

export type OrderChange = Partial<
  Pick<
    AccessOrdersTable,
    | 'state' | 'decided_by_person_id' | 'decided_at' | 'decision_comment' | 'executed_by_person_id' | 'executed_by_user_id' | 'executed_at'
    | 'ticket_ref' | 'confirmed_by_person_id' | 'confirmed_at' | 'cancelled_by_user_id' | 'cancelled_at' | 'grant_id' | 'account_id'
  >
>;

/**
 * Changes an order in one of the states given, at the version the caller saw; false when it changed meanwhile (the
 * row is then untouched). The first write of an action, so a second concurrent action waits for it and finds nothing.
 */
export async function updateOrderAt(trx: Tx, id: string, version: number, from: readonly OrderState[], set: OrderChange, at: string): Promise<boolean> {
  const res = await trx
    .updateTable('access_orders')
    .set({ ...set, updated_at: at, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('state', 'in', from)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Sets what an execution learnt (the account and the grant) on an order this transaction already holds. */
export async function setOrderGrant(trx: Tx, id: string, set: { grant_id: string; account_id: string }): Promise<void> {
  await trx.updateTable('access_orders').set(set).where('id', '=', id).execute();
}

/** The order's audit events (its trail), oldest first, with the acting user's name. */
export const eventsOfOrder = (db: Q, id: string) =>
  db
    .selectFrom('audit_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_id')
    .select(['e.seq', 'e.at', 'e.action', 'e.after_json', 'u.name as actor_name'])
    .where('e.entity_type', '=', 'access_order')
    .where('e.entity_id', '=', id)
    .orderBy('e.seq')
    .limit(200)
    .execute();
