import { inTransaction, recordAuditMany, type AuditInput } from '../../platform/audit/audit.ts';
import { note } from '../../platform/changes.ts';
import { systemCtx, type Ctx, type Services } from '../../platform/context.ts';
import { todayOf } from '../../platform/dates.ts';
import { transactionLock, type Db, type Tx } from '../../platform/db/index.ts';
import type { AccessOrdersTable } from '../../platform/db/tables/access.ts';
import { uuidv7 } from '../../platform/ids.ts';
import type { OrderOrigin } from '../../../shared/access.ts';
import { CHUNK, orderFacts } from './model.ts';
import {
  cancelRemovals, confirmByImport, currentWithoutRemoval, expiredGrants, grantsOfLeftPeople, insertRemovals, openRemovalsOf, removalsOfPeopleBack,
  type GrantFacts,
} from './removals-repository.ts';

/**
 * Removal orders Ansvar makes (docs/ACCESS.md): for a review's remove decisions, for the grants of people who have
 * left (offboarding) and for temporary grants past their last day (expiry). Set-based: grants read and orders
 * written a chunk at a time, one audit write per chunk. An open removal of a grant is never made twice (the unique
 * partial index; the insert skips what it meets), and such writers are serialised so two never cross.
 */

/**
 * Serialises the writers of removals (PostgreSQL; SQLite has one writer). Taken before the insert, like every row this
 * codebase writes before its audit events (which take the audit chain's lock last): a caller of orderRemovals should
 * not have recorded an audit event earlier in its transaction.
 */
const REMOVALS_LOCK_KEY = 0x72656d76; // "remv"

export interface RemovalRequest {
  grantId: string;
  origin: OrderOrigin;
  reviewId: string | null;
  reason: string | null;
}

interface Due {
  grant: GrantFacts;
  origin: OrderOrigin;
  reviewId: string | null;
  reason: string | null;
}

const systemsOf = (rows: ReadonlyArray<{ system_id: string }>) => [...new Set(rows.map((r) => r.system_id))];

/** Writes removal orders for due grants (skipping any with an open removal by now) with their audit events; how many. */
async function writeRemovals(trx: Tx, ctx: Ctx, due: readonly Due[]): Promise<number> {
  if (!due.length) return 0;
  await transactionLock(trx, ctx.dialect, REMOVALS_LOCK_KEY);
  const at = ctx.now().toISOString();
  const rows: AccessOrdersTable[] = due.map(({ grant: g, origin, reviewId, reason }) => ({
    id: uuidv7(ctx.now().getTime()),
    kind: 'removal',
    origin,
    state: 'awaiting_execution',
    system_id: g.system_id,
    access_role_id: g.access_role_id,
    person_id: g.person_id,
    account_id: g.account_id,
    grant_id: g.id,
    review_id: reviewId,
    reason,
    valid_from: null,
    valid_to: null,
    approval_required: 0,
    // Made by Ansvar: no orderer (the user who closed a review, if any, is kept).
    ordered_by_person_id: null,
    ordered_by_user_id: ctx.actor?.userId ?? null,
    ordered_at: at,
    decided_by_person_id: null,
    decided_at: null,
    decision_comment: null,
    executed_by_person_id: null,
    executed_by_user_id: null,
    executed_at: null,
    ticket_ref: null,
    confirmed_by_person_id: null,
    confirmed_at: null,
    cancelled_by_user_id: null,
    cancelled_at: null,
    updated_at: at,
    version: 1,
  }));
  const written = new Set((await insertRemovals(trx, rows)).map((r) => r.id));
  const made = rows.filter((r) => written.has(r.id));
  await recordAuditMany(
    trx,
    ctx,
    made.map((o) => ({ entityType: 'access_order', entityId: o.id, action: 'order', after: orderFacts(o) })),
  );
  note(trx, systemsOf(made).map((id) => ({ entityType: 'system', entityId: id, action: 'access' })));
  return made.length;
}

/**
 * Removal orders for these grants in the caller's transaction (a review's close): grant id → the open removal's id.
 * A grant with an open removal already keeps it (reused); a grant that has ended, or is unknown, gets none.
 */
