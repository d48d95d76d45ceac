import { todayOf } from '../../platform/dates.ts';
import type { Grant } from '../../platform/access/permissions.ts';
import type { HolderKind } from '../../../shared/policy.ts';
import { inTransaction, recordAudit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { endAssignment, findAssignment, insertAssignment, type AssignmentRow } from './repository.ts';
import {
  assertPrincipalEligible,
  principalOf,
  assertRoom,
  auditAssignment,
  catalogueOf,
  invalid,
  lockRoles,
  presentAssignmentsById,
  subjectForChange,
  type RoleAssignmentView,
} from './rules.ts';

/**
 * Hands a role over: ends the assignment on `date` (default today) and starts the same role on the same
 * subject for another holder (a person, or a unit or supplier where the pack allows it) from that date, in one transaction — either both happen or neither.
 */
export async function handoverRoleAssignment(
  ctx: Ctx,
  grants: readonly Grant[],
  id: string,
  input: { principal?: { kind: HolderKind; id: string; contactId?: string | undefined } | undefined; personId?: string | undefined; date?: string | undefined },
): Promise<{ ended: RoleAssignmentView; started: RoleAssignmentView }> {
  const catalogue = await catalogueOf(ctx);
  const field = input.personId ? 'personId' : 'principal';
  return inTransaction(ctx, async (trx) => {
    await lockRoles(trx, ctx);
    const old = await findAssignment(trx, id);
    if (!old) throw new AppError('not_found');
    const principal = principalOf(input);
    const subject = await subjectForChange(trx, ctx, grants, { kind: old.subject_kind, id: old.subject_id, usable: true });
    if (old.ended_at !== null) throw new AppError('refused', { fields: [{ path: 'id', key: 'role.already_ended' }] });
    const role = catalogue.get(old.role_key);
    if (!role) throw invalid({ path: 'roleKey', key: 'role.unknown' });
    const date = input.date ?? todayOf(ctx);
    if (date < old.valid_from) throw invalid({ path: 'date', key: 'role.end_before_start', params: { from: old.valid_from } });
    if (principal.kind === old.principal_kind && principal.id === old.principal_id) throw invalid({ path: field, key: 'role.same_person' });
    await assertPrincipalEligible(trx, role, principal, ctx.locale, field === 'personId');
    await assertRoom(trx, ctx, {
      role,
      subject,
      principal,
      field,
      from: date,
      exceptId: id,
    });

    const now = ctx.now();
    const by = ctx.actor?.userId ?? null;
    if (!(await endAssignment(trx, id, date, now.toISOString(), by))) throw new AppError('conflict');
    const started: AssignmentRow = {
      ...old,
      id: uuidv7(),
      principal_kind: principal.kind,
      principal_id: principal.id,
      principal_contact_id: principal.contactId,
      valid_from: date,
      valid_to: null,
      created_at: now.toISOString(),
      created_by: by,
      ended_at: null,
      ended_by: null,
      note: null,
      version: 1,
    };
    await insertAssignment(trx, started);
    await recordAudit(trx, ctx, {
      entityType: 'role_assignment',
      entityId: id,
      action: 'end',
      before: auditAssignment(old),
      after: { ...auditAssignment({ ...old, valid_to: date }), handedOverTo: started.id },
    });
    await recordAudit(trx, ctx, {
      entityType: 'role_assignment',
      entityId: started.id,
      action: 'handover',
      after: { ...auditAssignment(started), handedOverFrom: id },
    });
    const [ended, begun] = await presentAssignmentsById(trx, ctx, catalogue, [id, started.id]);
    return { ended: ended!, started: begun! };
  });
}
