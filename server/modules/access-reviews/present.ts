import type { z } from 'zod';
import { formatRegisterNo } from '../systems/index.ts';
import type { ItemRow } from './items-repository.ts';
import type { Progress, ReviewListRow } from './repository.ts';
import type { ReviewItem, reviewSummary } from './schemas.ts';

/** How the API shows a campaign and its items. */

const none: Progress = { decided: 0, keep: 0, remove: 0, change: 0 };

export const presentSummary = (r: ReviewListRow, p: Progress | undefined, systems: number, today: string): z.infer<typeof reviewSummary> => ({
  id: r.id,
  name: r.name,
  scope: r.scope,
  unit: r.scope_unit_id ? { id: r.scope_unit_id, name: r.unit_name ?? '' } : null,
  systems,
  dueOn: r.due_on,
  state: r.state,
  overdue: r.state === 'open' && r.due_on < today,
  createdBy: r.created_by_name,
  createdAt: r.created_at,
  closedBy: r.closed_by_name,
  closedAt: r.closed_at,
  progress: { total: r.items_total, ...(p ?? none) },
  version: r.version,
});

export const presentItem = (r: ItemRow, reviewers: readonly string[]): ReviewItem => ({
  grantId: r.grant_id,
  system: { id: r.system_id, registerNo: formatRegisterNo(r.register_no), name: r.system_name },
  person: r.person_id ? { id: r.person_id, name: r.person_name ?? '' } : null,
  account: { username: r.username, type: r.account_type },
  accessRole: { name: r.role_name, privileged: r.privileged === 1 },
  since: r.valid_from,
  origin: r.origin,
  decision: r.decision,
  comment: r.comment,
  decidedBy: r.decided_by_person_id ? { id: r.decided_by_person_id, name: r.decided_by_name ?? '' } : null,
  decidedAt: r.decided_at,
  removalOrderId: r.removal_order_id,
  version: r.version,
  reviewers: [...reviewers],
});
