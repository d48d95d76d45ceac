import type { z } from 'zod';
import { inTransaction, recordAudit } from '../../../platform/audit/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Auth } from '../../../platform/http/types.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { giveWay } from '../../../platform/pace.ts';
import type { ImportMode } from '../../../../shared/org.ts';
import { adminAccess } from '../access.ts';
import { planImport } from './plan.ts';
import { IMPORT_TTL_MS } from './plan-types.ts';
import { readList } from './read-list.ts';
import { batches, fingerprintOf, insertImport, loadAccounts, loadCurrentGrants, loadPeople, loadRoles } from './repository.ts';
import type { importPreviewSchema } from './schemas.ts';

export type ImportPreview = z.infer<typeof importPreviewSchema>;

/**
 * Dry-run of a system's user list: reads the file, plans every row against the system's access roles, accounts
 * and current grants and every person (one query each), stores the plan for an hour and shows it, row by row.
 * Nothing of the system's access changes. Only someone who may administer the system's access may (403; 404 when
 * they may not even read it).
 */
export async function previewImport(
  ctx: Ctx,
  auth: Auth,
  systemId: string,
  upload: () => Promise<{ fileName: string | null; data: Buffer; mode: ImportMode }>,
): Promise<ImportPreview> {
  const access = await adminAccess(ctx, auth, systemId);
  // The upload's own fields are checked once the system is known to the caller: an unknown system is a 404 first.
  const input = await upload();
  const table = await readList(input.data);
  // The fingerprint first: a change while the world is read makes the apply refuse, never apply a stale plan.
  const fingerprint = await fingerprintOf(ctx.db, systemId);
  const world = {
    roles: await loadRoles(ctx.db, systemId),
    accounts: await loadAccounts(ctx.db, systemId),
    grants: await loadCurrentGrants(ctx.db, systemId),
    people: await loadPeople(ctx.db),
  };
  // Each step of a large dry-run is a stretch of work of its own: other requests are answered between them.
  await giveWay();
  const nowMs = ctx.now().getTime();
  const outcome = planImport(table, { systemId, mode: input.mode, locale: ctx.locale, today: access.today, fingerprint, world });
  const { plan } = outcome;

  await giveWay();
  const now = ctx.now();
  const id = uuidv7(nowMs);
  const expiresAt = new Date(nowMs + IMPORT_TTL_MS).toISOString();
  await inTransaction(ctx, async (trx) => {
    await batches.deleteExpired(trx, now.toISOString());
    await insertImport(trx, {
      id,
      system_id: systemId,
      created_by: ctx.actor?.userId ?? null,
      created_at: now.toISOString(),
      expires_at: expiresAt,
      mode: input.mode,
      file_name: input.fileName,
      plan_json: JSON.stringify(plan),
      applied_at: null,
    });
    const after = { systemId, mode: input.mode, fileName: input.fileName, counts: plan.counts, effects: plan.effects, warnings: outcome.warnings.map((w) => w.code) };
    await recordAudit(trx, ctx, { entityType: 'access_import', entityId: id, action: 'dry_run', after });
  });
  await giveWay();
  return {
    id,
    systemId,
    expiresAt,
    mode: input.mode,
    fileName: input.fileName,
    counts: plan.counts,
    effects: plan.effects,
    rows: outcome.rows,
    newRoles: outcome.newRoles,
    removedAccounts: outcome.removedAccounts,
    endedGrants: outcome.endedGrants,
    warnings: outcome.warnings,
  };
}
