import { z } from 'zod';
import { canSomewhere } from '../../platform/access/permissions.ts';
import type { Ctx } from '../../platform/context.ts';
import { todayOf } from '../../platform/dates.ts';
import { AppError } from '../../platform/errors.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/schemas.ts';
import type { Auth } from '../../platform/http/types.ts';
import { personOfUser } from '../systems/index.ts';
import { readReach, reviewAccess } from './access.ts';
import { presentSummary } from './present.ts';
import { countReviews, findReviewNamed, listReviews, progressOf, reviewerProgress, systemCounts, type ReviewFilter } from './repository.ts';
import type { ReviewDetail, ReviewsQuery } from './schemas.ts';

const cursorSchema = z.object({ c: z.string(), id: z.string() });

/**
 * The campaigns the caller sees (they review in it, started it, or administer all its systems), newest first,
 * keyset-paginated, each with its progress.
 */
export async function listReviewsPage(ctx: Ctx, auth: Auth, q: ReviewsQuery) {
  if (!canSomewhere(auth.grants, 'systems:read')) throw new AppError('forbidden');
  const after = decodeCursor(q.cursor, cursorSchema);
  const filter: ReviewFilter = { state: q.state, userId: auth.session.userId, personId: await personOfUser(ctx.db, auth.session.userId), reach: readReach(auth) };
  const [{ rows, hasMore }, total] = await Promise.all([
    listReviews(ctx.db, { ...filter, after }, q.limit),
    after ? Promise.resolve(null) : countReviews(ctx.db, filter),
  ]);
  const ids = rows.map((r) => r.id);
  const [progress, systems] = await Promise.all([progressOf(ctx.db, ids), systemCounts(ctx.db, ids)]);
  const today = todayOf(ctx);
  const last = rows[rows.length - 1];
  return {
    items: rows.map((r) => presentSummary(r, progress.get(r.id), systems.get(r.id) ?? 0, today)),
    nextCursor: hasMore && last ? encodeCursor({ c: last.created_at, id: last.id }) : null,
    total,
  };
}

/**
 * One campaign with its progress per reviewer: every reviewer for whoever started it or administers its systems,
 * the caller's own for a reviewer. 404 for anyone else.
 */
export async function getReview(ctx: Ctx, auth: Auth, id: string): Promise<ReviewDetail> {
  const access = await reviewAccess(ctx, auth, id);
  const [row, progress, systems] = await Promise.all([findReviewNamed(ctx.db, id), progressOf(ctx.db, [id]), systemCounts(ctx.db, [id])]);
  if (!row) throw new AppError('not_found');
  const reviewers = access.sees ? await reviewerProgress(ctx.db, id) : null;
  const mine = !access.reviewer || !access.personId ? [] : reviewers ? reviewers.filter((r) => r.id === access.personId) : await reviewerProgress(ctx.db, id, access.personId);
  const own = mine[0] ?? null;
  const open = row.state === 'open';
  return {
    ...presentSummary(row, progress.get(id), systems.get(id) ?? 0, todayOf(ctx)),
    reviewers: (reviewers ?? mine).map((r) => ({ person: { id: r.id, name: r.name }, total: r.total, decided: r.decided })),
    mine: own ? { total: own.total, decided: own.decided } : null,
    may: {
      close: open && access.full && canSomewhere(auth.grants, 'systems:write'),
      evidence: access.sees,
      decide: open && access.reviewer && canSomewhere(auth.grants, 'systems:write'),
    },
  };
}
