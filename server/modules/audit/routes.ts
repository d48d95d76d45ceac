import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AUDIT_ORIGINS } from '../../../shared/roles.ts';
import type { Services } from '../../platform/context.ts';
import { authOf, ctxOf } from '../../platform/http/ctx.ts';
import { errors, isoTimestamp, pageQuery } from '../../platform/http/schemas.ts';
import { listAuditEvents } from './list-events.ts';

const isoInput = z.iso.datetime({ offset: true }).describe('ISO-8601 timestamp');

const auditQuery = z.object({
  entityType: z.string().trim().min(1).max(64).optional().describe('e.g. user, invite, setup_link'),
  entityId: z.string().trim().min(1).max(64).optional(),
  actorId: z.string().trim().min(1).max(64).optional().describe('The user who acted'),
  from: isoInput.optional().describe('Events at or after this time'),
  to: isoInput.optional().describe('Events before this time'),
  ...pageQuery,
});

const auditEvent = z
  .object({
    id: z.string(),
    seq: z.number().int().describe('Position in the hash chain'),
    at: isoTimestamp,
    actor: z.object({ id: z.string(), name: z.string() }).nullable().describe('null for the system itself'),
    origin: z.enum(AUDIT_ORIGINS),
    requestId: z.string().nullable(),
    entityType: z.string(),
    entityId: z.string(),
    action: z.string(),
    before: z.unknown().describe('The entity before the change (JSON), or null'),
    after: z.unknown().describe('The entity after the change (JSON), or null'),
    message: z.string().nullable(),
  })
  .meta({ id: 'AuditEvent' });

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
