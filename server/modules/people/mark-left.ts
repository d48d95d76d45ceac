import { recordAudit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import { findPersonRecord, updatePersonAtVersion } from './repository.ts';

/**
 * Marks a person as left, in the caller's transaction, with a note the audit trail keeps (the event's
 * message and `note` in its after): the repair of people that are organisations. The caller has checked
 * the permission. Unknown → 404; already left, or a version other than `version` → 409 conflict.
 * Never deletes.
 */
export async function markPersonLeft(trx: Tx, ctx: Ctx, s: { id: string; version: number; note: string }): Promise<void> {
  const current = await findPersonRecord(trx, s.id);
  if (!current) throw new AppError('not_found');
  if (current.version !== s.version || current.status === 'left') throw new AppError('conflict');
  const at = ctx.now().toISOString();
  if (!(await updatePersonAtVersion(trx, s.id, s.version, { status: 'left', left_at: at, updated_at: at }))) throw new AppError('conflict');
  await recordAudit(trx, ctx, {
    entityType: 'person',
    entityId: s.id,
    action: 'mark_left',
    before: { status: current.status, leftAt: current.left_at },
    after: { status: 'left', leftAt: at, note: s.note },
    message: s.note,
  });
}
