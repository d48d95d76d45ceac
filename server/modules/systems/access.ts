import { ROLE_ACTIONS, can, unitScope, unitScopes, type Grant } from '../../platform/access/permissions.ts';
import { kommunerIn, reachOf, reachesKommunOf } from '../../platform/access/reach.ts';
import type { Ctx } from '../../platform/context.ts';
import type { Db, Tx } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import { todayOf } from '../../platform/dates.ts';
import { formatRegisterNo } from './model.ts';
import { personOfUser, rolesHeldOn } from './person-repository.ts';
import { findSystem, usingUnitsOf, type SystemRow } from './repository.ts';
import { visibleSystemRefs, type Visibility } from './visibility.ts';

/**
 * Who sees and who changes a system (docs/SYSTEMS.md, "Who may do what"):
 * - read: a systems:read grant reaching the owning unit or a using unit; every kommungemensamt system of a kommun
 *   the grants reach some unit of;
 *   and the systems on which the caller (through their person) holds a role today;
 * - change: an administrator grant reaching the owning unit, or — for the app role user — a
 *   systems:write grant somewhere and a role of the pack's settings.systemEditors on the system today
 *   (systemägare, systemförvaltare by default).
 * Granskare (reviewer) never change anything.
 */

/**
 * Who asks: their grants and their account (whose person may hold roles on systems). An HTTP request's
 * Auth is one; use cases outside HTTP (the demo) give their grants and no user.
 */
export interface Caller {
  grants: readonly Grant[];
  session: { userId: string | null };
}

export { personOfUser };

/** Which systems the caller sees; an installation-wide reader sees all, so their person is not looked up. */
export async function visibilityOf(ctx: Ctx, auth: Caller): Promise<Visibility> {
  const reach = reachOf(auth.grants, 'systems:read');
  if (reach.all) return { reach, kommuner: [], personId: null, today: todayOf(ctx), dialect: ctx.dialect };
  const [kommuner, personId] = await Promise.all([kommunerIn(ctx.db, reach), personOfUser(ctx.db, auth.session.userId)]);
  return { reach, kommuner, personId, today: todayOf(ctx), dialect: ctx.dialect };
}

const scopeOf = (db: Db | Tx, unitId: string) => unitScope(db, unitId);

/**
 * The system with its using units, if it exists and the caller may see it; null otherwise (callers
 * answer 404 either way, so a system the caller may not see is not revealed).
 */
export async function readableSystem(db: Db | Tx, auth: Caller, id: string, today: string) {
  const row = await findSystem(db, id);
  if (!row) return null;
  const using = await usingUnitsOf(db, id);
  return (await canRead(db, auth, row, using.map((u) => u.id), today)) ? { row, using } : null;
}

/** Read access to one system: 404 (not 403) when not visible, so its existence is not revealed. */
export async function canRead(db: Db | Tx, auth: Caller, system: SystemRow, usingUnitIds: readonly string[], today: string): Promise<boolean> {
  const grants = auth.grants;
  if (can(grants, 'systems:read')) return true;
  if (!grants.some((g) => ROLE_ACTIONS[g.role].includes('systems:read'))) return false;
  if (system.kommungemensamt === 1 && (await reachesKommunOf(db, reachOf(grants, 'systems:read'), system.owning_unit_id))) return true;
  const scopes = await unitScopes(db, [system.owning_unit_id, ...usingUnitIds]);
  if (scopes.some((scope) => can(grants, 'systems:read', scope))) return true;
  const personId = await personOfUser(db, auth.session.userId);
  return personId !== null && (await rolesHeldOn(db, system.id, personId, today)).length > 0;
}

/** A system another object names, as the caller may see it. */
export interface SystemRef {
  id: string;
  registerNo: string;
  name: string;
}

/**
 * Of the systems other objects name (a person's roles, a history's dependencies), those the caller may
 * read — the rule of readableSystem, in one query — by id. Callers leave the others out or redact them.
 */
export async function readableSystemRefs(ctx: Ctx, auth: Caller, ids: Iterable<string>): Promise<Map<string, SystemRef>> {
  const wanted = [...new Set(ids)];
  if (!wanted.length || !auth.grants.some((g) => ROLE_ACTIONS[g.role].includes('systems:read'))) return new Map();
  const rows = await visibleSystemRefs(ctx.db, wanted, await visibilityOf(ctx, auth));
  return new Map(rows.map((r) => [r.id, { id: r.id, registerNo: formatRegisterNo(r.register_no), name: r.name }]));
}

/** What edit checks need besides the caller: today, the pack's editor roles, and the caller's person when already known. */
export interface EditRules {
  today: string;
  editorRoles: readonly string[];
  /** The person linked to the caller's account (null: none); looked up when not given. */
  personId?: string | null;
}

export async function canEdit(
  db: Db | Tx,
  auth: Caller,
  system: Pick<SystemRow, 'id' | 'owning_unit_id'>,
  rules: EditRules,
): Promise<boolean> {
  const writers = auth.grants.filter((g) => ROLE_ACTIONS[g.role].includes('systems:write'));
  if (!writers.length) return false;
  const administrators = writers.filter((g) => g.role === 'administrator');
  // An installation-wide administrator needs no unit's scope, and a caller who administers nothing no scope at all.
  if (can(administrators, 'systems:write')) return true;
  if (administrators.length && can(administrators, 'systems:write', await scopeOf(db, system.owning_unit_id))) return true;
  const personId = rules.personId !== undefined ? rules.personId : await personOfUser(db, auth.session.userId);
  if (!personId) return false;
  const held = await rolesHeldOn(db, system.id, personId, rules.today);
  return held.some((r) => rules.editorRoles.includes(r));
}

export async function assertEdit(
  db: Db | Tx,
  auth: Caller,
  system: Pick<SystemRow, 'id' | 'owning_unit_id'>,
  rules: EditRules,
): Promise<void> {
  if (!(await canEdit(db, auth, system, rules))) throw new AppError('forbidden');
}

/** Registering a system for a unit: systems:write (administrator or user) reaching the unit. */
export async function canCreateFor(db: Db | Tx, grants: readonly Grant[], unitId: string): Promise<boolean> {
  return can(grants, 'systems:write', await scopeOf(db, unitId));
}
