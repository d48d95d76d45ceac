import type { Grant } from '../../platform/access/permissions.ts';
import { inTransaction, recordAudit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { presentUnits, type OrgUnitView, type UnitKind } from './present.ts';
import { findUnit, functionsInSubtree, isInSubtree, relinkSubtree, rootOf, updateUnit } from './repository.ts';
import { assertFunctionFree, assertManage, assertPlacement, auditUnit, loadForChange, loadParent, lockOrgTree } from './unit-rules.ts';

/**
 * Moves a unit, with everything under it, to a new parent. The caller must manage both the unit and
 * the new parent. The new parent may not be the unit itself or below it (400 field.cycle on parentId).
 * The closure table is re-linked in the same transaction as the parent change and its audit event.
 */
export async function moveOrgUnit(
  ctx: Ctx,
  grants: readonly Grant[],
  id: string,
  input: { version: number; parentId: string | null },
): Promise<OrgUnitView> {
  return inTransaction(ctx, async (trx) => {
    await lockOrgTree(trx, ctx);
    await assertManage(trx, grants, id);
    await assertManage(trx, grants, input.parentId);
    const unit = await loadForChange(trx, id, input.version);
    if (input.parentId === unit.parent_id) return (await presentUnits(trx, [unit]))[0]!;
    assertPlacement(unit.kind as UnitKind, input.parentId, 'parentId');
    if (input.parentId !== null) {
      if (await isInSubtree(trx, id, input.parentId))
        throw new AppError('validation_failed', { fields: [{ path: 'parentId', key: 'field.cycle' }] });
      await loadParent(trx, input.parentId);
      const newRoot = (await rootOf(trx, input.parentId))!;
      if (newRoot !== (await rootOf(trx, id))) {
        for (const fn of await functionsInSubtree(trx, id)) await assertFunctionFree(trx, newRoot, fn, { subtreeOf: id }, 'parentId');
      }
    }
    if (!(await updateUnit(trx, id, unit.version, { parent_id: input.parentId }, ctx.now().toISOString()))) throw new AppError('conflict');
    await relinkSubtree(trx, id, input.parentId);
    const after = (await findUnit(trx, id))!;
    await recordAudit(trx, ctx, { entityType: 'org_unit', entityId: id, action: 'move', before: auditUnit(unit), after: auditUnit(after) });
    return (await presentUnits(trx, [after]))[0]!;
  });
}
