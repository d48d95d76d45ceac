import { ROLE_ACTIONS, can, unitScope } from '../../platform/access/permissions.ts';
import type { Ctx } from '../../platform/context.ts';
import { todayOf } from '../../platform/dates.ts';
import { AppError } from '../../platform/errors.ts';
import type { Auth } from '../../platform/http/types.ts';
import { getActivePack } from '../policy/index.ts';
import { findPerson, type PersonRow } from '../people/index.ts';
import { canEditSystem, personOfUser, readableSystem, type SystemRow } from '../systems/index.ts';
import { rolesHeldOnSystem } from './roles-repository.ts';

/**
 * Who may do what with a system's access (docs/ACCESS.md, "Who may do what"):
 * - read its access roles, accounts and grants: whoever may read the system (404 otherwise);
 * - administer them (access roles, the import of the user list): whoever may change the system (the register's
 *   edit rule), or a holder of a pack `access.administrators` role on the system today — with a grant that may
 *   write (a granskare never changes anything). Otherwise 403.
 */
export interface SystemAccess {
  system: SystemRow;
  today: string;
}

/** The system if the caller may read it; 404 otherwise (its existence is not revealed). */
export async function readAccess(ctx: Ctx, auth: Auth, systemId: string): Promise<SystemAccess> {
  const today = todayOf(ctx);
  const readable = await readableSystem(ctx.db, auth, systemId, today);
  if (!readable) throw new AppError('not_found');
  return { system: readable.row, today };
}

/** May the caller administer the system's access? */
export async function mayAdminister(ctx: Ctx, auth: Auth, access: SystemAccess): Promise<boolean> {
  if (!auth.grants.some((g) => g.role !== 'reviewer' && ROLE_ACTIONS[g.role].includes('systems:write'))) return false;
  // The caller's person only here: reading a system's access does not need it.
  const [{ pack }, personId] = await Promise.all([getActivePack(ctx), personOfUser(ctx.db, auth.session.userId)]);
  const rules = { today: access.today, editorRoles: pack.settings.systemEditors, personId };
  if (await canEditSystem(ctx.db, auth, access.system, rules)) return true;
  if (!personId || !pack.access.administrators.length) return false;
  return (await rolesHeldOnSystem(ctx.db, access.system.id, personId, pack.access.administrators, access.today)).length > 0;
}

/** The system if the caller may administer its access: 404 when they may not read it, 403 when they may only read it. */
export async function adminAccess(ctx: Ctx, auth: Auth, systemId: string): Promise<SystemAccess> {
  const access = await readAccess(ctx, auth, systemId);
  if (!(await mayAdminister(ctx, auth, access))) throw new AppError('forbidden');
  return access;
}

/**
 * The person if the caller may read them — people's rule (GET /api/people/{id}): an org:read grant reaching their
 * home unit, or an installation-wide one for a person without a unit. 404 otherwise.
 */
export async function readablePerson(ctx: Ctx, auth: Auth, personId: string): Promise<PersonRow> {
  const person = await findPerson(ctx.db, personId);
  if (!person) throw new AppError('not_found');
  if (can(auth.grants, 'org:read')) return person;
  if (person.home_unit_id === null || !can(auth.grants, 'org:read', await unitScope(ctx.db, person.home_unit_id))) throw new AppError('not_found');
  return person;
}
