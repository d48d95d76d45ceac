import { recordAudit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import type { Db, Tx } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { sortKey } from '../../platform/text.ts';
import { searchText, type UnitKind } from './present.ts';
import { insertUnit, kommunExists, type UnitRow } from './repository.ts';
import { auditUnit, lockOrgTree } from './unit-rules.ts';

/**
 * The kommun at the start (docs/ORGANISATION.md, "The kommun at setup"): imports and registering need a
 * kommun at the top of the tree, so setup (or the first visit to the start page) creates it together with
 * its kommunstyrelse — the policy's top — and everything else goes below.
 */

/** The name the kommunstyrelse gets; it can be renamed like any unit. */
export const KOMMUNSTYRELSE_NAME = 'Kommunstyrelsen';

/** 409 kommun_missing unless an active kommun exists: the first check of every import and form that needs one. */
export async function assertKommunExists(db: Db | Tx): Promise<void> {
  if (!(await kommunExists(db))) throw new AppError('kommun_missing');
}

export { kommunExists };

/**
 * Creates the kommun and its kommunstyrelse below it, in the caller's transaction, each with its audit
 * event. The caller decides who may (setup: the first administrator; the start page: org:manage over the
 * whole installation). When a kommun exists already it is refused (409, on `field`): a second kommun
 * (IT-samverkan) is added on the organisation page.
 */
export async function createKommun(
  trx: Tx,
  ctx: Ctx,
  name: string,
  field = 'name',
): Promise<{ kommunId: string; kommunstyrelseId: string }> {
  await lockOrgTree(trx, ctx);
  if (await kommunExists(trx)) throw new AppError('refused', { fields: [{ path: field, key: 'org.kommun_exists' }] });
  const at = ctx.now().toISOString();
  const unit = (unitName: string, kind: UnitKind, parentId: string | null): UnitRow => ({
    id: uuidv7(),
    parent_id: parentId,
    name: unitName,
    name_search: searchText(unitName, null),
    name_sort: sortKey(unitName),
    code: null,
    external_id: null,
    function: null,
    kind,
    status: 'active',
    created_at: at,
    updated_at: at,
    version: 1,
  });
  const kommun = unit(name, 'kommun', null);
  const board = unit(KOMMUNSTYRELSE_NAME, 'kommunstyrelse', kommun.id);
  for (const row of [kommun, board]) {
    await insertUnit(trx, row);
    await recordAudit(trx, ctx, { entityType: 'org_unit', entityId: row.id, action: 'create', after: auditUnit(row) });
  }
  return { kommunId: kommun.id, kommunstyrelseId: board.id };
}
