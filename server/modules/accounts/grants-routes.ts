import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { APP_ROLES } from '../../../shared/roles.ts';
import type { Services } from '../../platform/context.ts';
import { authOf, ctxOf } from '../../platform/http/ctx.ts';
import { errors, idInput, isoTimestamp } from '../../platform/http/schemas.ts';
import { addUserGrant, listUserGrants, removeUserGrant } from './grants.ts';

const id = idInput;
const userParam = z.object({ id: id.describe('The user id') });
const grantParam = z.object({ id: id.describe('The user id'), grantId: id.describe('The grant id') });

const grantBody = z
  .object({
    role: z.enum(APP_ROLES).describe('administrator, reviewer (granskare, read-only) or user (användare)'),
    orgUnitId: id.nullable().describe('The unit the grant covers; null for the whole installation'),
    includeSubunits: z.boolean().default(true).describe('Whether the grant also covers the units below (default true)'),
  })
  .strict();

const userGrant = z
  .object({
    id: z.string(),
    role: z.enum(APP_ROLES),
    orgUnitId: z.string().nullable().describe('null: the whole installation'),
    orgUnitName: z.string().nullable(),
    includeSubunits: z.boolean(),
    createdAt: isoTimestamp,
  })
  .meta({ id: 'UserGrant' });

/** App permissions of a user (who may do what in Ansvar); installation-wide administrators only. */
export function grantRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['users'];

  r.get('/api/users/:id/grants', {
    config: { access: 'users:manage' },
    schema: {
      tags,
      summary: "A user's app permission grants",
      params: userParam,
      response: { 200: z.object({ items: z.array(userGrant) }), ...errors(401, 403, 404) },
    },
    handler: async (req) => listUserGrants(ctxOf(req, services), authOf(req).grants, req.params.id),
  });

  r.post('/api/users/:id/grants', {
    config: { access: 'users:manage' },
    schema: {
      tags,
      summary: 'Give a user an app role, on the whole installation or on a unit',
      params: userParam,
      body: grantBody,
      response: { 201: userGrant, ...errors(400, 401, 403, 404, 409) },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await addUserGrant(ctxOf(req, services), authOf(req).grants, req.params.id, req.body)),
  });

  r.delete('/api/users/:id/grants/:grantId', {
    config: { access: 'users:manage' },
    schema: {
      tags,
      summary: "Remove a grant (not the installation's last administrator)",
      params: grantParam,
      response: { 204: z.null(), ...errors(401, 403, 404, 409) },
    },
    handler: async (req, reply) => {
      await removeUserGrant(ctxOf(req, services), authOf(req).grants, req.params.id, req.params.grantId);
      return reply.status(204).send(null);
    },
  });
}
