import { todayOf } from '../../platform/dates.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import type { RoleDefinition } from '../policy/index.ts';
import { assignmentViews, endAssignment, holdersFrom, insertAssignment, openAssignmentsOf, type AssignmentRow } from './repository.ts';
import { assertPrincipalEligible, auditAssignment, invalid, roleName } from './rules.ts';

/** The holder an assignment moves to: an org unit or a supplier. */
export interface MoveTarget {
  kind: 'unit' | 'supplier';
  id: string;
}

export interface MovedAssignment {
  /** The person's assignment, now ended. */
  endedId: string;
  /** The new holder's assignment; null when the target already held the role there (nothing new started). */
  startedId: string | null;
  roleName: string;
  target: MoveTarget;
}

/**
 * Moves a person's open assignments (current and planned) to other holders, in the caller's transaction
 * after lockRoles: each is ended on the day the move takes effect (today, or its own start if it is
 * planned) and the same role on the same subject is started for the target from that day, with the same
 * planned end — like a handover, each step audited, so the trail shows who held the role before. Where
 * the target already holds the role there, the person's assignment is only ended. Nothing is deleted.
 *
 * `targetOf` names each assignment's target (null: none given → 400). A target of a kind the role's
 * holderKinds forbid, or one that does not exist, is a 400 on `fieldOf(assignment)` naming the role; the
 * caller's transaction then writes nothing. `catalogue` is the active pack's roles by key (load it before
 * the transaction).
 */
export async function movePersonAssignments(
  trx: Tx,
  ctx: Ctx,
  s: {
    personId: string;
    catalogue: Map<string, RoleDefinition>;
    targetOf: (a: AssignmentRow) => MoveTarget | null;
    fieldOf: (a: AssignmentRow) => string;
    message: string;
  },
): Promise<MovedAssignment[]> {
  const today = todayOf(ctx);
  const open = await openAssignmentsOf(trx, { kind: 'person', id: s.personId }, today);
  const now = ctx.now().toISOString();
  const by = ctx.actor?.userId ?? null;
  const subjects = new Map((await assignmentViews(trx, open.map((a) => a.id))).map((v) => [v.id, v.subject_name ?? '']));
  const moved: MovedAssignment[] = [];
  for (const a of open) {
    const field = s.fieldOf(a);
    const role = s.catalogue.get(a.role_key);
    if (!role) throw invalid({ path: field, key: 'role.unknown' });
    const name = roleName(role, a.role_key, ctx.locale);
    const target = s.targetOf(a);
    if (!target) throw invalid({ path: field, key: 'maintenance.target_missing', params: { role: name } });
    try {
      await assertPrincipalEligible(trx, role, { kind: target.kind, id: target.id, contactId: null }, ctx.locale);
    } catch (err) {
      // The roles' own checks name `principal`; here the field is the caller's.
      if (err instanceof AppError && err.options.fields) throw invalid(...err.options.fields.map((f) => ({ ...f, path: field })));
      throw err;
    }
    const from = a.valid_from > today ? a.valid_from : today;
    const others = await holdersFrom(trx, { roleKey: a.role_key, subjectKind: a.subject_kind, subjectId: a.subject_id, pivot: from, exceptId: a.id });
    const already = others.some((h) => h.principal_kind === target.kind && h.principal_id === target.id);
    if (!already && role.maxHolders !== null && others.length >= role.maxHolders) {
      throw invalid({ path: field, key: 'role.max_holders', params: { role: name, subject: subjects.get(a.id) ?? '', max: role.maxHolders } });
    }
    if (!(await endAssignment(trx, a.id, from, now, by))) throw new AppError('conflict');
    const started: AssignmentRow | null = already
      ? null
      : {
          ...a,
          id: uuidv7(),
          principal_kind: target.kind,
          principal_id: target.id,
          principal_contact_id: null,
          valid_from: from,
          created_at: now,
          created_by: by,
          ended_at: null,
          ended_by: null,
          note: null,
          version: 1,
        };
    if (started) await insertAssignment(trx, started);
    await recordAudit(trx, ctx, {
      entityType: 'role_assignment',
      entityId: a.id,
      action: 'end',
      before: auditAssignment(a),
      after: { ...auditAssignment({ ...a, valid_to: from }), ...(started ? { handedOverTo: started.id } : { heldAlreadyBy: target }) },
      message: s.message,
    });
    if (started) {
      await recordAudit(trx, ctx, {
        entityType: 'role_assignment',
        entityId: started.id,
        action: 'handover',
        after: { ...auditAssignment(started), handedOverFrom: a.id },
        message: s.message,
      });
    }
    moved.push({ endedId: a.id, startedId: started?.id ?? null, roleName: name, target });
  }
  return moved;
}
