import { inTransaction, recordAudit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { canRead, type Caller } from './access.ts';
import { getSystem } from './get-system.ts';
import type { SystemView } from './present.ts';
import { dependsTransitively, findDependency, findSystem, insertDependency, usingUnitsOf } from './repository.ts';
import { invalid, loadForChange, lockSystems } from './system-rules.ts';

/** Records that the system depends on another (which the caller may see); no self-dependency and no cycle. */
export async function addDependency(
  ctx: Ctx,
  auth: Caller,
  id: string,
  input: { dependsOnId: string; description?: string | null | undefined },
): Promise<SystemView> {
  const { today } = await loadForChange(ctx, auth, id, null);
  if (input.dependsOnId === id) throw invalid({ path: 'dependsOnId', key: 'systems.depends_on_self' });
  const other = await findSystem(ctx.db, input.dependsOnId);
  const visible = other && (await canRead(ctx.db, auth, other, (await usingUnitsOf(ctx.db, other.id)).map((u) => u.id), today));
  if (!other || !visible) throw invalid({ path: 'dependsOnId', key: 'systems.not_found' });
  await inTransaction(ctx, async (trx) => {
    await lockSystems(trx, ctx);
    if (await findDependency(trx, id, other.id)) throw invalid({ path: 'dependsOnId', key: 'systems.dependency_exists' });
    if (await dependsTransitively(trx, other.id, id)) throw invalid({ path: 'dependsOnId', key: 'systems.dependency_cycle' });
    const description = input.description ?? null;
    await insertDependency(trx, { system_id: id, depends_on_id: other.id, description });
    await recordAudit(trx, ctx, { entityType: 'system', entityId: id, action: 'add_dependency', after: { dependsOnId: other.id, description } });
  });
  return getSystem(ctx, auth, id);
}
