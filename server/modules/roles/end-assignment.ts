import { todayOf } from '../../platform/dates.ts';
import type { Grant } from '../../platform/access/permissions.ts';
import { inTransaction, recordAudit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { endAssignment, findAssignment } from './repository.ts';
import {
  auditAssignment,
  catalogueOf,
  invalid,
  lockRoles,
  presentAssignmentsById,
  subjectForChange,
  type RoleAssignmentView,
} from './rules.ts';

/**
 * Ends an assignment on `validTo` (default today; not before it started). The row is kept as history
 * with who ended it and when. Ending an ended assignment is 409.
 */
export async function endRoleAssignment(
  ctx: Ctx,
  grants: readonly Grant[],
  id: string,
  input: { validTo?: string | undefined },
): Promise<RoleAssignmentView> {
  const catalogue = await catalogueOf(ctx);
  return inTransaction(ctx, async (trx) => {
    await lockRoles(trx, ctx);
    const before = await findAssignment(trx, id);
    if (!before) throw new AppError('not_found');
    await subjectForChange(trx, ctx, grants, { kind: before.subject_kind, id: before.subject_id, usable: false });
    if (before.ended_at !== null) throw new AppError('refused', { fields: [{ path: 'id', key: 'role.already_ended' }] });
    const validTo = input.validTo ?? todayOf(ctx);
    if (validTo < before.valid_from) throw invalid({ path: 'validTo', key: 'role.end_before_start', params: { from: before.valid_from } });
    if (!(await endAssignment(trx, id, validTo, ctx.now().toISOString(), ctx.actor?.userId ?? null))) throw new AppError('conflict');
    const after = { ...before, valid_to: validTo };
    await recordAudit(trx, ctx, {
      entityType: 'role_assignment',
      entityId: id,
      action: 'end',
      before: auditAssignment(before),
      after: auditAssignment(after),
    });
    return (await presentAssignmentsById(trx, ctx, catalogue, [id]))[0]!;
  });
}
