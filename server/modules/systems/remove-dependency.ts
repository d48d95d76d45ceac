import type { Caller } from './access.ts';
import { inTransaction, recordAudit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { getSystem } from './get-system.ts';
import type { SystemView } from './present.ts';
import { deleteDependency, findDependency } from './repository.ts';
import { loadForChange } from './system-rules.ts';

/** Removes a dependency (the link only: both systems stay; the removal is in the audit trail). */
export async function removeDependency(ctx: Ctx, auth: Caller, id: string, dependsOnId: string): Promise<SystemView> {
  await loadForChange(ctx, auth, id, null);
  await inTransaction(ctx, async (trx) => {
    const existing = await findDependency(trx, id, dependsOnId);
    if (!existing) throw new AppError('not_found');
    await deleteDependency(trx, id, dependsOnId);
    await recordAudit(trx, ctx, {
      entityType: 'system',
      entityId: id,
      action: 'remove_dependency',
      before: { dependsOnId, description: existing.description },
    });
  });
  return getSystem(ctx, auth, id);
}
