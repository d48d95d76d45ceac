import { z } from 'zod';
import { canSomewhere } from '../../platform/access/permissions.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/schemas.ts';
import type { Auth } from '../../platform/http/types.ts';
import { callerOf } from './order-access.ts';
import { presentOrder } from './present.ts';
import { countOrders, listOrders, type OrderFilter } from './repository.ts';
import type { OrdersQuery, ordersPage } from './schemas.ts';

const cursorSchema = z.object({ o: z.string(), id: z.string() });

/**
 * The orders the caller sees (on systems they may read, and those theirs to act on), newest first, keyset-paginated,
 * with the total on the first page. `role` narrows to what waits for them: approval, execution, or what they ordered.
 */
export async function listOrdersPage(ctx: Ctx, auth: Auth, q: OrdersQuery): Promise<z.infer<typeof ordersPage>> {
  if (!canSomewhere(auth.grants, 'systems:read')) throw new AppError('forbidden');
  const after = decodeCursor(q.cursor, cursorSchema);
  const c = await callerOf(ctx, auth);
  const filter: Omit<OrderFilter, 'after'> = {
    viewer: c.viewer,
    state: q.state,
    role: q.role,
    systemId: q.systemId,
    personId: q.personId,
    forbidSelf: c.spec.forbidSelfExecution,
  };
  const [{ rows, hasMore }, total] = await Promise.all([
    listOrders(ctx.db, { ...filter, after }, q.limit),
    after ? Promise.resolve(null) : countOrders(ctx.db, filter),
  ]);
  const last = rows[rows.length - 1];
  return {
    items: rows.map((r) => presentOrder(c, r)),
    nextCursor: hasMore && last ? encodeCursor({ o: last.ordered_at, id: last.id }) : null,
    total,
  };
}
