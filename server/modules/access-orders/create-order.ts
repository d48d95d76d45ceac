import { inTransaction, recordAudit } from '../../platform/audit/audit.ts';
import { note } from '../../platform/changes.ts';
import type { Ctx } from '../../platform/context.ts';
import { uniqueViolationText, type Tx } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import type { MessageKey } from '../../platform/i18n.ts';
import type { Auth } from '../../platform/http/types.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { approvalRequired } from '../../policy/access.ts';
import type { AccessOrdersTable } from '../../platform/db/tables/access.ts';
import { accessRoleOf } from '../access/index.ts';
import { readableSystem } from '../systems/index.ts';
import { orderFacts, roleNames } from './model.ts';
import { callerOf, mayOrderFor, mayRemoveUnmatched, type Caller } from './order-access.ts';
import { getOrder } from './get-order.ts';
import { insertOrder } from './repository.ts';
import { approvedConfidentiality, grantFor, holdsAccessRole, openGrantOrder, openRemovalOf, personFor } from './rules-repository.ts';
import type { CreateOrderBody } from './schemas.ts';

/**
 * Orders access (docs/ACCESS.md, "The trail"): a grant of an access role to a person, or the removal of a current
 * grant. The caller must be allowed to order for the person (403), the system readable by them (404). A grant waits
 * for approval when the pack asks for it; a removal never does. One transaction with its audit event.
 */
export async function createOrder(ctx: Ctx, auth: Auth, body: CreateOrderBody) {
  const c = await callerOf(ctx, auth);
  const row = body.kind === 'grant' ? await grantOrder(ctx, c, body) : await removalOrder(ctx, c, body);
  try {
    await inTransaction(ctx, async (trx) => {
      // The same order twice at once: the second finds the first under the transaction (SQLite: one writer).
      if (row.kind === 'grant' && (await openGrantOrder(trx, row.person_id!, row.access_role_id))) throw refused('accessRoleId', 'access-orders.already_ordered');
      await insertOrder(trx, row);
      await audited(trx, ctx, row);
    });
  } catch (err) {
    // Two removals of one grant at once: the unique partial index lets one through.
    throw uniqueViolationText(err) !== null ? refused('grantId', 'access-orders.removal_open') : err;
  }
  return getOrder(ctx, auth, row.id, c);
}

const invalid = (path: string, key: MessageKey) => new AppError('validation_failed', { fields: [{ path, key }] });
const refused = (path: string, key: MessageKey) => new AppError('refused', { fields: [{ path, key }] });

function notOrderer(ctx: Ctx, c: Caller): AppError {
  return new AppError('forbidden', {
    fields: [{ path: 'order', key: 'access-orders.not_orderer', params: { roles: roleNames(c.pack, c.spec.orderers, ctx.locale) } }],
  });
}

async function grantOrder(ctx: Ctx, c: Caller, b: Extract<CreateOrderBody, { kind: 'grant' }>): Promise<AccessOrdersTable> {
  const person = await personFor(ctx.db, b.personId);
  if (!person) throw invalid('personId', 'access-orders.person_unknown');
  if (!(await mayOrderFor(ctx.db, c, person.home_unit_id))) throw notOrderer(ctx, c);
  if (person.status !== 'active') throw invalid('personId', 'access-orders.person_inactive');
  const system = await readableSystem(ctx.db, c.auth, b.systemId, c.today);
  if (!system) throw new AppError('not_found');
  const role = await accessRoleOf(ctx.db as Tx, b.accessRoleId);
  if (!role || role.system_id !== system.row.id) throw invalid('accessRoleId', 'access-orders.role_unknown');
  if (role.status !== 'active') throw invalid('accessRoleId', 'access-orders.role_retired');
  if (b.validFrom < c.today) throw invalid('validFrom', 'access-orders.valid_from_past');
  const validTo = b.validTo ?? null;
  if (validTo !== null && validTo < b.validFrom) throw invalid('validTo', 'access-orders.valid_to_before');
  if (await holdsAccessRole(ctx.db, person.id, role.id)) throw refused('accessRoleId', 'access-orders.already_granted');
  if (await openGrantOrder(ctx.db, person.id, role.id)) throw refused('accessRoleId', 'access-orders.already_ordered');
  const needsApproval = approvalRequired(c.spec, role.privileged === 1, await approvedConfidentiality(ctx.db, system.row.id));
  return newOrder(ctx, c, {
    kind: 'grant',
    state: needsApproval ? 'awaiting_approval' : 'awaiting_execution',
    system_id: system.row.id,
    access_role_id: role.id,
    person_id: person.id,
    reason: b.reason,
    valid_from: b.validFrom,
    valid_to: validTo,
    approval_required: needsApproval ? 1 : 0,
  });
}

async function removalOrder(ctx: Ctx, c: Caller, b: Extract<CreateOrderBody, { kind: 'removal' }>): Promise<AccessOrdersTable> {
  const grant = await grantFor(ctx.db, b.grantId);
  if (!grant) throw invalid('grantId', 'access-orders.grant_unknown');
  if (grant.person_id !== null) {
    if (!(await mayOrderFor(ctx.db, c, grant.home_unit_id))) throw notOrderer(ctx, c);
    if (!(await readableSystem(ctx.db, c.auth, grant.system_id, c.today))) throw new AppError('not_found');
  } else {
    // An account of no person has no chef: the system's access administrators, or an administrator over it, order.
    const system = await readableSystem(ctx.db, c.auth, grant.system_id, c.today);
    if (!system) throw new AppError('not_found');
    if (!(await mayRemoveUnmatched(ctx.db, c, system.row))) throw notOrderer(ctx, c);
  }
  if (grant.ended_at !== null) throw refused('grantId', 'access-orders.grant_ended');
  if (await openRemovalOf(ctx.db, grant.id)) throw refused('grantId', 'access-orders.removal_open');
  return newOrder(ctx, c, {
    kind: 'removal',
    state: 'awaiting_execution',
    system_id: grant.system_id,
    access_role_id: grant.access_role_id,
    person_id: grant.person_id,
    account_id: grant.account_id,
    grant_id: grant.id,
    reason: b.reason,
  });
}

type Given = Pick<AccessOrdersTable, 'kind' | 'state' | 'system_id' | 'access_role_id' | 'person_id' | 'reason'> & Partial<AccessOrdersTable>;

function newOrder(ctx: Ctx, c: Caller, g: Given): AccessOrdersTable {
  const at = ctx.now().toISOString();
  return {
    id: uuidv7(ctx.now().getTime()),
    origin: 'ordered',
    account_id: null,
    grant_id: null,
    review_id: null,
    valid_from: null,
    valid_to: null,
    approval_required: 0,
    ordered_by_person_id: c.personId,
    ordered_by_user_id: c.auth.session.userId,
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
    ...g,
  };
}

/** The audit event of a new order (the first step of its trail), and its system marked for the findings. */
export async function audited(trx: Tx, ctx: Ctx, o: AccessOrdersTable): Promise<void> {
  await recordAudit(trx, ctx, { entityType: 'access_order', entityId: o.id, action: 'order', after: orderFacts(o) });
  note(trx, [{ entityType: 'system', entityId: o.system_id, action: 'access' }]);
}
