import type { Ctx } from '../../platform/context.ts';
import { todayOf } from '../../platform/dates.ts';
import { AppError } from '../../platform/errors.ts';
import type { Auth } from '../../platform/http/types.ts';
import { classificationOf } from '../../policy/classification.ts';
import type { ClassificationSpec } from '../../policy/classification-schema.ts';
import type { Pack } from '../../policy/schema.ts';
import { getActivePack } from '../policy/index.ts';
import { canEditSystem, findSystem, personOfUser, readableSystem, visibilityOf, type SystemRow, type SystemVisibility } from '../systems/index.ts';
import { approverRolesOf, holdsRole } from '../../platform/db/holders.ts';

/**
 * Who may do what with a system's classification (docs/CLASSIFICATION.md, "Who may do what"):
 * - read: whoever may read the system, and every holder of the pack's support role (digitaliseringsstrateg);
 * - classify (create, change, submit, ask for support): whoever may change the system's record;
 * - approve or send back: a person holding one of the pack's approver roles (systemägare, informationsägare) on the
 *   system or on its owning unit or a unit above it, with a grant that may change the register; not the one who
 *   classified or submitted it unless the pack allows it.
 */
export interface SystemAccess {
  system: SystemRow;
  pack: Pack;
  spec: ClassificationSpec;
  today: string;
  userId: string | null;
  personId: string | null;
  edit: boolean;
  /** The approver roles the caller holds for the system (empty: may not approve). */
  approverRoles: string[];
}

/** Does the caller's person hold the pack's support role? */
export async function isSupport(ctx: Ctx, auth: Auth, spec: ClassificationSpec, personId?: string | null): Promise<boolean> {
  const person = personId !== undefined ? personId : await personOfUser(ctx.db, auth.session.userId);
  return person !== null && (await holdsRole(ctx.db, person, spec.supportRole, todayOf(ctx)));
}

/** The system and what the caller may do with its classification; 404 when they may not even read it. */
export async function systemAccess(ctx: Ctx, auth: Auth, systemId: string): Promise<SystemAccess> {
  const today = todayOf(ctx);
  const { pack } = await getActivePack(ctx);
  const spec = classificationOf(pack);
  const personId = await personOfUser(ctx.db, auth.session.userId);
  const readable = await readableSystem(ctx.db, auth, systemId, today);
  let system = readable?.row;
  if (!system && (await isSupport(ctx, auth, spec, personId))) system = await findSystem(ctx.db, systemId);
  if (!system) throw new AppError('not_found');
  const live = system.lifecycle !== 'retired';
  const edit = live && (await canEditSystem(ctx.db, auth, system, { today, editorRoles: pack.settings.systemEditors, personId }));
  const mayWrite = auth.grants.some((g) => g.role !== 'reviewer');
  const approverRoles =
    live && mayWrite && personId ? await approverRolesOf(ctx.db, personId, system.id, system.owning_unit_id, spec.approvers, today) : [];
  return { system, pack, spec, today, userId: auth.session.userId, personId, edit, approverRoles };
}

/** The visibility of the overview: the caller's systems, or every system for a holder of the support role. */
export async function overviewVisibility(ctx: Ctx, auth: Auth, spec: ClassificationSpec): Promise<SystemVisibility> {
  const visibility = await visibilityOf(ctx, auth);
  if (visibility.reach.all) return visibility;
  return (await isSupport(ctx, auth, spec, visibility.personId)) ? { ...visibility, reach: { all: true } } : visibility;
}

export function assertEdit(access: SystemAccess): void {
  if (access.system.lifecycle === 'retired') throw new AppError('refused', { fields: [{ path: 'system', key: 'classifications.system_retired' }] });
  if (!access.edit) throw new AppError('forbidden');
}
