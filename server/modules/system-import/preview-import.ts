import type { z } from 'zod';
import { inTransaction, recordAudit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import type { Auth } from '../../platform/http/types.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { assertKommunExists } from '../org/index.ts';
import { getActivePack, getRoleCatalogue } from '../policy/index.ts';
import { importTargets } from '../classifications/index.ts';
import { classificationOf } from '../../policy/classification.ts';
import { todayOf } from '../../platform/dates.ts';
import { rightsOf } from './access.ts';
import { FIELDS, type Mapping } from './fields.ts';
import type { HolderMapping } from './holders.ts';
import { planImport } from './plan.ts';
import type { RoleInfo } from './plan-state.ts';
import { IMPORT_TTL_MS, type ImportPlan } from './plan-types.ts';
import { readWorkbook } from './read-workbook.ts';
import { batches, insertImport, loadPeople, loadSuppliers, loadUnits } from './repository.ts';
import { sourceRows, type SheetUnits } from './rows.ts';
import type { importPreviewSchema } from './schemas.ts';
import { existingSystems } from './world.ts';
import { giveWay } from '../../platform/pace.ts';

export type ImportPreview = z.infer<typeof importPreviewSchema>;

/** What applying a plan writes besides the systems themselves. */
export const effectsOf = (plan: ImportPlan) => ({
  units: plan.units.length,
  people: plan.people.length,
  roleStarts: plan.roleStarts.length,
  roleEnds: plan.roleEnds.length,
  suppliers: plan.suppliers.length,
  agreements: plan.agreementCreates.length + plan.agreementUpdates.length,
});

/**
 * Dry-run of a system register import: reads every sheet, recognises the columns (corrected by the
 * caller's mapping), plans every row against the register, units and people of today and the caller's
 * rights, stores the plan for an hour and shows it. Nothing in the register changes.
 */
export async function previewImport(
  ctx: Ctx,
  auth: Auth,
  input: { fileName: string | null; data: Buffer; mapping: Mapping; createMissing: boolean; holderMappings?: HolderMapping[]; sheetUnits?: SheetUnits },
): Promise<ImportPreview> {
  // Without a kommun every row would be refused for want of rights; say what to do instead.
  await assertKommunExists(ctx.db);
  const units = await loadUnits(ctx.db);
  const rights = await rightsOf(ctx.db, auth.grants, units);
  const table = sourceRows(await readWorkbook(input.data), input.mapping, input.sheetUnits);
  const today = todayOf(ctx);
  const roles = new Map<string, RoleInfo>(
    (await getRoleCatalogue(ctx)).map((r) => [r.key, { name: r.name[ctx.locale], maxHolders: r.maxHolders, forSystems: r.subjectKinds.includes('system'), holderKinds: r.holderKinds }]),
  );
  const nowMs = ctx.now().getTime();
  const outcome = await planImport(table, {
    locale: ctx.locale,
    createMissing: input.createMissing,
    units,
    rootId: rights.rootId,
    people: await loadPeople(ctx.db),
    systems: await existingSystems(ctx.db, today, rights.readable),
    suppliers: await loadSuppliers(ctx.db),
    roles,
    holderMappings: input.holderMappings ?? [],
    classification: classificationOf((await getActivePack(ctx)).pack),
    classificationTargets: (systemIds) => importTargets(ctx.db, systemIds),
    canWrite: rights.canWrite,
    canWriteNew: rights.canWriteNew,
    canCreateUnits: rights.canCreateUnits,
    canAddPeople: rights.canAddPeople,
    newId: () => uuidv7(nowMs),
  });

  // Storing the plan and answering are stretches of work of their own: other requests are answered between them.
  await giveWay();
  const now = ctx.now();
  const id = uuidv7(now.getTime());
  const expiresAt = new Date(now.getTime() + IMPORT_TTL_MS).toISOString();
  const { plan } = outcome;
  await inTransaction(ctx, async (trx) => {
    await batches.deleteExpired(trx, now.toISOString());
    await insertImport(trx, {
      id,
      created_by: ctx.actor?.userId ?? null,
      created_at: now.toISOString(),
      expires_at: expiresAt,
      file_name: input.fileName,
      plan_json: JSON.stringify(plan),
      applied_at: null,
    });
    await recordAudit(trx, ctx, {
      entityType: 'system_import',
      entityId: id,
      action: 'dry_run',
      after: { fileName: input.fileName, createMissing: input.createMissing, counts: plan.counts, effects: effectsOf(plan), classifications: plan.classificationCounts },
    });
  });
  await giveWay();
  return {
    id,
    expiresAt,
    fileName: input.fileName,
    createMissing: input.createMissing,
    counts: plan.counts,
    effects: effectsOf(plan),
    classifications: plan.classificationCounts,
    rows: outcome.rows,
    mapping: table.mapping,
    fields: [...FIELDS],
    unknownUnits: outcome.unknownUnits,
    unknownPeople: outcome.unknownPeople,
    unknownHolders: outcome.unknownHolders,
    shared: outcome.shared,
    sheets: outcome.sheets,
    notices: outcome.notices,
  };
}
