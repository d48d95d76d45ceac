import { canSomewhere, type Action } from '../../platform/access/permissions.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Auth } from '../../platform/http/types.ts';
import { getActivePack } from '../policy/index.ts';
import { canEditSystem, personOfUser } from '../systems/index.ts';
import { todayOf } from '../../platform/dates.ts';

/**
 * Who may do what with suppliers and agreements (docs/AGREEMENTS.md):
 * - suppliers are installation-wide registry data: systems:read somewhere reads them, systems:write
 *   somewhere creates and changes them (and their contacts);
 * - an agreement is visible when it is linked to no system or to a system the caller may see;
 * - an agreement is changed by whoever may change one of its linked systems (any systems:write holder
 *   while it is linked to none); linking or unlinking a system needs edit rights on that system.
 */

export function assertSomewhere(auth: Auth, action: Action): void {
  if (!canSomewhere(auth.grants, action)) throw new AppError('forbidden');
}

/** Which systems the caller sees: the system register decides it. */
export { visibilityOf } from '../systems/index.ts';

export type SystemEditCheck = (system: { id: string; owning_unit_id: string }) => Promise<boolean>;

/** A check of edit rights on systems, with the pack's editor roles and today's date read once, and each system's answer remembered. */
export async function systemEditCheck(ctx: Ctx, auth: Auth): Promise<SystemEditCheck> {
  if (!canSomewhere(auth.grants, 'systems:write')) return async () => false;
  const { pack } = await getActivePack(ctx);
  // Read once for every system the check is asked about (an agreement may cover many).
  const rules = { today: todayOf(ctx), editorRoles: pack.settings.systemEditors, personId: await personOfUser(ctx.db, auth.session.userId) };
  const answers = new Map<string, Promise<boolean>>();
  return (system) => {
    let answer = answers.get(system.id);
    if (!answer) answers.set(system.id, (answer = canEditSystem(ctx.db, auth, system, rules)));
    return answer;
  };
}

/** May the caller change an agreement linked to these systems? */
export async function canEditAgreement(auth: Auth, canEdit: SystemEditCheck, linked: ReadonlyArray<{ id: string; owning_unit_id: string }>): Promise<boolean> {
  if (!canSomewhere(auth.grants, 'systems:write')) return false;
  if (linked.length === 0) return true;
  for (const system of linked) if (await canEdit(system)) return true;
  return false;
}
