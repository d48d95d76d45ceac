import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Services } from '../../platform/context.ts';
import { authOf, ctxOf } from '../../platform/http/ctx.ts';
import { errors } from '../../platform/http/schemas.ts';
import { listFindingsPage } from './list-findings.ts';
import { findingsPage, findingsQuery } from './schemas.ts';

/** Findings: every place the register and the organisation do not meet the policy, with their history. */
export function findingRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/findings', {
    config: { access: 'systems:read' },
    schema: {
      tags: ['findings'],
      summary: 'Findings the caller may see, worst first, keyset-paginated (status=resolved gives the history)',
      querystring: findingsQuery,
      response: { 200: findingsPage, ...errors(400, 401, 403) },
    },
    handler: async (req) => listFindingsPage(ctxOf(req, services), authOf(req), req.query),
  });
}
