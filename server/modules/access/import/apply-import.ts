import type { z } from 'zod';
import { inTransaction, recordAudit } from '../../../platform/audit/audit.ts';
import { note } from '../../../platform/changes.ts';
import type { Ctx } from '../../../platform/context.ts';
import { transactionLock, uniqueViolationText } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Auth } from '../../../platform/http/types.ts';
import { applicableBatch } from '../../../platform/import-batches.ts';
import { adminAccess } from '../access.ts';
import { planSchema } from './plan-types.ts';
import { batches, fingerprintOf } from './repository.ts';
import type { importResultSchema } from './schemas.ts';
import { fullImportApplied } from './after-import.ts';
import { writePlan } from './write-plan.ts';

export type ImportResult = z.infer<typeof importResultSchema>;

/** Imports of user lists wait for each other (PostgreSQL; SQLite has one writer anyway). */
const ACCESS_IMPORT_LOCK_KEY = 0x61636373; // "accs"

/**
 * Applies a dry-run's plan exactly as shown, all or nothing, in one transaction: one audit event per change
 * (origin import) and one for the import. Only the user who made the dry-run may apply it (404 for anyone else),
 * once (409 the second time), within the hour, and only while they may still administer the system's access. If
 * the system's access changed since the dry-run (any access role, account or grant of it), it is a 409 and
 * nothing is written.
 */
export async function applyImport(ctx: Ctx, auth: Auth, importId: string): Promise<ImportResult> {
  const now = ctx.now().toISOString();
  const batch = applicableBatch(await batches.find(ctx.db, importId), ctx.actor?.userId, now);
  const plan = planSchema.parse(JSON.parse(batch.plan_json));
  await adminAccess(ctx, auth, plan.systemId);
  const importCtx: Ctx = { ...ctx, origin: 'import' };
  try {
    await inTransaction(importCtx, async (trx) => {
      if (!(await batches.claim(trx, importId, now))) throw new AppError('conflict');
      await transactionLock(trx, ctx.dialect, ACCESS_IMPORT_LOCK_KEY);
      if ((await fingerprintOf(trx, plan.systemId)) !== plan.fingerprint) throw new AppError('conflict');
      const changes = await writePlan(trx, importCtx, plan, now);
      // A full list says what is gone: removals waiting for it are confirmed (access orders listen).
      if (plan.mode === 'full') await fullImportApplied(trx, importCtx, { systemId: plan.systemId, endedGrantIds: plan.ends.map(([id]) => id) });
      await recordAudit(trx, importCtx, {
        entityType: 'access_import',
        entityId: importId,
        action: 'apply',
        after: { systemId: plan.systemId, mode: plan.mode, fileName: batch.file_name, counts: plan.counts, effects: plan.effects, changes },
      });
      await batches.replacePlan(trx, importId, JSON.stringify({ applied: true, systemId: plan.systemId, counts: plan.counts, effects: plan.effects }));
      note(trx, [{ entityType: 'system', entityId: plan.systemId, action: 'access' }]);
    });
  } catch (err) {
    // A unique index hit: an account, access role or grant the plan makes was made by someone else since.
    throw uniqueViolationText(err) !== null ? new AppError('conflict') : err;
  }
  return { id: importId, systemId: plan.systemId, mode: plan.mode, appliedAt: now, counts: plan.counts, effects: plan.effects };
}
