import type { Grant } from '../../platform/access/permissions.ts';
import type { Ctx } from '../../platform/context.ts';
import type { Db, Tx } from '../../platform/db/index.ts';
import { getActivePack } from '../policy/index.ts';
import { canEdit, readableSystem, type Caller } from './access.ts';
import { todayOf } from '../../platform/dates.ts';

/**
 * A system as the subject of role assignments (modules/org assigns the roles). Roles on a system are
 * managed by whoever may change the system: an administrator reaching its owning unit, or a holder of
 * one of the pack's systemEditors roles on it.
 */
export interface SystemSubject {
  id: string;
  name: string;
  retired: boolean;
  /** The caller may assign, hand over and end roles on it. */
  manage: boolean;
}

/** The system if it exists and the caller may see it, with whether they may manage its roles; else null. */
export async function systemSubject(
  ctx: Ctx,
  db: Db | Tx,
  grants: readonly Grant[],
  userId: string | null,
  systemId: string,
): Promise<SystemSubject | null> {
  const caller: Caller = { grants, session: { userId } };
  const today = todayOf(ctx);
  const readable = await readableSystem(db, caller, systemId, today);
  if (!readable) return null;
  const { row } = readable;
  const { pack } = await getActivePack(ctx);
  const manage = await canEdit(db, caller, row, { today, editorRoles: pack.settings.systemEditors });
  return { id: row.id, name: row.name, retired: row.lifecycle === 'retired', manage };
}
