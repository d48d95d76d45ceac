import type { Grant } from '../../platform/access/permissions.ts';
import { inTransaction, recordAudit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { presentUnits, searchText, type OrgUnitView, type UnitFunction, type UnitKind } from './present.ts';
import { insertUnit, rootOf, type UnitRow } from './repository.ts';
import {
  assertExternalIdFree,
  assertFunctionFree,
  assertManage,
  assertPlacement,
  auditUnit,
  loadParent,
  lockOrgTree,
} from './unit-rules.ts';
import { sortKey } from '../../platform/text.ts';

export interface NewUnit {
  name: string;
  kind: UnitKind;
  parentId: string | null;
  code?: string | null | undefined;
  externalId?: string | null | undefined;
  function?: UnitFunction | null | undefined;
}

/**
 * Creates a unit under a parent the caller manages (a kommun at the top needs an installation-wide
 * grant) and its closure rows. A förvaltning without a nämnd above it is allowed: the policy engine
 * reports it as a finding.
 */
export async function createOrgUnit(ctx: Ctx, grants: readonly Grant[], input: NewUnit): Promise<OrgUnitView> {
  return inTransaction(ctx, async (trx) => {
    await lockOrgTree(trx, ctx);
    await assertManage(trx, grants, input.parentId);
    assertPlacement(input.kind, input.parentId, 'kind');
    const fn = input.function ?? null;
    if (input.parentId !== null) {
      await loadParent(trx, input.parentId);
      const root = await rootOf(trx, input.parentId);
      if (fn && root) await assertFunctionFree(trx, root, fn, {});
    }
    await assertExternalIdFree(trx, input.externalId);
    const at = ctx.now().toISOString();
    const code = input.code ?? null;
    const row: UnitRow = {
      id: uuidv7(),
      parent_id: input.parentId,
      name: input.name,
      name_search: searchText(input.name, code),
      name_sort: sortKey(input.name),
      code,
      external_id: input.externalId ?? null,
      function: fn,
      kind: input.kind,
      status: 'active',
      created_at: at,
      updated_at: at,
      version: 1,
    };
    await insertUnit(trx, row);
    await recordAudit(trx, ctx, { entityType: 'org_unit', entityId: row.id, action: 'create', after: auditUnit(row) });
    const [view] = await presentUnits(trx, [row]);
    return view!;
  });
}
