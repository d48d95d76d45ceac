import type { Grant } from '../../platform/access/permissions.ts';
import { inTransaction, recordAudit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { presentUnits, type OrgUnitView } from './present.ts';
import { countActiveChildren, countActivePeople, findUnit, updateUnit } from './repository.ts';
import { assertManage, auditUnit, loadForChange, lockOrgTree } from './unit-rules.ts';

/**
 * Marks a unit inactive; units are never deleted (history, reviews and findings refer to them).
 * Refused with 409 while the unit has active sub-units or active people. Deactivating an inactive
 * unit changes nothing.
 */
export async function deactivateOrgUnit(ctx: Ctx, grants: readonly Grant[], id: string, version: number): Promise<OrgUnitView> {
  return inTransaction(ctx, async (trx) => {
    await lockOrgTree(trx, ctx);
    await assertManage(trx, grants, id);
    const unit = await loadForChange(trx, id, version);
    if (unit.status === 'inactive') return (await presentUnits(trx, [unit]))[0]!;
    if ((await countActiveChildren(trx, id)) > 0)
      throw new AppError('refused', { fields: [{ path: 'status', key: 'org.has_active_subunits' }] });
    if ((await countActivePeople(trx, id)) > 0)
      throw new AppError('refused', { fields: [{ path: 'status', key: 'org.has_active_people' }] });
    if (!(await updateUnit(trx, id, unit.version, { status: 'inactive' }, ctx.now().toISOString()))) throw new AppError('conflict');
    const after = (await findUnit(trx, id))!;
    await recordAudit(trx, ctx, {
      entityType: 'org_unit',
      entityId: id,
      action: 'deactivate',
      before: auditUnit(unit),
      after: auditUnit(after),
    });
    return (await presentUnits(trx, [after]))[0]!;
  });
}
