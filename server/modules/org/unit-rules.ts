import { assertCan, type Grant, unitScope } from '../../platform/access/permissions.ts';
import type { Ctx } from '../../platform/context.ts';
import { transactionLock, type Tx } from '../../platform/db/index.ts';
import { AppError, type FieldProblem } from '../../platform/errors.ts';
import type { UnitFunction, UnitKind } from './present.ts';
import { findByExternalId, findFunctionHolder, findUnit, type UnitRow } from './repository.ts';

/** Rules every change of the org tree follows; shared by the unit use cases. */

const ORG_TREE_LOCK_KEY = 0x6f726774; // "orgt"

/**
 * Changes of the tree run one at a time (a transaction-scoped lock on PostgreSQL; SQLite writers are
 * serial anyway), so two concurrent moves cannot build a cycle between them and two units cannot both
 * take a kommun's IT-enhet function. Checks that follow the lock see every earlier change.
 */
export const lockOrgTree = (trx: Tx, ctx: Ctx): Promise<void> => transactionLock(trx, ctx.dialect, ORG_TREE_LOCK_KEY);

const invalid = (...fields: FieldProblem[]) => new AppError('validation_failed', { fields });

/** org:manage on a unit (its grant, or one on an ancestor with sub-units); null = installation-wide. */
export async function assertManage(trx: Tx, grants: readonly Grant[], unitId: string | null): Promise<void> {
  if (unitId === null) assertCan(grants, 'org:manage');
  else assertCan(grants, 'org:manage', await unitScope(trx, unitId));
}

/** A kommun is always at the top, and only a kommun is. */
export function assertPlacement(kind: UnitKind, parentId: string | null, field: 'kind' | 'parentId'): void {
  if (parentId === null && kind !== 'kommun') throw invalid({ path: field, key: 'org.root_must_be_kommun' });
  if (parentId !== null && kind === 'kommun') throw invalid({ path: field, key: 'org.kommun_must_be_root' });
}

/** The new parent must exist and be active. */
export async function loadParent(trx: Tx, parentId: string): Promise<UnitRow> {
  const parent = await findUnit(trx, parentId);
  if (!parent) throw invalid({ path: 'parentId', key: 'org.parent_not_found' });
  if (parent.status !== 'active') throw invalid({ path: 'parentId', key: 'org.parent_inactive' });
  return parent;
}

/** At most one active unit per kommun has each function (it_unit, kansli). */
export async function assertFunctionFree(
  trx: Tx,
  rootId: string,
  fn: UnitFunction,
  except: { unit?: string; subtreeOf?: string },
  field: 'function' | 'parentId' = 'function',
): Promise<void> {
  const holder = await findFunctionHolder(trx, rootId, fn, except);
  if (holder)
    throw invalid({ path: field, key: fn === 'it_unit' ? 'org.it_unit_taken' : 'org.kansli_taken', params: { unit: holder.name } });
}

/** External ids are unique (the HR import matches on them). */
export async function assertExternalIdFree(trx: Tx, externalId: string | null | undefined, selfId?: string): Promise<void> {
  if (!externalId) return;
  const other = await findByExternalId(trx, externalId);
  if (other && other.id !== selfId) throw invalid({ path: 'externalId', key: 'org.external_id_taken', params: { unit: other.name } });
}

/** Loads the unit being changed and checks the version the caller read. */
export async function loadForChange(trx: Tx, id: string, version: number): Promise<UnitRow> {
  const unit = await findUnit(trx, id);
  if (!unit) throw new AppError('not_found');
  if (Number(unit.version) !== version) throw new AppError('conflict');
  return unit;
}

/** The audited shape of a unit (its columns, without search text or bookkeeping). */
export const auditUnit = (u: UnitRow) => ({
  name: u.name,
  kind: u.kind,
  code: u.code,
  externalId: u.external_id,
  function: u.function,
  status: u.status,
  parentId: u.parent_id,
  version: Number(u.version),
});
