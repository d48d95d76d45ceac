import { ROLE_ACTIONS, can, unitScope } from '../../platform/access/permissions.ts';
import type { Ctx } from '../../platform/context.ts';
import { todayOf } from '../../platform/dates.ts';
import { approverRolesOf, holdsRole } from '../../platform/db/holders.ts';
import type { Tx } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import type { Auth } from '../../platform/http/types.ts';
import type { Pack } from '../../policy/schema.ts';
import { getActivePack } from '../policy/index.ts';
import { canEditSystem, findSystem, personOfUser, readableSystem, type SystemRow } from '../systems/index.ts';
import { findFinding, type FindingRow } from './handling-repository.ts';

/**
 * Who may do what with one finding (docs/FOLLOW-UP.md, "Who may act"):
 * - see: as the list — the system's readers; for a finding on a unit, grants reaching it; on the kommun as a
 *   whole, an installation-wide grant — and the person to act on it and the approver asked. Otherwise 404, so its
 *   existence is not revealed.
 * - act: whoever may change the system's record, the finding's owner, and for findings without a system a grant
 *   that may change the register over its unit (or everywhere). A reviewer only reads.
 * - approve a risk: a holder of the pack's riskApprovers on the system or a unit above (kommunRiskApprovers for
 *   findings without a system).
 */
export interface FindingAccess {
  row: FindingRow;
  system: SystemRow | null;
  pack: Pack;
  today: string;
  personId: string | null;
  act: boolean;
  approve: boolean;
  /** The approver roles, for messages. */
  approverRoles: readonly string[];
}

export async function findingAccess(ctx: Ctx, auth: Auth, id: string, db: Ctx['db'] | Tx = ctx.db): Promise<FindingAccess> {
  const row = await findFinding(db, id);
  if (!row) throw new AppError('not_found');
  const today = todayOf(ctx);
  const { pack } = await getActivePack(ctx);
  const personId = await personOfUser(db, auth.session.userId);
  const writes = auth.grants.some((g) => ROLE_ACTIONS[g.role].includes('systems:write'));
  let system: SystemRow | null = null;
  let act: boolean;
  // The one to act, and the approver asked, see the finding even without a grant over it (their task names it).
  const concerned = personId !== null && (row.owner_person_id === personId || row.risk_approver_person_id === personId);
  if (row.system_id) {
    const readable = await readableSystem(db, auth, row.system_id, today);
    if (!readable && !concerned) throw new AppError('not_found');
    system = readable?.row ?? (await findSystem(db, row.system_id)) ?? null;
    act =
      writes &&
      (row.owner_person_id === personId || (system !== null && (await canEditSystem(db, auth, system, { today, editorRoles: pack.settings.systemEditors, personId }))));
  } else {
    const scope = row.unit_id ? await unitScope(db, row.unit_id) : undefined;
    if (!concerned && !can(auth.grants, 'systems:read', scope)) throw new AppError('not_found');
    act = writes && (row.owner_person_id === personId || can(auth.grants, 'systems:write', scope));
  }
  const approverRoles = system ? pack.followUp.riskApprovers : pack.followUp.kommunRiskApprovers;
  const approve =
    writes &&
    personId !== null &&
    (system
      ? (await approverRolesOf(db, personId, system.id, system.owning_unit_id, approverRoles, today)).length > 0
      : await holdsRole(db, personId, approverRoles, today));
  return { row, system, pack, today, personId, act: act && row.status === 'open', approve: approve && row.status === 'open', approverRoles };
}
