import { ROLE_ACTIONS, can, unitScope } from '../../platform/access/permissions.ts';
import { reachOf } from '../../platform/access/reach.ts';
import type { Ctx } from '../../platform/context.ts';
import { todayOf } from '../../platform/dates.ts';
import type { Db, Tx } from '../../platform/db/index.ts';
import type { Auth } from '../../platform/http/types.ts';
import type { AccessSpec } from '../../policy/access.ts';
import type { Pack } from '../../policy/schema.ts';
import { getActivePack } from '../policy/index.ts';
import { personOfUser, visibilityOf } from '../systems/index.ts';
import { OPEN_STATES } from './model.ts';
import type { OrderRow, Viewer } from './repository.ts';
import { holdsOnSystem, holdsOnUnitOrAbove, worksInItUnit } from './rules-repository.ts';
import type { OrderAction } from './schemas.ts';

/**
 * Who may do what with access orders (docs/ACCESS.md, "Who may do what"):
 * - order: a holder of the pack's access.orderers (chef) on the person's home unit or a unit above it, or an
 *   administrator whose grant reaches that unit; the removal of a grant on an account of no person: the system's
 *   access administrators (access.administrators) or an administrator whose grant reaches the system;
 * - approve or reject: a holder of access.approvers (systemägare) on the system or a unit above it;
 * - execute: a holder of access.executors on the system, and with itUnitExecutes the people of the IT unit; with
 *   forbidSelfExecution never the orderer or the person who gets the access;
 * - cancel an order not done: its orderer, or an administrator whose grant reaches the system or the person;
 * - confirm a done removal by hand: its orderer, a reviewer of the review it came from, the system's access
 *   administrators (access.administrators), or such an administrator.
 * Only someone who may change things at all (systems:write: not a granskare) does any of it.
 */
export interface Caller {
  auth: Auth;
  personId: string | null;
  pack: Pack;
  spec: AccessSpec;
  today: string;
  viewer: Viewer;
  /** The caller's grants let them change things at all (not a granskare). */
  writes: boolean;
}

export async function callerOf(ctx: Ctx, auth: Auth): Promise<Caller> {
  const { pack } = await getActivePack(ctx);
  const spec = pack.access;
  const today = todayOf(ctx);
  const personId = await personOfUser(ctx.db, auth.session.userId);
  const visibility = await visibilityOf(ctx, auth);
  const itUnit = spec.itUnitExecutes && personId !== null ? await worksInItUnit(ctx.db, personId) : false;
  const adminReach = reachOf(
    auth.grants.filter((g) => g.role === 'administrator'),
    'systems:write',
  );
  return {
    auth,
    personId,
    pack,
    spec,
    today,
    writes: auth.grants.some((g) => ROLE_ACTIONS[g.role].includes('systems:write')),
    viewer: { personId, today, visibility, approvers: spec.approvers, executors: spec.executors, administrators: spec.administrators, itUnit, adminReach },
  };
}

/** May the caller order access for a person of this home unit (null: a person of no unit, or an account of no person)? */
export async function mayOrderFor(db: Db | Tx, c: Caller, homeUnitId: string | null): Promise<boolean> {
  const admins = c.auth.grants.filter((g) => g.role === 'administrator');
  if (!c.writes) return false;
  if (can(admins, 'systems:write', homeUnitId ? await unitScope(db, homeUnitId) : undefined)) return true;
  return homeUnitId !== null && c.personId !== null && (await holdsOnUnitOrAbove(db, c.personId, c.spec.orderers, homeUnitId, c.today));
}

/** May the caller order the removal of a grant on an account of no person: an administrator over the system, or its access administrators? */
export async function mayRemoveUnmatched(db: Db | Tx, c: Caller, system: { id: string; owning_unit_id: string }): Promise<boolean> {
  if (!c.writes) return false;
  const admins = c.auth.grants.filter((g) => g.role === 'administrator');
  if (can(admins, 'systems:write', await unitScope(db, system.owning_unit_id))) return true;
  return c.personId !== null && (await holdsOnSystem(db, c.personId, c.spec.administrators, system.id, c.today));
}

const isOpen = (row: OrderRow) => OPEN_STATES.includes(row.state);

/** The orderer or the grantee would execute their own order (refused with forbidSelfExecution). */
export const ownOrder = (c: Caller, row: OrderRow): boolean =>
  c.spec.forbidSelfExecution && c.personId !== null && (row.ordered_by_person_id === c.personId || row.person_id === c.personId);

/** A flag the query computed (a number on both databases). */
const yes = (v: number | string) => Number(v) === 1;
const ordered = (c: Caller, row: OrderRow) => c.personId !== null && row.ordered_by_person_id === c.personId;

export const may = {
  approve: (_c: Caller, row: OrderRow) => yes(row.may_approve),
  execute: (c: Caller, row: OrderRow) => yes(row.may_execute) && !ownOrder(c, row),
  cancel: (c: Caller, row: OrderRow) => ordered(c, row) || yes(row.is_admin),
  confirm: (c: Caller, row: OrderRow) => ordered(c, row) || yes(row.is_admin) || yes(row.is_access_admin) || yes(row.is_reviewer),
};

/** What the caller may do next with the order, as it stands. */
export function actionsOf(c: Caller, row: OrderRow): OrderAction[] {
  if (!c.writes) return [];
  const out: OrderAction[] = [];
  if (row.state === 'awaiting_approval' && may.approve(c, row)) out.push('approve', 'reject');
  if (row.state === 'awaiting_execution' && may.execute(c, row)) out.push('execute');
  if (isOpen(row) && may.cancel(c, row)) out.push('cancel');
  if (row.kind === 'removal' && row.state === 'done' && row.confirmed_at === null && may.confirm(c, row)) out.push('confirm');
  return out;
}
