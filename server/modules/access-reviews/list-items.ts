import { z } from 'zod';
import type { Ctx } from '../../platform/context.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/schemas.ts';
import type { Auth } from '../../platform/http/types.ts';
import { reviewAccess } from './access.ts';
import { countItems, itemPage, reviewerNames, type ItemFilter } from './items-repository.ts';
import { presentItem } from './present.ts';
import type { ItemsQuery } from './schemas.ts';

const cursorSchema = z.object({ n: z.union([z.literal(0), z.literal(1)]), k: z.string().nullable(), g: z.string() });

/**
 * A campaign's items, keyset-paginated in the order of an index: with reviewer=me (and always for someone who
 * only reviews) the caller's own items along the reviewers' index, grouped by system or by grantee; otherwise,
 * for whoever sees all of it (started it, administers or reads its systems), every item. The total on the first page.
 */
export async function listItems(ctx: Ctx, auth: Auth, id: string, q: ItemsQuery) {
  const access = await reviewAccess(ctx, auth, id);
  const after = decodeCursor(q.cursor, cursorSchema);
  const own = q.reviewer === 'me' || !access.sees;
  if (own && !access.personId) return { items: [], nextCursor: null, total: after ? null : 0 };
  const filter: ItemFilter = {
    reviewId: id,
    reviewerPersonId: own ? access.personId : null,
    group: q.group,
    decided: q.decided,
    systemId: q.systemId,
    personId: q.personId,
  };
  const [{ rows, next }, total] = await Promise.all([
    itemPage(ctx.db, filter, after, q.limit),
    after ? Promise.resolve(null) : countItems(ctx.db, filter, access.review.items_total),
  ]);
  const names = await reviewerNames(ctx.db, id, rows.map((r) => r.grant_id));
  return {
    items: rows.map((r) => presentItem(r, names.get(r.grant_id) ?? [])),
    nextCursor: next ? encodeCursor(next) : null,
    total,
  };
}
