import { inTransaction, recordAudit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { todayOf } from '../../platform/dates.ts';
import { AppError } from '../../platform/errors.ts';
import type { Auth } from '../../platform/http/types.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { giveWay } from '../../platform/pace.ts';
import { getActivePack } from '../policy/index.ts';
import { adminReach } from './access.ts';
import {
  addEscalationReviewers, addSystemReviewers, addUnitReviewers, addUnitReviewersAbove, copyItems, finishCounts, grantCounts, insertReview,
  insertScopeSystems, scopeCounts, unitInReach, withLargeCache, type ScopeSpec,
} from './create-repository.ts';
import { getReview } from './get-review.ts';
import type { CreateReviewBody, ReviewDetail } from './schemas.ts';

/** The work is cut into slices of systems holding about this many current grants, giving way between them. */
const SLICE_GRANTS = 25_000;

/** Systems in slices of about SLICE_GRANTS grants (a system with more is a slice of its own). */
export function slices(counts: ReadonlyArray<{ systemId: string; grants: number }>, size = SLICE_GRANTS): string[][] {
  const out: string[][] = [];
  let current: string[] = [];
  let sum = 0;
  for (const c of counts) {
    current.push(c.systemId);
    sum += c.grants;
    if (sum >= size || current.length >= 500) {
      out.push(current);
      current = [];
      sum = 0;
    }
  }
  if (current.length) out.push(current);
  return out;
}

/**
 * Starts a review campaign (docs/ACCESS.md, "Reviews"): only an administrator whose grant reaches the owning unit
 * of every system in the scope (and, for a unit's scope, the unit). Copies every current grant of the scope's live
 * systems into the campaign with its reviewers, set-based, in one transaction, and records one audit event with
 * the counts.
 */
export async function createReview(ctx: Ctx, auth: Auth, body: CreateReviewBody): Promise<ReviewDetail> {
  const reach = adminReach(auth);
  if (!reach) throw new AppError('forbidden');
  const today = todayOf(ctx);
  if (body.dueOn < today) throw new AppError('validation_failed', { fields: [{ path: 'dueOn', key: 'access-reviews.due_past' }] });
  const spec: ScopeSpec = body.scope === 'systems' ? { scope: 'systems', systemIds: [...new Set(body.systemIds)] } : { scope: 'unit', unitId: body.unitId };
  const path = spec.scope === 'systems' ? 'systemIds' : 'unitId';
  if (spec.scope === 'unit') {
    const unit = await unitInReach(ctx.db, spec.unitId, reach);
    if (!unit.exists) throw new AppError('validation_failed', { fields: [{ path, key: 'access-reviews.unit_unknown' }] });
    if (!unit.reached) throw new AppError('forbidden');
  }
  const counts = await scopeCounts(ctx.db, spec, reach);
  if (spec.scope === 'systems' && counts.found < spec.systemIds.length) {
    throw new AppError('validation_failed', { fields: [{ path, key: 'access-reviews.systems_unknown', params: { count: spec.systemIds.length - counts.found } }] });
  }
  if (counts.outside > 0) throw new AppError('forbidden', { fields: [{ path, key: 'access-reviews.systems_not_reached', params: { count: counts.outside } }] });
  if (counts.live === 0) throw new AppError('validation_failed', { fields: [{ path, key: 'access-reviews.scope_empty' }] });
  const { pack } = await getActivePack(ctx);
  const access = pack.access;
  const id = uuidv7(ctx.now().getTime());
  await inTransaction(ctx, async (trx) => {
    await insertReview(trx, {
      id,
      name: body.name,
      scope: spec.scope,
      scopeUnitId: spec.scope === 'unit' ? spec.unitId : null,
      dueOn: body.dueOn,
      createdBy: auth.session.userId,
      at: ctx.now().toISOString(),
    });
    await insertScopeSystems(trx, id, spec);
    const parts = slices(await grantCounts(trx, id));
    await withLargeCache(trx, ctx.dialect, async () => {
      // A slice at a time, every step: its pages are still in the cache for the next.
      for (const systemIds of parts) {
        await copyItems(trx, id, systemIds);
        for (const r of access.reviewers) {
          if (r.on === 'system') await addSystemReviewers(trx, id, systemIds, r.role, today);
          else await addUnitReviewers(trx, id, systemIds, r.role, today);
        }
        for (const r of access.reviewers) if (r.on === 'person_unit') await addUnitReviewersAbove(trx, id, systemIds, r.role, today);
        await addEscalationReviewers(trx, id, systemIds, access.escalateTo, today);
        await giveWay();
      }
    });
    const made = await finishCounts(trx, id);
    await recordAudit(trx, ctx, {
      entityType: 'access_review',
      entityId: id,
      action: 'create',
      after: {
        name: body.name,
        scope: spec.scope,
        unitId: spec.scope === 'unit' ? spec.unitId : null,
        dueOn: body.dueOn,
        systems: parts.reduce((n, p) => n + p.length, 0),
        items: made.items,
        reviewers: made.reviewers,
        withoutReviewer: made.unassigned,
      },
    });
  });
  return getReview(ctx, auth, id);
}
