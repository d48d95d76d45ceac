import type { Caller } from './access.ts';
import { inTransaction, recordAudit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { getSystem } from './get-system.ts';
import type { SystemView } from './present.ts';
import { updateSystemAtVersion } from './repository.ts';
import { loadForChange } from './system-rules.ts';

/** "Confirm unchanged": the record is still true. Moves only the confirmation date (and who confirmed). */
export async function confirmSystem(ctx: Ctx, auth: Caller, id: string, input: { version: number }): Promise<SystemView> {
  const { row } = await loadForChange(ctx, auth, id, input.version);
  await inTransaction(ctx, async (trx) => {
    const now = ctx.now().toISOString();
    const written = await updateSystemAtVersion(trx, id, input.version, {
      confirmed_at: now,
      confirmed_by: ctx.actor?.userId ?? null,
      updated_at: row.updated_at,
    });
    if (!written) throw new AppError('conflict');
    await recordAudit(trx, ctx, { entityType: 'system', entityId: id, action: 'confirm', before: { confirmedAt: row.confirmed_at }, after: { confirmedAt: now } });
  });
  return getSystem(ctx, auth, id);
}
