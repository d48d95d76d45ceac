import type { Ctx } from '../../platform/context.ts';
import { transactionLock, type Db, type Tx } from '../../platform/db/index.ts';
import { AppError, type FieldProblem } from '../../platform/errors.ts';
import { getActivePack } from '../policy/index.ts';
import type { Pack } from '../../policy/schema.ts';
import { assertEdit, type Caller } from './access.ts';
import { todayOf } from '../../platform/dates.ts';
import { findSystem, unitsByIds, type SystemRow } from './repository.ts';

/** Rules every change of a system follows; shared by the system use cases. */

const SYSTEMS_LOCK_KEY = 0x73797374; // "syst"

/** Changes of systems run one at a time on PostgreSQL (SQLite writers are serial anyway): register numbers stay unique and gapless. */
export const lockSystems = (trx: Tx, ctx: Ctx): Promise<void> => transactionLock(trx, ctx.dialect, SYSTEMS_LOCK_KEY);

export const invalid = (...fields: FieldProblem[]) => new AppError('validation_failed', { fields });

/** The owning unit and the using units exist and are active (an inactive unit may stay where it already is). */
export async function assertUnits(db: Db | Tx, owningUnitId: string, usingUnitIds: readonly string[], keep: readonly string[] = []): Promise<void> {
  const ids = [...new Set([owningUnitId, ...usingUnitIds])];
  const units = new Map((await unitsByIds(db, ids)).map((u) => [u.id, u]));
  const owner = units.get(owningUnitId);
  if (!owner) throw invalid({ path: 'owningUnitId', key: 'systems.unit_not_found' });
  if (owner.status !== 'active' && !keep.includes(owningUnitId)) throw invalid({ path: 'owningUnitId', key: 'systems.unit_inactive' });
  usingUnitIds.forEach((id, i) => {
    const unit = units.get(id);
    if (!unit) throw invalid({ path: `usingUnitIds.${i}`, key: 'systems.unit_not_found' });
    if (unit.status !== 'active' && !keep.includes(id)) throw invalid({ path: `usingUnitIds.${i}`, key: 'systems.unit_inactive' });
  });
}

/** An avvecklad system is final: its record is read-only. */
export function assertNotRetired(row: Pick<SystemRow, 'lifecycle'>): void {
  if (row.lifecycle === 'retired') throw new AppError('refused', { fields: [{ path: 'lifecycle', key: 'systems.retired_read_only' }] });
}

/**
 * Loads a system for a change: 404 when it does not exist, 403 without change rights, 409 when it is
 * avvecklad or the version is stale. The pack is returned for the callers' other rules.
 */
export async function loadForChange(
  ctx: Ctx,
  auth: Caller,
  id: string,
  version: number | null,
): Promise<{ row: SystemRow; pack: Pack; today: string }> {
  const row = await findSystem(ctx.db, id);
  if (!row) throw new AppError('not_found');
  const { pack } = await getActivePack(ctx);
  const today = todayOf(ctx);
  await assertEdit(ctx.db, auth, row, { today, editorRoles: pack.settings.systemEditors });
  assertNotRetired(row);
  if (version !== null && version !== row.version) throw new AppError('conflict');
  return { row, pack, today };
}
