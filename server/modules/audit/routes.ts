import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../platform/context.ts';
import { authOf, ctxOf } from '../../platform/http/ctx.ts';
import { errors } from '../../platform/http/schemas.ts';
import { listAuditEvents } from './list-events.ts';
import { auditEvent, auditQuery } from './schemas.ts';

export function auditRoutes(app: FastifyInstance, services: Services): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/audit', {
    config: { access: 'audit:read' },
    schema: {
      tags: ['audit'],
      summary: 'The audit trail, newest first, keyset-paginated',
      querystring: auditQuery,
      response: { 200: z.object({ items: z.array(auditEvent), nextCursor: z.string().nullable() }), ...errors(400, 401, 403) },
    },
    handler: async (req) => {
      const q = req.query;
      return listAuditEvents(ctxOf(req, services), authOf(req), {
        ...q,
        from: q.from && new Date(q.from).toISOString(),
        to: q.to && new Date(q.to).toISOString(),
      });
    },
  });
}
