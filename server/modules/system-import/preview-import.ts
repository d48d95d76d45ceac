import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { inTransaction, recordAudit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import type { Auth } from '../../platform/http/types.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { getRoleCatalogue } from '../policy/index.ts';
import {  } from '../systems/index.ts';
import { todayOf } from '../../platform/dates.ts';
import { rightsOf } from './access.ts';
import { FIELDS, type Mapping } from './fields.ts';
import { planImport, type RoleInfo } from './plan.ts';
import { IMPORT_TTL_MS, type ImportPlan } from './plan-types.ts';
import { readWorkbook } from './read-workbook.ts';
import { deleteExpiredImports, insertImport, loadPeople, loadSuppliers, loadUnits } from './repository.ts';
import { sourceRows } from './rows.ts';
import type { importPreviewSchema } from './schemas.ts';
import { existingSystems } from './world.ts';

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
 * UUIDv7 ids for a plan's new rows (as platform/ids.ts makes them), from one pool of random bytes: a
 * plan of 10,000 systems needs tens of thousands of ids.
 */
export function idMaker(now: number): () => string {
  let pool = Buffer.alloc(0);
  let at = 0;
  return () => {
    if (at + 16 > pool.length) {
      pool = randomBytes(16 * 4096);
      at = 0;
    }
    const b = Buffer.from(pool.subarray(at, (at += 16)));
    b.writeUIntBE(now, 0, 6);
    b[6] = (b[6]! & 0x0f) | 0x70;
    b[8] = (b[8]! & 0x3f) | 0x80;
    const h = b.toString('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  };
}

/**
 * Dry-run of a system register import: reads every sheet, recognises the columns (corrected by the
 * caller's mapping), plans every row against the register, units and people of today and the caller's
 * rights, stores the plan for an hour and shows it. Nothing in the register changes.
 */
export async function previewImport(
  ctx: Ctx,
  auth: Auth,
  input: { fileName: string | null; data: Buffer; mapping: Mapping; createMissing: boolean },
): Promise<ImportPreview> {
  const units = await loadUnits(ctx.db);
  const rights = await rightsOf(ctx.db, auth.grants, units);
  const table = sourceRows(await readWorkbook(input.data), input.mapping);
  const today = todayOf(ctx);
  const roles = new Map<string, RoleInfo>(
    (await getRoleCatalogue(ctx)).map((r) => [r.key, { name: r.name[ctx.locale], maxHolders: r.maxHolders, forSystems: r.subjectKinds.includes('system') }]),
  );
  const nowMs = ctx.now().getTime();
  const outcome = planImport(table, {
    locale: ctx.locale,
    createMissing: input.createMissing,
    units,
    rootId: rights.rootId,
    people: await loadPeople(ctx.db),
    systems: await existingSystems(ctx.db, today, rights.readable),
    suppliers: await loadSuppliers(ctx.db),
    roles,
    canWrite: rights.canWrite,
    canWriteNew: rights.canWriteNew,
    canCreateUnits: rights.canCreateUnits,
    canAddPeople: rights.canAddPeople,
    newId: idMaker(nowMs),
  });

  const now = ctx.now();
  const id = uuidv7(now.getTime());
  const expiresAt = new Date(now.getTime() + IMPORT_TTL_MS).toISOString();
  const { plan } = outcome;
  await inTransaction(ctx, async (trx) => {
    await deleteExpiredImports(trx, now.toISOString());
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
      after: { fileName: input.fileName, createMissing: input.createMissing, counts: plan.counts, effects: effectsOf(plan) },
    });
  });
  return {
    id,
    expiresAt,
    fileName: input.fileName,
    createMissing: input.createMissing,
    counts: plan.counts,
    effects: effectsOf(plan),
    rows: outcome.rows,
    mapping: table.mapping,
    fields: [...FIELDS],
    unknownUnits: outcome.unknownUnits,
    unknownPeople: outcome.unknownPeople,
    shared: outcome.shared,
    sheets: outcome.sheets,
    notices: outcome.notices,
  };
}
