import type { z } from 'zod';
import { eventsOfRequest, inTransaction, recordAudit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { uniqueViolationText } from '../../platform/db/index.ts';
import { AppError } from '../../platform/errors.ts';
import { applicableBatch } from '../../platform/import-batches.ts';
import type { Auth } from '../../platform/http/types.ts';
import { classificationOf } from '../../policy/classification.ts';
import { importDrafts, levelsOffScale } from '../classifications/index.ts';
import { assertKommunExists } from '../org/index.ts';
import { getActivePack } from '../policy/index.ts';
import { assertStillAllowed } from './access.ts';
import { planSchema } from './plan-types.ts';
import { effectsOf } from './preview-import.ts';
import { batches } from './repository.ts';
import type { importResultSchema } from './schemas.ts';
import { writePlan } from './write-plan.ts';

export type ImportResult = z.infer<typeof importResultSchema>;

/**
 * Applies a dry-run's plan exactly as shown, all or nothing, in one transaction: one audit event per
 * change (origin import) and one for the import. Only the user who made the dry-run may apply it, once,
 * within the hour. If any system the plan read changed since (its version, its holders of the imported
 * roles, its agreements), or an e-mail a new person needs was taken, it is a 409 and nothing is written. The rows'
 * K/R/T become draft classifications (method import) through the classifications module, after the systems; a K/R/T
 * the policy's scale no longer allows (a new pack since the dry-run) is a 409 too.
 */
export async function applyImport(ctx: Ctx, auth: Auth, importId: string): Promise<ImportResult> {
  await assertKommunExists(ctx.db);
  const now = ctx.now().toISOString();
  const batch = applicableBatch(await batches.find(ctx.db, importId), ctx.actor?.userId, now);
  const plan = planSchema.parse(JSON.parse(batch.plan_json));
  const newUnits = new Set(plan.units.map((u) => u.id));
  await assertStillAllowed(ctx.db, auth.grants, {
    owners: plan.owners,
    newUnitParents: plan.units.map((u) => u.parentId),
    peopleHomes: plan.people.map((p) => p.homeUnitId).filter((u) => !newUnits.has(u)),
  });

  const spec = classificationOf((await getActivePack(ctx)).pack);
  if (plan.classifications.some((d) => levelsOffScale(spec, d.levels).length)) throw new AppError('conflict');
  const importCtx: Ctx = { ...ctx, origin: 'import' };
  const effects = effectsOf(plan);
  const classifications = plan.classificationCounts;
  try {
    await inTransaction(importCtx, async (trx) => {
      if (!(await batches.claim(trx, importId, now))) throw new AppError('conflict');
      await writePlan(trx, importCtx, plan);
      // The systems exist now: their K/R/T drafts are written (and audited) by the classifications module.
      await importDrafts(trx, importCtx, spec, plan.classifications.map((d) => ({ systemId: d.systemId, levels: d.levels, reference: d.reference })));
      await recordAudit(trx, importCtx, {
        entityType: 'system_import',
        entityId: importId,
        action: 'apply',
        after: { fileName: batch.file_name, counts: plan.counts, effects, classifications, changes: await eventsOfRequest(trx, importCtx) },
      });
      await batches.replacePlan(trx, importId, JSON.stringify({ applied: true, counts: plan.counts, effects, classifications }));
    });
  } catch (err) {
    // A unique index hit: a new person's e-mail was taken since the dry-run.
    throw uniqueViolationText(err) !== null ? new AppError('conflict') : err;
  }
  return { id: importId, appliedAt: now, counts: plan.counts, effects, classifications };
}
