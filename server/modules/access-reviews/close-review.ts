import { canSomewhere } from '../../platform/access/permissions.ts';
import { inTransaction, recordAudit } from '../../platform/audit/audit.ts';
import { note } from '../../platform/changes.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Auth } from '../../platform/http/types.ts';
import { message } from '../../platform/i18n.ts';
import { giveWay } from '../../platform/pace.ts';
import { orderRemovals } from '../access-orders/index.ts';
import { reviewAccess } from './access.ts';
import { closeReviewRow, removalsAfter, setRemovalOrders, systemsAfter, undecidedCount } from './decision-repository.ts';
import { getReview } from './get-review.ts';
import type { ReviewDetail } from './schemas.ts';

const CHUNK = 1000;

/**
 * Closes a campaign (docs/ACCESS.md, "Closing"): whoever started it, or an administrator of all its systems, at
 * the version they saw. Every remove decision becomes a removal order (origin review) through the orders module,
 * stored on its item; an undecided item stays undecided. Each covered system is marked for the findings refresh.
 */
export async function closeReview(ctx: Ctx, auth: Auth, id: string, version: number): Promise<ReviewDetail> {
  const access = await reviewAccess(ctx, auth, id);
  if (!access.full || !canSomewhere(auth.grants, 'systems:write')) {
    throw new AppError('forbidden', { fields: [{ path: 'review', key: 'access-reviews.not_closer' }] });
  }
  if (access.review.state !== 'open') throw new AppError('refused', { fields: [{ path: 'state', key: 'access-reviews.closed' }] });
  if (access.review.version !== version) throw new AppError('conflict');
  const reason = message('sv', 'access-reviews.removal_reason', { name: access.review.name });
  await inTransaction(ctx, async (trx) => {
    if (!(await closeReviewRow(trx, id, version, auth.session.userId, ctx.now().toISOString()))) throw new AppError('conflict');
    let removals = 0;
    let ordered = 0;
    for (let after = ''; ; ) {
      const rows = await removalsAfter(trx, id, after, CHUNK);
      if (!rows.length) break;
      const orders = await orderRemovals(
        trx,
        ctx,
        rows.map((r) => ({ grantId: r.grant_id, origin: 'review' as const, reviewId: id, reason: r.comment ?? reason })),
      );
      await setRemovalOrders(trx, id, [...orders]);
      removals += rows.length;
      ordered += orders.size;
      after = rows[rows.length - 1]!.grant_id;
      await giveWay();
    }
    for (let after = ''; ; ) {
      const rows = await systemsAfter(trx, id, after, CHUNK);
      if (!rows.length) break;
      note(trx, rows.map((r) => ({ entityType: 'system', entityId: r.system_id, action: 'access' })));
      after = rows[rows.length - 1]!.system_id;
    }
    await recordAudit(trx, ctx, {
      entityType: 'access_review',
      entityId: id,
      action: 'close',
      before: { state: 'open' },
      after: { state: 'closed', removals, ordered, undecided: await undecidedCount(trx, id) },
    });
  });
  return getReview(ctx, auth, id);
}
