import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Services } from '../../platform/context.ts';
import { authOf, ctxOf } from '../../platform/http/ctx.ts';
import { errors } from '../../platform/http/schemas.ts';
import { convertSuspect } from './convert-suspect.ts';
import { listSuspects } from './list-suspects.ts';
import { convertBody, convertResult, suspectIdParam, suspectQuery, suspectsPage } from './schemas.ts';

/** Repairs of what earlier imports did: people that are organisations (docs/ORGANISATION.md). */
export function maintenanceRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['maintenance'];

  r.get('/api/maintenance/suspect-people', {
    config: { access: 'org:manage' },
    schema: {
      tags,
      summary: 'People that look like organisations: their name equals an org unit or a supplier, or reads as an organisation',
      description:
        'People who have not left, in name order, keyset-paginated, each with why, a suggested target and their open role assignments. ' +
        'Needs org:manage over the whole installation (an administrator).',
      querystring: suspectQuery,
      response: { 200: suspectsPage, ...errors(400, 401, 403) },
    },
    handler: async (req) => listSuspects(ctxOf(req, services), authOf(req).grants, req.query),
  });

  r.post('/api/maintenance/suspect-people/:id/convert', {
    config: { access: 'org:manage' },
    schema: {
      tags,
      summary: "Convert a person that is an organisation: move its roles to a unit or supplier and mark it left (never deleted)",
      description:
        'In one transaction: each open assignment is ended and the same role started for its target (the one given for it in ' +
        'assignments, else target), each audited; the person is marked left with a note. A role whose holderKinds do not allow ' +
        "the target's kind is a 400 naming the role, and nothing is written. 409 when the person changed since `version`, has " +
        'left, or a user account belongs to it.',
      params: suspectIdParam,
      body: convertBody,
      response: { 200: convertResult, ...errors(400, 401, 403, 404, 409) },
    },
    handler: async (req) => convertSuspect(ctxOf(req, services), authOf(req).grants, req.params.id, req.body),
  });
}