export async function orderRemovals(trx: Tx, ctx: Ctx, removals: readonly RemovalRequest[]): Promise<Map<string, string>> {
  const byGrant = new Map(removals.map((r) => [r.grantId, r]));
  const ids = [...byGrant.keys()];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const grants = await currentWithoutRemoval(trx, ids.slice(i, i + CHUNK));
    await writeRemovals(
      trx,
      ctx,
      grants.map((grant) => {
        const r = byGrant.get(grant.id)!;
        return { grant, origin: r.origin, reviewId: r.reviewId, reason: r.reason };
      }),
    );
  }
  return openRemovalsOf(trx, ids);
}

/**
 * The grants an import no longer shows (it ended them): their done removals become confirmed, and their open removals
 * done and confirmed at once, each audited, in the import's transaction. Returns how many orders changed.
 */
export async function confirmRemovalsOfEndedGrants(trx: Tx, ctx: Ctx, grantIds: readonly string[]): Promise<number> {
  if (!grantIds.length) return 0;
  const rows = await confirmByImport(trx, [...new Set(grantIds)], ctx.now().toISOString());
  const events: AuditInput[] = rows.flatMap((r) => [
    ...(r.wasOpen ? [{ entityType: 'access_order', entityId: r.id, action: 'execute', before: { state: 'awaiting_execution' }, after: { state: 'done', byImport: true } }] : []),
    { entityType: 'access_order', entityId: r.id, action: 'confirm', after: { byImport: true, grantId: r.grant_id } },
  ]);
  await recordAuditMany(trx, ctx, events);
  note(trx, systemsOf(rows).map((id) => ({ entityType: 'system', entityId: id, action: 'access' })));
  return rows.length;
}

/**
 * A person marked left and then active again (a mistake, or back at work) keeps their access: the offboarding removals
 * still waiting for execution are cancelled, each audited. Those already executed stay done; new access is ordered.
 */
async function cancelRemovalsOfPeopleBack(ctx: Ctx): Promise<number> {
  let cancelled = 0;
  for (;;) {
    const back = await removalsOfPeopleBack(ctx.db);
    if (!back.length) return cancelled;
    const n = await inTransaction(ctx, async (trx) => {
      const rows = await cancelRemovals(trx, back.map((o) => o.id), ctx.now().toISOString());
      await recordAuditMany(
        trx,
        ctx,
        rows.map((o) => ({ entityType: 'access_order', entityId: o.id, action: 'cancel', before: { state: 'awaiting_execution' }, after: { state: 'cancelled', personActive: true } })),
      );
      note(trx, systemsOf(rows).map((id) => ({ entityType: 'system', entityId: id, action: 'access' })));
      return rows.length;
    });
    cancelled += n;
    // Nothing cancelled: another instance did it meanwhile.
    if (n === 0) return cancelled;
  }
}

/** The grants due for removal, a chunk at a time: the origin and how to find them. */
const DUE: ReadonlyArray<[OrderOrigin, (db: Db, today: string) => Promise<GrantFacts[]>]> = [
  ['offboarding', (db) => grantsOfLeftPeople(db)],
  ['expiry', (db, today) => expiredGrants(db, today)],
];

/**
 * Removal orders for every current grant of a person who has left (origin offboarding) and every temporary grant
 * past its last day (origin expiry), unless an open removal exists; first, the waiting offboarding removals of people
 * who are no longer left are cancelled. Idempotent: run again, it makes nothing; run on
 * two instances at once, each grant still gets one. A chunk per transaction. Returns how many orders it made.
 */
export async function orderDueRemovals(services: Services): Promise<number> {
  const ctx = systemCtx(services);
  await cancelRemovalsOfPeopleBack(ctx);
  let made = 0;
  for (const [origin, find] of DUE) {
    for (;;) {
      const due = await find(ctx.db, todayOf(ctx));
      if (!due.length) break;
      const n = await inTransaction(ctx, (trx) => writeRemovals(trx, ctx, due.map((grant) => ({ grant, origin, reviewId: null, reason: null }))));
      made += n;
      // Nothing new: another instance ordered them meanwhile; whatever is left waits for the next run.
      if (n === 0) break;
    }
  }
  return made;
}
