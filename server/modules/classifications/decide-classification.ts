import { inTransaction, recordAudit } from '../../platform/audit/audit.ts';
import { note } from '../../platform/changes.ts';
import type { Ctx } from '../../platform/context.ts';
import type { ClassificationsTable } from '../../platform/db/tables/classifications.ts';
import { AppError } from '../../platform/errors.ts';
import type { Auth } from '../../platform/http/types.ts';
import { nextReviewOf } from '../../policy/classification.ts';
import { lockSystems } from '../systems/index.ts';
import { assertEdit, systemAccess, type SystemAccess } from './access.ts';
import { auditDiff, auditOf } from './audit-shape.ts';
import { basisColumns, basisOf, isOwn, presentClassification, roleName } from './present.ts';
import { findClassification, supersede, updateClassificationAt, type ClassificationRow } from './repository.ts';
import { assertComplete, scaleOfRow } from './rules.ts';
import type { ClassificationView } from './schemas.ts';

/**
 * A classification's way to approval: submit (a complete draft), approve or send back (a submitted one, by an
 * approver who did not make it unless the pack allows), and asking the support role for help. Each checks the
 * rowVersion (409 when stale) and the status (409 when it is not the expected one), and writes one audit event.
 */

type Step = 'submit' | 'approve' | 'reject' | 'request_support';
type Change = Partial<Omit<ClassificationsTable, 'id' | 'system_id' | 'version' | 'row_version' | 'created_at'>>;

async function step(
  ctx: Ctx,
  auth: Auth,
  id: string,
  rowVersion: number | null,
  action: Step,
  decide: (row: ClassificationRow, access: SystemAccess) => Change,
): Promise<ClassificationView> {
  const row = await findClassification(ctx.db, id);
  if (!row) throw new AppError('not_found');
  const access = await systemAccess(ctx, auth, row.system_id);
  const set = decide(row, access);
  if (rowVersion !== null && rowVersion !== row.row_version) throw new AppError('conflict');
  const now = ctx.now().toISOString();
  await inTransaction(ctx, async (trx) => {
    await lockSystems(trx, ctx);
    if (action === 'approve') await supersede(trx, row.system_id, now);
    const written = await updateClassificationAt(trx, id, row.row_version, row.status, { ...set, updated_at: now });
    if (!written) throw new AppError('conflict');
    const diff = auditDiff(auditOf(row), auditOf({ ...row, ...set }));
    await recordAudit(trx, ctx, { entityType: 'classification', entityId: id, action, before: diff.before, after: diff.after });
    note(trx, [{ entityType: 'system', entityId: row.system_id, action: 'classification' }]);
  });
  return presentClassification((await findClassification(ctx.db, id))!, access);
}

const notStatus = (key: 'classifications.not_draft' | 'classifications.not_submitted') =>
  new AppError('refused', { fields: [{ path: 'status', key }] });

export const submitClassification = (ctx: Ctx, auth: Auth, id: string, rowVersion: number) =>
  step(ctx, auth, id, rowVersion, 'submit', (row, access) => {
    assertEdit(access);
    if (row.status !== 'draft') throw notStatus('classifications.not_draft');
    assertComplete(access.spec, scaleOfRow(access.spec, row), row);
    return { status: 'submitted', submitted_at: ctx.now().toISOString(), submitted_by: auth.session.userId };
  });

/** The approver may decide: holds an approver role, and did not make or submit it (unless the pack allows). */
function assertApprover(ctx: Ctx, row: ClassificationRow, access: SystemAccess): string {
  const name = (k: string) => roleName(access.pack, k);
  const roles = access.spec.approvers.map((k) => (ctx.locale === 'en' ? (name(k).en ?? name(k).sv) : name(k).sv)).join(' / ');
  if (!access.approverRoles.length) throw new AppError('forbidden', { fields: [{ path: 'status', key: 'classifications.not_approver', params: { roles } }] });
  if (!access.spec.selfApproval && isOwn(row, access.userId))
    throw new AppError('forbidden', { fields: [{ path: 'status', key: 'classifications.self_approval', params: { roles } }] });
  if (row.status !== 'submitted') throw notStatus('classifications.not_submitted');
  // The role it is decided as: the first of the pack's approvers the caller holds.
  return access.spec.approvers.find((k) => access.approverRoles.includes(k))!;
}

export const approveClassification = (ctx: Ctx, auth: Auth, id: string, rowVersion: number) =>
  step(ctx, auth, id, rowVersion, 'approve', (row, access) => {
    const as = assertApprover(ctx, row, access);
    scaleOfRow(access.spec, row);
    return {
      status: 'approved',
      decided_at: ctx.now().toISOString(),
      decided_by: auth.session.userId,
      decided_as: as,
      next_review_at: nextReviewOf(access.spec, access.today),
      ...basisColumns(basisOf(access.system)),
    };
  });

export const rejectClassification = (ctx: Ctx, auth: Auth, id: string, rowVersion: number, reason: string) =>
  step(ctx, auth, id, rowVersion, 'reject', (row, access) => {
    const as = assertApprover(ctx, row, access);
    return { status: 'rejected', decided_at: ctx.now().toISOString(), decided_by: auth.session.userId, decided_as: as, rejection_reason: reason };
  });

/** Asks the pack's support role (digitaliseringsstrateg) for help with a classification in progress; asked once. */
export const requestSupport = (ctx: Ctx, auth: Auth, id: string) =>
  step(ctx, auth, id, null, 'request_support', (row, access) => {
    assertEdit(access);
    if (row.status !== 'draft' && row.status !== 'submitted') throw notStatus('classifications.not_draft');
    return { support_requested_at: row.support_requested_at ?? ctx.now().toISOString(), support_requested_by: row.support_requested_by ?? auth.session.userId };
  });
