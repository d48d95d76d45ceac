import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Services } from '../../platform/context.ts';
import { authOf, ctxOf } from '../../platform/http/ctx.ts';
import { errors } from '../../platform/http/schemas.ts';
import { matrixQuery, matrixSchema, responsibilityMatrix } from './matrix.ts';

/** The responsibility matrix across systems (a static path: registered beside /api/systems/:id, it wins). */
export function matrixRoutes(app: FastifyInstance, services: Services): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/systems/responsibilities', {
    config: { access: 'systems:read' },
    schema: {
      tags: ['systems'],
      summary: 'Responsibility matrix: for each system (the list’s filters and sort) and each area, who is responsible and by which rule',
      querystring: matrixQuery,
      response: { 200: matrixSchema, ...errors(400, 401, 403) },
    },
    handler: async (req) => responsibilityMatrix(ctxOf(req, services), authOf(req), req.query),
  });
}
