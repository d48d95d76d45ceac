import { inTransaction, recordAudit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { canCreateFor, type Caller } from './access.ts';
import { sortKey } from '../../platform/text.ts';
import { searchTextOf } from './model.ts';
import { columnsOf, diffFacts, factsOf, type SystemView } from './present.ts';
import { getSystem } from './get-system.ts';
import { replaceUsingUnits, updateSystemAtVersion, usingUnitsOf } from './repository.ts';
import type { SystemFactsInput, SystemPatch } from './schemas.ts';
import { assertUnits, loadForChange } from './system-rules.ts';

/**
 * Changes a system's facts (not its lifecycle or confirmation: they have their own actions). A stale
 * version is a 409 and nothing is written; a patch that changes nothing writes nothing. Moving the
 * system to another owning unit needs the right to register systems there too.
 */
export async function updateSystem(ctx: Ctx, auth: Caller, id: string, patch: SystemPatch): Promise<SystemView> {
  const { row } = await loadForChange(ctx, auth, id, patch.version);
  const usingBefore = (await usingUnitsOf(ctx.db, id)).map((u) => u.id);
  const before = factsOf(row, usingBefore);
  const { version: _version, ...changes } = patch;
  const merged: SystemFactsInput = { ...before, ...(Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as Partial<SystemFactsInput>) };
  const after: SystemFactsInput = {
    ...merged,
    usingUnitIds: [...new Set(merged.usingUnitIds)].filter((u) => u !== merged.owningUnitId).sort(),
  };
  before.usingUnitIds = [...before.usingUnitIds].sort();
  const diff = diffFacts(before, after);
  if (diff.fields.length) {
    if (diff.fields.includes('owningUnitId') && !(await canCreateFor(ctx.db, auth.grants, after.owningUnitId))) {
      await assertUnits(ctx.db, after.owningUnitId, []);
      throw new AppError('forbidden');
    }
    await inTransaction(ctx, async (trx) => {
      await assertUnits(trx, after.owningUnitId, after.usingUnitIds, [...before.usingUnitIds, before.owningUnitId]);
      const written = await updateSystemAtVersion(trx, id, patch.version, {
        ...columnsOf(after),
        name_sort: sortKey(after.name),
        search_text: searchTextOf(after.name, after.aliases, row.register_no),
        updated_at: ctx.now().toISOString(),
      });
      if (!written) throw new AppError('conflict');
      if (diff.fields.includes('usingUnitIds')) await replaceUsingUnits(trx, id, after.usingUnitIds);
      await recordAudit(trx, ctx, { entityType: 'system', entityId: id, action: 'update', before: diff.before, after: diff.after });
    });
  }
  return getSystem(ctx, auth, id);
}
