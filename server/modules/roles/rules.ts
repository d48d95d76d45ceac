import { todayOf } from '../../platform/dates.ts';
import type { Locale } from '../../../shared/roles.ts';
import type { Ctx } from '../../platform/context.ts';
import { transactionLock, type Tx } from '../../platform/db/index.ts';
import { AppError, type FieldProblem } from '../../platform/errors.ts';
import type { Grant } from '../../platform/access/permissions.ts';
import { assertManage, findUnit, type UnitRow } from '../org/index.ts';
import { findPerson } from '../people/index.ts';
import { findContact, findSupplier } from '../agreements/index.ts';
import type { HolderKind } from '../../../shared/policy.ts';
import { getRoleCatalogue, type RoleDefinition } from '../policy/index.ts';
import { systemSubject } from '../systems/index.ts';
import { isCurrent } from '../../platform/db/validity.ts';
import { message } from '../../platform/i18n.ts';
import { presentHolder, type Holder } from '../../platform/db/holders.ts';
import { assignmentViews, holdersFrom, type AssignmentRow, type AssignmentView } from './repository.ts';

/** Rules and presentation shared by the role assignment use cases. */

const ROLE_LOCK_KEY = 0x726f6c65; // "role"

/** Changes of role assignments run one at a time, so two requests cannot both take a role's last free place. */
export const lockRoles = (trx: Tx, ctx: Ctx): Promise<void> => transactionLock(trx, ctx.dialect, ROLE_LOCK_KEY);

export const invalid = (...fields: FieldProblem[]) => new AppError('validation_failed', { fields });

/** The active pack's roles by key; use cases load it once, before their transaction. */
export async function catalogueOf(ctx: Ctx): Promise<Map<string, RoleDefinition>> {
  return new Map((await getRoleCatalogue(ctx)).map((r) => [r.key, r]));
}

export const roleName = (role: RoleDefinition | undefined, key: string, locale: Locale): string => role?.name[locale] ?? key;

/** Whether the role may be held on this unit: unit roles on any unit, organisation roles on a kommun. */
export function assertRoleFitsUnit(role: RoleDefinition, unit: UnitRow, locale: Locale): void {
  if (role.subjectKinds.includes('unit')) return;
  const params = { role: role.name[locale] };
  if (role.subjectKinds.includes('organisation')) {
    if (unit.kind !== 'kommun') throw invalid({ path: 'subjectId', key: 'role.organisation_needs_kommun', params });
    return;
  }
  throw invalid({ path: 'roleKey', key: 'role.not_for_units', params });
}

/** What a role is held on: an org unit (organisation roles on the kommun's root unit) or a system. */
export interface RoleSubject {
  kind: 'unit' | 'system';
  id: string;
  name: string;
  /** The unit's row, for unit subjects. */
  unit: UnitRow | null;
}

/**
 * The subject of a role change, after the permission check: org:manage on a unit; on a system, the
 * right to change the system (modules/systems decides). `usable`: the subject must be active (a unit)
 * or not avvecklad (a system) — true for new holders, false for ending a holding.
 */
export async function subjectForChange(
  trx: Tx,
  ctx: Ctx,
  grants: readonly Grant[],
  s: { kind: 'unit' | 'system'; id: string; usable: boolean },
): Promise<RoleSubject> {
  if (s.kind === 'unit') {
    await assertManage(trx, grants, s.id);
    const unit = await findUnit(trx, s.id);
    if (!unit) throw invalid({ path: 'subjectId', key: 'org.unit_not_found' });
    if (s.usable && unit.status !== 'active') throw invalid({ path: 'subjectId', key: 'org.unit_inactive' });
    return { kind: 'unit', id: unit.id, name: unit.name, unit };
  }
  const system = await systemSubject(ctx, trx, grants, ctx.actor?.userId ?? null, s.id);
  if (!system) throw invalid({ path: 'subjectId', key: 'role.system_not_found' });
  if (!system.manage) throw new AppError('forbidden');
  if (s.usable && system.retired) throw invalid({ path: 'subjectId', key: 'role.system_retired' });
  return { kind: 'system', id: system.id, name: system.name, unit: null };
}

/** Whether the role may be held on this subject. */
export function assertRoleFits(role: RoleDefinition, subject: RoleSubject, locale: Locale): void {
  if (subject.unit) return assertRoleFitsUnit(role, subject.unit, locale);
  if (!role.subjectKinds.includes('system')) throw invalid({ path: 'roleKey', key: 'role.not_for_systems', params: { role: role.name[locale] } });
}

/** Who is to hold a role, as a request gives it: `principal`, or `personId` as the person case. */
export interface Principal {
  kind: HolderKind;
  id: string;
  contactId: string | null;
}

/** The request's holder: exactly one of principal and personId. The field errors name `principal`. */
export function principalOf(input: { principal?: { kind: HolderKind; id: string; contactId?: string | undefined } | undefined; personId?: string | undefined }): Principal {
  if (input.principal && input.personId) throw invalid({ path: 'principal', key: 'role.principal_twice' });
  if (input.personId) return { kind: 'person', id: input.personId, contactId: null };
  if (!input.principal) throw invalid({ path: 'principal', key: 'role.principal_required' });
  const { kind, id, contactId } = input.principal;
  if (contactId && kind !== 'supplier') throw invalid({ path: 'principal.contactId', key: 'role.contact_needs_supplier' });
  return { kind, id, contactId: contactId ?? null };
}

