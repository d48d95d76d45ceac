import type { z } from 'zod';
import { canSomewhere } from '../../../platform/access/permissions.ts';
import { inTransaction, recordAudit } from '../../../platform/audit/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Auth } from '../../../platform/http/types.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { reachOf, unitsInReach } from '../../../platform/access/reach.ts';
import type { importPreviewSchema } from '../schemas.ts';
import { assertKommunExists } from '../../org/index.ts';
import { planImport } from './plan.ts';
import { IMPORT_TTL_MS } from './plan-types.ts';
import { readTable } from './read-table.ts';
import { batches, insertImport, loadActiveUnits, loadPeople, loadSupplierNames } from './repository.ts';
import { giveWay } from '../../../platform/pace.ts';

export type ImportPreview = z.infer<typeof importPreviewSchema>;

/**
 * Dry-run of an HR import: reads the file, plans every row against the people and units of today and
 * the caller's org:manage reach, stores the plan for an hour and shows it. Nothing about people changes.
 */
export async function previewImport(
  ctx: Ctx,
  auth: Auth,
  input: { fileName: string | null; data: Buffer; mode: 'full' | 'partial' },
): Promise<ImportPreview> {
  if (!canSomewhere(auth.grants, 'org:manage')) throw new AppError('forbidden');
  // Without a kommun there is no unit to put anyone in; say what to do instead of refusing every row.
  await assertKommunExists(ctx.db);
  const table = await readTable(input.data);
  const [people, units, reachable] = [await loadPeople(ctx.db), await loadActiveUnits(ctx.db), await unitsInReach(ctx.db, reachOf(auth.grants, 'org:manage'))];
  // Each step of a large dry-run is a stretch of work of its own: other requests are answered between them.
  await giveWay();
  const { plan, rows, counts, warnings } = await planImport(table, {
    mode: input.mode,
    locale: ctx.locale,
    people,
    units,
    orgNames: [...units.map((u) => u.name), ...(await loadSupplierNames(ctx.db))],
    inScope: (unitId) => reachable === null || (unitId !== null && reachable.has(unitId)),
    newId: () => uuidv7(ctx.now().getTime()),
  });

  await giveWay();
  const now = ctx.now();
  const id = uuidv7(now.getTime());
  const expiresAt = new Date(now.getTime() + IMPORT_TTL_MS).toISOString();
  await inTransaction(ctx, async (trx) => {
    await batches.deleteExpired(trx, now.toISOString());
    await insertImport(trx, {
      id,
      created_by: ctx.actor?.userId ?? null,
      created_at: now.toISOString(),
      expires_at: expiresAt,
      mode: input.mode,
      file_name: input.fileName,
      plan_json: JSON.stringify(plan),
      applied_at: null,
    });
    const after = { mode: input.mode, fileName: input.fileName, counts, ...(warnings.length ? { warnings: warnings.map((w) => w.code) } : {}) };
    await recordAudit(trx, ctx, { entityType: 'people_import', entityId: id, action: 'dry_run', after });
  });
  await giveWay();
  return {
    id,
    expiresAt,
    mode: input.mode,
    counts,
    rows,
    markLeft: plan.markLeft.map((p) => ({ id: p.id, name: p.name })),
    warnings,
  };
}
