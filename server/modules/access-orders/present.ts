import type { z } from 'zod';
import { formatRegisterNo } from '../systems/index.ts';
import { actionsOf, type Caller } from './order-access.ts';
import type { OrderRow } from './repository.ts';
import type { orderView } from './schemas.ts';

const named = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);

/** An order as the API shows it, with what the caller may do next. */
export const presentOrder = (c: Caller, r: OrderRow): z.infer<typeof orderView> => ({
  id: r.id,
  kind: r.kind,
  origin: r.origin,
  state: r.state,
  system: { id: r.system_id, registerNo: formatRegisterNo(r.register_no), name: r.system_name },
  accessRole: { id: r.access_role_id, name: r.role_name, privileged: Number(r.privileged) === 1 },
  person: named(r.person_id, r.person_name),
  account: r.account_id ? { id: r.account_id, username: r.username ?? '' } : null,
  grantId: r.grant_id,
  reviewId: r.review_id,
  reason: r.reason,
  validFrom: r.valid_from,
  validTo: r.valid_to,
  approvalRequired: r.approval_required === 1,
  orderer: named(r.ordered_by_person_id, r.orderer_name),
  orderedAt: r.ordered_at,
  decidedBy: named(r.decided_by_person_id, r.decider_name),
  decidedAt: r.decided_at,
  decisionComment: r.decision_comment,
  executedBy: named(r.executed_by_person_id, r.executor_name),
  executedAt: r.executed_at,
  ticketRef: r.ticket_ref,
  confirmedBy: named(r.confirmed_by_person_id, r.confirmer_name),
  confirmedAt: r.confirmed_at,
  cancelledBy: r.cancelled_by_user_id ? (r.canceller_name ?? '') : null,
  cancelledAt: r.cancelled_at,
  version: r.version,
  actions: actionsOf(c, r),
});
