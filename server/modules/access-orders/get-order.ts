import type { z } from 'zod';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Auth } from '../../platform/http/types.ts';
import { ORDER_EVENTS, type OrderEvent } from './model.ts';
import { callerOf, type Caller } from './order-access.ts';
import { presentOrder } from './present.ts';
import { eventsOfOrder, findOrderFor } from './repository.ts';
import type { orderDetail, trailStep } from './schemas.ts';

type Step = z.infer<typeof trailStep>;

/**
 * One order with its trail: every step (ordered, approved or rejected, executed, cancelled, confirmed), who and when,
 * with its comment or ticket, read from the audit trail so the two never disagree. 404 unless the caller may see it.
 */
export async function getOrder(ctx: Ctx, auth: Auth, id: string, caller?: Caller): Promise<z.infer<typeof orderDetail>> {
  const c = caller ?? (await callerOf(ctx, auth));
  const row = await findOrderFor(ctx.db, c.viewer, id);
  if (!row) throw new AppError('not_found');
  const events = await eventsOfOrder(ctx.db, id);
  const trail: Step[] = [];
  for (const e of events) {
    if (!(e.action in ORDER_EVENTS)) continue;
    const after = e.after_json ? (JSON.parse(e.after_json) as Record<string, unknown>) : {};
    const text = (k: string) => (typeof after[k] === 'string' ? (after[k] as string) : null);
    trail.push({
      at: e.at,
      step: ORDER_EVENTS[e.action as OrderEvent],
      by: e.actor_name,
      comment: text('comment') ?? text('reason'),
      ticketRef: text('ticketRef'),
    });
  }
  return { ...presentOrder(c, row), trail };
}
