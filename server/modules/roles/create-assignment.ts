import { todayOf } from '../../platform/dates.ts';
import type { Grant } from '../../platform/access/permissions.ts';
import type { HolderKind } from '../../../shared/policy.ts';
import { inTransaction, recordAudit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { insertAssignment, type AssignmentRow } from './repository.ts';
import {
  assertPrincipalEligible,
  principalOf,
  assertRoleFits,
  assertRoom,
  auditAssignment,
  catalogueOf,
  invalid,
  lockRoles,
  presentAssignmentsById,
  subjectForChange,
  type RoleAssignmentView,
} from './rules.ts';

export interface NewAssignment {
  roleKey: string;
  subjectKind: 'unit' | 'system';
  subjectId: string;
  principal?: { kind: HolderKind; id: string; contactId?: string | undefined } | undefined;
  /** The person case of principal (the API's older field). */
  personId?: string | undefined;
  validFrom?: string | undefined;
}

/**
 * Gives a holder (a person, or a unit or supplier where the pack allows it) a role from the policy's catalogue on a unit the caller manages, or on a system the
 * caller may change. The role must allow the subject (organisation roles on a kommun, system roles on
 * systems), the person must not have left, must not already hold it,
 * and the role's maxHolders must leave room — otherwise the message says to hand over instead.
 */
export async function createRoleAssignment(ctx: Ctx, grants: readonly Grant[], input: NewAssignment): Promise<RoleAssignmentView> {
  const catalogue = await catalogueOf(ctx);
  const role = catalogue.get(input.roleKey);
  if (!role) throw invalid({ path: 'roleKey', key: 'role.unknown' });
  const principal = principalOf(input);
  const field = input.personId ? 'personId' : 'principal';
  return inTransaction(ctx, async (trx) => {
    await lockRoles(trx, ctx);
    const subject = await subjectForChange(trx, ctx, grants, { kind: input.subjectKind, id: input.subjectId, usable: true });
    assertRoleFits(role, subject, ctx.locale);
    await assertPrincipalEligible(trx, role, principal, ctx.locale, field === 'personId');
    const from = input.validFrom ?? todayOf(ctx);
    await assertRoom(trx, ctx, { role, subject, principal, field, from });
    const now = ctx.now();
    const row: AssignmentRow = {
      id: uuidv7(),
      role_key: role.key,
      subject_kind: subject.kind,
      subject_id: subject.id,
      principal_kind: principal.kind,
      principal_id: principal.id,
      principal_contact_id: principal.contactId,
      valid_from: from,
      valid_to: null,
      created_at: now.toISOString(),
      created_by: ctx.actor?.userId ?? null,
      ended_at: null,
      ended_by: null,
      note: null,
      version: 1,
    };
    await insertAssignment(trx, row);
    await recordAudit(trx, ctx, { entityType: 'role_assignment', entityId: row.id, action: 'create', after: auditAssignment(row) });
    return (await presentAssignmentsById(trx, ctx, catalogue, [row.id]))[0]!;
  });
}