/** The field a holder's errors name: personId when the request used it, else principal. */
const fieldOf = (p: Principal, usedPersonId: boolean) => (usedPersonId ? 'personId' : 'principal');

/**
 * The holder may hold this role: a kind the pack allows for it (holderKinds), and it exists and is
 * usable — a person who has not left, an active unit, a supplier (and its contact, if named).
 */
export async function assertPrincipalEligible(
  trx: Tx,
  role: RoleDefinition,
  p: Principal,
  locale: Locale,
  usedPersonId = false,
): Promise<{ id: string; name: string }> {
  const path = fieldOf(p, usedPersonId);
  if (!role.holderKinds.includes(p.kind)) {
    const kindWord = (k: HolderKind) => message(locale, `role.holder.${k}`);
    throw invalid({
      path,
      key: 'role.kind_not_allowed',
      params: { role: role.name[locale], kind: kindWord(p.kind), allowed: role.holderKinds.map(kindWord).join(', ') },
    });
  }
  switch (p.kind) {
    case 'person': {
      const person = await findPerson(trx, p.id);
      if (!person) throw invalid({ path, key: 'role.person_not_found' });
      if (person.status === 'left') throw invalid({ path, key: 'role.person_left' });
      return person;
    }
    case 'unit': {
      const unit = await findUnit(trx, p.id);
      if (!unit) throw invalid({ path, key: 'role.unit_not_found' });
      if (unit.status !== 'active') throw invalid({ path, key: 'role.unit_inactive' });
      return unit;
    }
    case 'supplier': {
      const supplier = await findSupplier(trx, p.id);
      if (!supplier) throw invalid({ path, key: 'role.supplier_not_found' });
      if (p.contactId && !(await findContact(trx, p.id, p.contactId))) throw invalid({ path: 'principal.contactId', key: 'role.contact_not_found' });
      return supplier;
    }
  }
}

/**
 * Room for one more holder from `from`: the person does not already hold the role there, and the role's
 * maxHolders is not reached. Counted among the holders who hold it on or after the later of today and
 * `from` (current holders, and planned ones), so a planned successor can start when the holder ends.
 */
export async function assertRoom(
  trx: Tx,
  ctx: Ctx,
  s: { role: RoleDefinition; subject: RoleSubject; principal: Principal; field: string; from: string; exceptId?: string },
): Promise<void> {
  const today = todayOf(ctx);
  const pivot = s.from > today ? s.from : today;
  const holders = await holdersFrom(trx, { roleKey: s.role.key, subjectKind: s.subject.kind, subjectId: s.subject.id, pivot, exceptId: s.exceptId });
  const params = { role: s.role.name[ctx.locale], subject: s.subject.name };
  if (holders.some((h) => h.principal_kind === s.principal.kind && h.principal_id === s.principal.id)) {
    throw invalid({ path: s.field, key: 'role.already_holds', params });
  }
  if (s.role.maxHolders !== null && holders.length >= s.role.maxHolders) {
    throw invalid({ path: s.field, key: 'role.max_holders', params: { ...params, max: s.role.maxHolders } });
  }
}

export interface RoleAssignmentView {
  id: string;
  roleKey: string;
  roleName: string;
  subjectKind: 'unit' | 'system';
  subjectId: string;
  subjectName: string;
  holder: Holder;
  validFrom: string;
  validTo: string | null;
  current: boolean;
}

export function presentAssignment(v: AssignmentView, catalogue: Map<string, RoleDefinition>, ctx: Ctx, today: string): RoleAssignmentView {
  return {
    id: v.id,
    roleKey: v.role_key,
    roleName: roleName(catalogue.get(v.role_key), v.role_key, ctx.locale),
    subjectKind: v.subject_kind,
    subjectId: v.subject_id,
    subjectName: v.subject_name ?? '',
    holder: presentHolder(v),
    validFrom: v.valid_from,
    validTo: v.valid_to,
    current: isCurrent(v, today),
  };
}

/** Loads and presents assignments by id (one joined query), in the order given. */
export async function presentAssignmentsById(
  trx: Tx,
  ctx: Ctx,
  catalogue: Map<string, RoleDefinition>,
  ids: string[],
): Promise<RoleAssignmentView[]> {
  const today = todayOf(ctx);
  const views = new Map((await assignmentViews(trx, ids)).map((v) => [v.id, v]));
  return ids.map((id) => presentAssignment(views.get(id)!, catalogue, ctx, today));
}

/** The audited shape of an assignment. */
export const auditAssignment = (a: AssignmentRow) => ({
  roleKey: a.role_key,
  subjectKind: a.subject_kind,
  subjectId: a.subject_id,
  principalKind: a.principal_kind,
  principalId: a.principal_id,
  ...(a.principal_contact_id ? { principalContactId: a.principal_contact_id } : {}),
  validFrom: a.valid_from,
  validTo: a.valid_to,
});
