import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { Ctx, Services } from '../../platform/context.ts';
import { authOf, ctxOf } from '../../platform/http/ctx.ts';
import { errors } from '../../platform/http/schemas.ts';
import type { Auth } from '../../platform/http/types.ts';
import { approveOrder, cancelOrder, confirmOrder, executeOrder, rejectOrder } from './act-on-order.ts';
import { createOrder } from './create-order.ts';
import { getOrder } from './get-order.ts';
import { listOrdersPage } from './list-orders.ts';
import { actionBodies, createOrderBody, orderDetail, orderIdParam, ordersPage, ordersQuery } from './schemas.ts';

/** Access orders: ordering, approving, executing, cancelling and confirming grants and removals (docs/ACCESS.md). */
export function accessOrderRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['access-orders'];

  r.post('/api/access-orders', {
    config: { access: 'systems:write' },
    schema: {
      tags,
      summary: 'Order an access role for a person (kind grant: the chef of their unit, or an administrator), or the removal of a current grant (kind removal)',
      body: createOrderBody,
      response: { 201: orderDetail, ...errors(400, 401, 403, 404, 409) },
    },
    handler: async (req, reply) => reply.status(201).send(await createOrder(ctxOf(req, services), authOf(req), req.body)),
  });

  r.get('/api/access-orders', {
    config: { access: 'systems:read' },
    schema: {
      tags,
      summary: 'Orders on systems the caller may read and those theirs to act on, newest first, keyset-paginated; role=approver|executor|orderer: what waits for me',
      querystring: ordersQuery,
      response: { 200: ordersPage, ...errors(400, 401, 403) },
    },
    handler: async (req) => listOrdersPage(ctxOf(req, services), authOf(req), req.query),
  });

  r.get('/api/access-orders/:id', {
    config: { access: 'systems:read' },
    schema: { tags, summary: 'One order with its trail (who did each step, and when)', params: orderIdParam, response: { 200: orderDetail, ...errors(401, 403, 404) } },
    handler: async (req) => getOrder(ctxOf(req, services), authOf(req), req.params.id),
  });

  /** A step: POST /api/access-orders/{id}/<path> with the order's version, answering the order as it is now. */
  const step = <B extends z.ZodType>(path: string, summary: string, body: B, run: (ctx: Ctx, auth: Auth, id: string, b: z.infer<B>) => Promise<z.infer<typeof orderDetail>>) =>
    r.post(`/api/access-orders/:id/${path}`, {
      config: { access: 'systems:write' },
      schema: { tags, summary, params: orderIdParam, body, response: { 200: orderDetail, ...errors(400, 401, 403, 404, 409) } },
      handler: async (req) => run(ctxOf(req, services), authOf(req), req.params.id, req.body as z.infer<B>),
    });

  const b = actionBodies;
  step('approve', 'Approve an order waiting for approval (the approvers of the system)', b.approve, (c, a, id, x) => approveOrder(c, a, id, x.version, x.comment));
  step('reject', 'Reject an order waiting for approval, with a comment (the approvers of the system)', b.reject, (c, a, id, x) => rejectOrder(c, a, id, x.version, x.comment));
  step('execute', 'Mark an order done with a ticket reference: a grant starts (on the account with the user name given, made if new), a removal ends its grant', b.execute, (c, a, id, x) =>
    executeOrder(c, a, id, x.version, x.ticketRef, x.username),
  );
  step('cancel', 'Cancel an order that is not done (its orderer, or an administrator)', b.cancel, (c, a, id, x) => cancelOrder(c, a, id, x.version, x.comment));
  step('confirm', 'Confirm by hand that a done removal is gone in the system', b.confirm, (c, a, id, x) => confirmOrder(c, a, id, x.version, x.comment));
}
