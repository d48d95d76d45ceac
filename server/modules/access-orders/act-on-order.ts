import { inTransaction, recordAudit } from '../../platform/audit/audit.ts';
import { note } from '../../platform/changes.ts';
import type { Ctx } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import type { Auth } from '../../platform/http/types.ts';
import type { MessageKey } from '../../platform/i18n.ts';
import type { OrderState } from '../../../shared/access.ts';
import { roleNames, type OrderEvent } from './model.ts';
import { callerOf, may, ownOrder, type Caller } from './order-access.ts';
import { getOrder } from './get-order.ts';
import { executeGrant, executeRemoval, planExecution, type Plan } from './execute-order.ts';
import { findOrderFor, updateOrderAt, type OrderChange, type OrderRow } from './repository.ts';

/**
 * The steps of an order after it is made (docs/ACCESS.md, "The trail"): approve or reject, execute, cancel, confirm a
 * done removal. Each finds the order as the caller may see it (404), checks the state it starts from (409), who may
 * take the step (403, saying who may), and the version the caller saw (409); then writes the order first — a second
 * concurrent step waits behind that write and finds the version moved — and its audit event, in one transaction.
 */

interface Step {
  event: OrderEvent;
  from: readonly OrderState[];
  /** Refuses (403) unless the caller may take the step. */
  check: (ctx: Ctx, c: Caller, row: OrderRow) => void;
  set: (c: Caller, row: OrderRow, at: string) => OrderChange;
  /** What the trail shows of the step. */
  after: Record<string, unknown>;
  /** Reads and checks after the permission, before the transaction (which account an execution grants to). */
  prepare?: () => Promise<void>;
  /** More work in the same transaction, after the order is written (an execution's grant). */
  alsoDo?: (trx: Tx, row: OrderRow) => Promise<Record<string, unknown>>;
}

const forbidden = (key: MessageKey, params?: Record<string, string>) => new AppError('forbidden', { fields: [{ path: 'order', key, ...(params ? { params } : {}) }] });

async function act(ctx: Ctx, auth: Auth, id: string, version: number, build: (c: Caller, row: OrderRow) => Promise<Step> | Step) {
  const c = await callerOf(ctx, auth);
  const row = await findOrderFor(ctx.db, c.viewer, id);
  if (!row) throw new AppError('not_found');
  const step = await build(c, row);
  if (!step.from.includes(row.state)) throw new AppError('refused', { fields: [{ path: 'state', key: 'access-orders.wrong_state' }] });
  if (!c.writes) throw new AppError('forbidden');
  step.check(ctx, c, row);
  if (version !== row.version) throw new AppError('conflict');
  await step.prepare?.();
  await inTransaction(ctx, async (trx) => {
    const at = ctx.now().toISOString();
    if (!(await updateOrderAt(trx, row.id, version, step.from, step.set(c, row, at), at))) throw new AppError('conflict');
    const more = step.alsoDo ? await step.alsoDo(trx, row) : {};
    await recordAudit(trx, ctx, { entityType: 'access_order', entityId: row.id, action: step.event, before: { state: row.state }, after: { ...step.after, ...more } });
    note(trx, [{ entityType: 'system', entityId: row.system_id, action: 'access' }]);
  });
  return getOrder(ctx, auth, id);
}

const assertApprover = (ctx: Ctx, c: Caller, row: OrderRow) => {
  if (!may.approve(c, row)) throw forbidden('access-orders.not_approver', { roles: roleNames(c.pack, c.spec.approvers, ctx.locale) });
};

export const approveOrder = (ctx: Ctx, auth: Auth, id: string, version: number, comment: string | undefined) =>
  act(ctx, auth, id, version, () => ({
    event: 'approve',
    from: ['awaiting_approval'],
    check: assertApprover,
    set: (c, _row, at) => ({ state: 'awaiting_execution', decided_by_person_id: c.personId, decided_at: at, decision_comment: comment || null }),
    after: { state: 'awaiting_execution', comment: comment || null },
  }));

export const rejectOrder = (ctx: Ctx, auth: Auth, id: string, version: number, comment: string | undefined) =>
  act(ctx, auth, id, version, () => {
    if (!comment) throw new AppError('validation_failed', { fields: [{ path: 'comment', key: 'access-orders.comment_required' }] });
    return {
      event: 'reject',
      from: ['awaiting_approval'],
      check: assertApprover,
      set: (c, _row, at) => ({ state: 'rejected', decided_by_person_id: c.personId, decided_at: at, decision_comment: comment }),
      after: { state: 'rejected', comment },
    };
  });

export const executeOrder = (ctx: Ctx, auth: Auth, id: string, version: number, ticketRef: string, username: string | undefined) =>
  act(ctx, auth, id, version, (_c, row) => {
    let plan: Plan | null = null;
    return {
      event: 'execute',
      from: ['awaiting_execution'],
      check: (cx, c, r) => {
        if (ownOrder(c, r)) throw forbidden('access-orders.self_execution');
        if (!may.execute(c, r)) {
          const key = c.spec.itUnitExecutes ? 'access-orders.not_executor_it' : 'access-orders.not_executor';
          throw forbidden(key, { roles: roleNames(c.pack, c.spec.executors, cx.locale) });
        }
      },
      set: (c, _r, at) => ({ state: 'done', executed_by_person_id: c.personId, executed_by_user_id: auth.session.userId, executed_at: at, ticket_ref: ticketRef }),
      after: { state: 'done', ticketRef },
      // Which account a grant goes to is settled before anything is written (a missing user name is a 400).
      prepare: async () => {
        if (row.kind === 'grant') plan = await planExecution(ctx, row, username);
      },
      alsoDo: (trx, r) => (plan ? executeGrant(trx, ctx, r, plan) : executeRemoval(trx, ctx, r)),
    };
  });

export const cancelOrder = (ctx: Ctx, auth: Auth, id: string, version: number, comment: string | undefined) =>
  act(ctx, auth, id, version, () => ({
    event: 'cancel',
    from: ['awaiting_approval', 'awaiting_execution'],
    check: (_cx, c, row) => {
      if (!may.cancel(c, row)) throw forbidden('access-orders.not_canceller');
    },
    set: (_c, _row, at) => ({ state: 'cancelled', cancelled_by_user_id: auth.session.userId, cancelled_at: at }),
    after: { state: 'cancelled', comment: comment || null },
  }));

/** A done removal confirmed by hand: the access is gone in the system. */
export const confirmOrder = (ctx: Ctx, auth: Auth, id: string, version: number, comment: string | undefined) =>
  act(ctx, auth, id, version, (_c, row) => ({
    event: 'confirm',
    // Only a done removal not yet confirmed; anything else is in the wrong state.
    from: row.kind === 'removal' && row.confirmed_at === null ? ['done'] : [],
    check: (_cx, c, r) => {
      if (!may.confirm(c, r)) throw forbidden('access-orders.not_confirmer');
    },
    set: (c, _row, at) => ({ confirmed_by_person_id: c.personId, confirmed_at: at }),
    after: { comment: comment || null },
  }));
