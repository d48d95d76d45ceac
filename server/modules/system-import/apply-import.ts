import type { z } from 'zod';
import { inTransaction, recordAudit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Auth } from '../../platform/http/types.ts';
import { assertStillAllowed } from './access.ts';
import { planSchema } from './plan-types.ts';
import { effectsOf } from './preview-import.ts';
import { claimImport, findImport, replacePlan } from './repository.ts';
import type { importResultSchema } from './schemas.ts';
import { writePlan } from './write-plan.ts';

export type ImportResult = z.infer<typeof importResultSchema>;

/** A unique index hit: a new person's e-mail was taken since the dry-run. */
const uniqueViolation = (err: unknown): boolean => {
  const code = (err as { code?: unknown }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
};

/**
 * Applies a dry-run's plan exactly as shown, all or nothing, in one transaction: one audit event per
 * change (origin import) and one for the import. Only the user who made the dry-run may apply it, once,
 * within the hour. If any system the plan read changed since (its version, its holders of the imported
 * roles, its agreements), or an e-mail a new person needs was taken, it is a 409 and nothing is written.
 */
export async function applyImport(ctx: Ctx, auth: Auth, importId: string): Promise<ImportResult> {
  const batch = await findImport(ctx.db, importId);
  const now = ctx.now().toISOString();
  if (!batch || batch.created_by !== ctx.actor?.userId) throw new AppError('not_found');
  if (batch.applied_at) throw new AppError('conflict');
  if (batch.expires_at <= now) throw new AppError('not_found');
  const plan = planSchema.parse(JSON.parse(batch.plan_json));
  const newUnits = new Set(plan.units.map((u) => u.id));
  await assertStillAllowed(ctx.db, auth.grants, {
    owners: plan.owners,
    newUnitParents: plan.units.map((u) => u.parentId),
    peopleHomes: plan.people.map((p) => p.homeUnitId).filter((u) => !newUnits.has(u)),
  });

  const importCtx: Ctx = { ...ctx, origin: 'import' };
  const effects = effectsOf(plan);
  try {
    await inTransaction(importCtx, async (trx) => {
      if (!(await claimImport(trx, importId, now))) throw new AppError('conflict');
      await writePlan(trx, importCtx, plan);
      await recordAudit(trx, importCtx, {
        entityType: 'system_import',
        entityId: importId,
        action: 'apply',
        after: { fileName: batch.file_name, counts: plan.counts, effects },
      });
      await replacePlan(trx, importId, JSON.stringify({ applied: true, counts: plan.counts, effects }));
    });
  } catch (err) {
    throw uniqueViolation(err) ? new AppError('conflict') : err;
  }
  return { id: importId, appliedAt: now, counts: plan.counts, effects };
}
