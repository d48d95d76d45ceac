import type { z } from 'zod';
import { eventsOfRequest, inTransaction, recordAudit, recordAuditMany, type AuditInput } from '../../../platform/audit/audit.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Tx } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/errors.ts';
import { applicableBatch } from '../../../platform/import-batches.ts';
import type { Auth } from '../../../platform/http/types.ts';
import { reachOf, unitsInReach } from '../../../platform/access/reach.ts';
import { diffFacts, nameSearch, type PersonFacts } from '../present.ts';
import { insertPeople, uniqueViolation, updatePersonAtVersion } from '../repository.ts';
import type { importResultSchema } from '../schemas.ts';
import { assertKommunExists } from '../../org/index.ts';
import { planSchema, type ImportPlan, type PlannedFacts } from './plan-types.ts';
import { batches, versionsOf } from './repository.ts';
import { sortKey } from '../../../platform/text.ts';
import { pacer } from '../../../platform/pace.ts';

export type ImportResult = z.infer<typeof importResultSchema>;

/**
 * Applies a dry-run's plan exactly as shown, all or nothing, in one transaction: one audit event per
 * person (origin import) and one for the import. Only the user who made the dry-run may apply it, once,
 * within the hour. If anyone changed a matched person since the dry-run (their version moved), or took
 * an e-mail or employee id a new person needs, it is a 409 and nothing is written.
 */
export async function applyImport(ctx: Ctx, auth: Auth, importId: string): Promise<ImportResult> {
  await assertKommunExists(ctx.db);
  const nowDate = ctx.now();
  const now = nowDate.toISOString();
  const batch = applicableBatch(await batches.find(ctx.db, importId), ctx.actor?.userId, now);
  const plan = planSchema.parse(JSON.parse(batch.plan_json));
  await assertStillInReach(ctx, auth, plan);

  const importCtx: Ctx = { ...ctx, origin: 'import' };
  const counts = { create: plan.creates.length, update: plan.updates.length, unchanged: plan.unchanged.length, error: plan.errors, markLeft: plan.markLeft.length };
  try {
    await inTransaction(importCtx, async (trx) => {
      if (!(await batches.claim(trx, importId, now))) throw new AppError('conflict');
      await writePlan(trx, importCtx, plan, now);
      await recordAudit(trx, importCtx, {
        entityType: 'people_import',
        entityId: importId,
        action: 'apply',
        after: { mode: plan.mode, fileName: batch.file_name, counts, changes: await eventsOfRequest(trx, importCtx) },
      });
      await batches.replacePlan(trx, importId, JSON.stringify({ applied: true, counts }));
    });
  } catch (err) {
    throw uniqueViolation(err) ? new AppError('conflict') : err;
  }
  return { id: importId, mode: plan.mode, appliedAt: now, counts };
}

/** Grants can shrink within the hour: every unit the plan touches must still be the caller's to manage. */
async function assertStillInReach(ctx: Ctx, auth: Auth, plan: ImportPlan): Promise<void> {
  const reachable = await unitsInReach(ctx.db, reachOf(auth.grants, 'org:manage'));
  if (reachable === null) return;
  const units = [
    ...plan.creates.map((c) => c.facts.homeUnitId),
    ...plan.updates.flatMap((u) => [u.before.homeUnitId, u.after.homeUnitId]),
    ...plan.markLeft.map((m) => m.before.homeUnitId),
  ];
  if (units.some((u) => u === null || !reachable.has(u))) throw new AppError('forbidden');
}

const withLeftAt = (f: PlannedFacts, leftAt: string | null): PersonFacts => ({ ...f, leftAt });

/**
 * All rows are written before the first audit event: the audit chain's lock (PostgreSQL) is then taken
 * last, as a single PATCH takes it, so an import and a concurrent edit cannot wait for each other.
 */
async function writePlan(trx: Tx, ctx: Ctx, plan: ImportPlan, now: string): Promise<void> {
  const events: AuditInput[] = [];
  const current = await versionsOf(trx, plan.unchanged.map((u) => u.id));
  if (plan.unchanged.some((u) => current.get(u.id) !== u.version)) throw new AppError('conflict');

  // New people with their managers in one go: managers that are new themselves are inserted first.
  const creates = managersFirst(plan.creates);
  await insertPeople(
    trx,
    creates.map(({ id, facts: f }) => ({
      id,
      name: f.name,
      name_search: nameSearch(f.name),
      name_sort: sortKey(f.name),
      email: f.email,
      title: f.title,
      home_unit_id: f.homeUnitId,
      manager_id: f.managerId,
      status: f.status,
      left_at: f.status === 'left' ? now : null,
      external_id: f.externalId,
      version: 1,
      created_at: now,
      updated_at: now,
    })),
  );
  for (const c of creates) {
    events.push({ entityType: 'person', entityId: c.id, action: 'create', after: withLeftAt(c.facts, c.facts.status === 'left' ? now : null) });
  }

  // 20,000 rows take a while: the apply gives way to other requests as it goes (platform/pace.ts).
  const pace = pacer();
  for (const u of plan.updates) {
    await pace();
    const leftAt = u.after.status !== 'left' ? null : u.before.status === 'left' ? undefined : now;
    const written = await updatePersonAtVersion(trx, u.id, u.version, {
      name: u.after.name,
      name_search: nameSearch(u.after.name),
      name_sort: sortKey(u.after.name),
      email: u.after.email,
      title: u.after.title,
      home_unit_id: u.after.homeUnitId,
      manager_id: u.after.managerId,
      status: u.after.status,
      external_id: u.after.externalId,
      ...(leftAt !== undefined ? { left_at: leftAt } : {}),
      updated_at: now,
    });
    if (!written) throw new AppError('conflict');
    const diff = diffFacts(withLeftAt(u.before, null), withLeftAt(u.after, leftAt ?? null));
    events.push({ entityType: 'person', entityId: u.id, action: 'update', before: diff.before, after: diff.after });
  }

  for (const m of plan.markLeft) {
    await pace();
    const written = await updatePersonAtVersion(trx, m.id, m.version, { status: 'left', left_at: now, updated_at: now });
    if (!written) throw new AppError('conflict');
    events.push({ entityType: 'person', entityId: m.id, action: 'mark_left', before: { status: m.before.status }, after: { status: 'left', leftAt: now } });
  }
  await recordAuditMany(trx, ctx, events);
}

/** New people ordered so that a new manager comes before the people they manage (the plan has no loops). */
function managersFirst(creates: ImportPlan['creates']): ImportPlan['creates'] {
  const byId = new Map(creates.map((c) => [c.id, c]));
  const done = new Set<string>();
  const out: ImportPlan['creates'] = [];
  for (const start of creates) {
    const chain: ImportPlan['creates'] = [];
    for (let c = byId.get(start.id); c && !done.has(c.id); c = c.facts.managerId ? byId.get(c.facts.managerId) : undefined) {
      done.add(c.id);
      chain.push(c);
    }
    out.push(...chain.reverse());
  }
  return out;
}
