import type { Grant } from '../../platform/access/permissions.ts';
import { inTransaction, recordAudit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { presentUnits, searchText, type OrgUnitView, type UnitFunction, type UnitKind } from './present.ts';
import { findUnit, rootOf, updateUnit, type UnitChanges } from './repository.ts';
import {
  assertExternalIdFree,
  assertFunctionFree,
  assertManage,
  assertPlacement,
  auditUnit,
  loadForChange,
  lockOrgTree,
} from './unit-rules.ts';
import { sortKey } from '../../platform/text.ts';

export interface UnitPatch {
  version: number;
  name?: string | undefined;
  kind?: UnitKind | undefined;
  code?: string | null | undefined;
  externalId?: string | null | undefined;
  function?: UnitFunction | null | undefined;
}

/**
 * Renames or otherwise changes a unit's own fields (not its place: see move). Optimistic concurrency:
 * the caller sends the version it read; a stale version is 409 and changes nothing. Returns the unit
 * with its new version; a patch that changes nothing keeps the version and writes nothing.
 */
export async function updateOrgUnit(ctx: Ctx, grants: readonly Grant[], id: string, patch: UnitPatch): Promise<OrgUnitView> {
  return inTransaction(ctx, async (trx) => {
    await lockOrgTree(trx, ctx);
    await assertManage(trx, grants, id);
    const unit = await loadForChange(trx, id, patch.version);
    const changes: UnitChanges = {};
    if (patch.name !== undefined && patch.name !== unit.name) changes.name = patch.name;
    if (patch.kind !== undefined && patch.kind !== unit.kind) changes.kind = patch.kind;
    if (patch.code !== undefined && patch.code !== unit.code) changes.code = patch.code;
    if (patch.externalId !== undefined && patch.externalId !== unit.external_id) changes.external_id = patch.externalId;
    if (patch.function !== undefined && patch.function !== unit.function) changes.function = patch.function;
    if (!Object.keys(changes).length) return (await presentUnits(trx, [unit]))[0]!;

    if (changes.kind) assertPlacement(changes.kind as UnitKind, unit.parent_id, 'kind');
    if (changes.function && unit.status === 'active') {
      const root = (await rootOf(trx, id)) ?? id;
      await assertFunctionFree(trx, root, changes.function, { unit: id });
    }
    if (changes.external_id !== undefined) await assertExternalIdFree(trx, changes.external_id, id);
    if (changes.name !== undefined || changes.code !== undefined) {
      changes.name_search = searchText(changes.name ?? unit.name, changes.code !== undefined ? changes.code : unit.code);
      changes.name_sort = sortKey(changes.name ?? unit.name);
    }
    if (!(await updateUnit(trx, id, unit.version, changes, ctx.now().toISOString()))) throw new AppError('conflict');
    const after = (await findUnit(trx, id))!;
    await recordAudit(trx, ctx, {
      entityType: 'org_unit',
      entityId: id,
      action: 'update',
      before: auditUnit(unit),
      after: auditUnit(after),
    });
    return (await presentUnits(trx, [after]))[0]!;
  });
}
