import { assertCan, type Grant } from '../../platform/access/permissions.ts';
import { inTransaction } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import { message } from '../../platform/i18n.ts';
import { findPerson, markPersonLeft } from '../people/index.ts';
import { getRoleCatalogue } from '../policy/index.ts';
import { lockRoles, movePersonAssignments, type MoveTarget } from '../roles/index.ts';
import { findSupplierName, findUnitName, peopleWithAccounts } from './repository.ts';
import type { ConvertInput, RepairTarget } from './schemas.ts';

const invalid = (path: string, key: Parameters<typeof message>[1], params?: Record<string, string | number>) =>
  new AppError('validation_failed', { fields: [{ path, key, ...(params ? { params } : {}) }] });

/** The unit or supplier with its name; an unknown or inactive one is a 400 on `path`. */
async function resolveTarget(trx: Tx, t: MoveTarget, path: string): Promise<RepairTarget> {
  if (t.kind === 'unit') {
    const unit = await findUnitName(trx, t.id);
    if (!unit) throw invalid(path, 'role.unit_not_found');
    if (unit.status !== 'active') throw invalid(path, 'role.unit_inactive');
    return { kind: 'unit', id: unit.id, name: unit.name };
  }
  const supplier = await findSupplierName(trx, t.id);
  if (!supplier) throw invalid(path, 'role.supplier_not_found');
  return { kind: 'supplier', id: supplier.id, name: supplier.name };
}

/**
 * POST /api/maintenance/suspect-people/{id}/convert: the person is an organisation. In one transaction
 * under the roles lock, each open assignment (current and planned) moves to its target — the one named
 * for it in `assignments`, else `target` — as an audited handover (roles' movePersonAssignments), and the
 * person is marked left with a note (people's markPersonLeft). Nothing is deleted. A role whose
 * holderKinds forbid the target's kind is a 400 naming the role, and nothing is written. Unknown person
 * 404; changed since the caller saw it (version) or already left 409; a person a user account belongs to
 * is refused (409), as that is a real person.
 */
export async function convertSuspect(ctx: Ctx, grants: readonly Grant[], personId: string, input: ConvertInput) {
  assertCan(grants, 'org:manage');
  const catalogue = new Map((await getRoleCatalogue(ctx)).map((r) => [r.key, r]));
  return inTransaction(ctx, async (trx) => {
    await lockRoles(trx, ctx);
    const person = await findPerson(trx, personId);
    if (!person) throw new AppError('not_found');
    if (!input.target && !input.assignments?.length) throw invalid('target', 'maintenance.target_required');
    if (person.version !== input.version || person.status === 'left') throw new AppError('conflict');
    if ((await peopleWithAccounts(trx, [personId])).size) throw new AppError('refused', { fields: [{ path: 'id', key: 'maintenance.has_account' }] });

    const targets = new Map<string, RepairTarget>();
    const general = input.target ? await resolveTarget(trx, input.target, 'target') : null;
    const perAssignment = new Map<string, { target: RepairTarget; index: number }>();
    for (const [index, a] of (input.assignments ?? []).entries()) {
      perAssignment.set(a.assignmentId, { target: await resolveTarget(trx, a.target, `assignments.${index}.target`), index });
    }
    /** The note the person is marked left with: the kommun's record, in Swedish whatever the caller's language. */
    const note = (used: RepairTarget[]) => {
      const distinct = [...new Map(used.map((t) => [`${t.kind}:${t.id}`, t])).values()];
      const only = distinct.length ? (distinct.length === 1 ? distinct[0]! : null) : general;
      if (only) return message('sv', only.kind === 'unit' ? 'maintenance.note.unit' : 'maintenance.note.supplier', { name: only.name });
      return message('sv', 'maintenance.note.many', { names: distinct.map((t) => t.name).join(', ') });
    };
    // The note is known only after the moves; the moves' audit events carry a short reason of their own.
    const reason = message('sv', 'maintenance.move_reason', { person: person.name });
    const moved = await movePersonAssignments(trx, ctx, {
      personId,
      catalogue,
      targetOf: (a) => {
        const t = perAssignment.get(a.id)?.target ?? general;
        if (t) targets.set(a.id, t);
        return t;
      },
      fieldOf: (a) => {
        const own = perAssignment.get(a.id);
        return own ? `assignments.${own.index}.target` : 'target';
      },
      message: reason,
    });
    const movedIds = new Set(moved.map((m) => m.endedId));
    for (const [id, own] of perAssignment) if (!movedIds.has(id)) throw invalid(`assignments.${own.index}.assignmentId`, 'maintenance.assignment_not_held');
    const used = moved.map((m) => targets.get(m.endedId)!);
    const text = note(used);
    await markPersonLeft(trx, ctx, { id: personId, version: person.version, note: text });
    return {
      person: { id: person.id, name: person.name, status: 'left' as const },
      note: text,
      moved: moved.map((m) => ({ assignmentId: m.endedId, newAssignmentId: m.startedId, roleName: m.roleName, target: targets.get(m.endedId)! })),
    };
  });
}
