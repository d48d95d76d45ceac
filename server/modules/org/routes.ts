import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Services } from '../../platform/context.ts';
import { authOf, ctxOf } from '../../platform/http/ctx.ts';
import { errors } from '../../platform/http/schemas.ts';
import { createOrgUnit } from './create-unit.ts';
import { deactivateOrgUnit } from './deactivate-unit.ts';
import { getOrgUnit } from './get-unit.ts';
import { listOrgUnits } from './list-units.ts';
import { moveOrgUnit } from './move-unit.ts';
import {
  createUnitBody,
  idParam,
  moveUnitBody,
  orgUnit,
  orgUnitDetail,
  patchUnitBody,
  unitsPage,
  unitsQuery,
  unitsTree,
  versionBody,
} from './schemas.ts';
import { orgUnitTree } from './unit-tree.ts';
import { updateOrgUnit } from './update-unit.ts';

/** Org units (the organisation tree). */
export function orgRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['org'];

  r.get('/api/org-units', {
    config: { access: 'org:read' },
    schema: {
      tags,
      summary: 'Org units the caller may read, by name, keyset-paginated',
      querystring: unitsQuery,
      response: { 200: unitsPage, ...errors(400, 401, 403) },
    },
    handler: async (req) => listOrgUnits(ctxOf(req, services), authOf(req).grants, req.query),
  });

  r.get('/api/org-units/tree', {
    config: { access: 'org:read' },
    schema: {
      tags,
      summary: 'Every unit the caller may read, depth-first, for tree views',
      response: { 200: unitsTree, ...errors(401, 403) },
    },
    handler: async (req) => orgUnitTree(ctxOf(req, services), authOf(req).grants),
  });

  r.get('/api/org-units/:id', {
    config: { access: 'org:read' },
    schema: { tags, summary: 'One unit with its ancestors', params: idParam, response: { 200: orgUnitDetail, ...errors(401, 403, 404) } },
    handler: async (req) => getOrgUnit(ctxOf(req, services), authOf(req).grants, req.params.id),
  });

  r.post('/api/org-units', {
    config: { access: 'org:manage' },
    schema: {
      tags,
      summary: 'Create a unit (a kommun at the top needs an installation-wide grant)',
      body: createUnitBody,
      response: { 201: orgUnit, ...errors(400, 401, 403) },
    },
    handler: async (req, reply) => reply.status(201).send(await createOrgUnit(ctxOf(req, services), authOf(req).grants, req.body)),
  });

  r.patch('/api/org-units/:id', {
    config: { access: 'org:manage' },
    schema: {
      tags,
      summary: "Change a unit's name, kind, code, external id or function",
      params: idParam,
      body: patchUnitBody,
      response: { 200: orgUnit, ...errors(400, 401, 403, 404, 409) },
    },
    handler: async (req) => updateOrgUnit(ctxOf(req, services), authOf(req).grants, req.params.id, req.body),
  });

  r.post('/api/org-units/:id/move', {
    config: { access: 'org:manage' },
    schema: {
      tags,
      summary: 'Move a unit and its sub-units under another parent',
      params: idParam,
      body: moveUnitBody,
      response: { 200: orgUnit, ...errors(400, 401, 403, 404, 409) },
    },
    handler: async (req) => moveOrgUnit(ctxOf(req, services), authOf(req).grants, req.params.id, req.body),
  });

  r.post('/api/org-units/:id/deactivate', {
    config: { access: 'org:manage' },
    schema: {
      tags,
      summary: 'Deactivate a unit (never deleted); refused while it has active sub-units or people',
      params: idParam,
      body: versionBody,
      response: { 200: orgUnit, ...errors(400, 401, 403, 404, 409) },
    },
    handler: async (req) => deactivateOrgUnit(ctxOf(req, services), authOf(req).grants, req.params.id, req.body.version),
  });
}
