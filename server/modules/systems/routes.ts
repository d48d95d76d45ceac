import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Services } from '../../platform/context.ts';
import { authOf, ctxOf } from '../../platform/http/ctx.ts';
import { errors } from '../../platform/http/schemas.ts';
import { subjectResponsibilitiesSchema } from '../policy/index.ts';
import { addDependency } from './add-dependency.ts';
import { changeLifecycle } from './change-lifecycle.ts';
import { confirmSystem } from './confirm-system.ts';
import { createSystem } from './create-system.ts';
import { getSystemHistory } from './get-history.ts';
import { getSystemResponsibilities } from './get-responsibilities.ts';
import { getSystem } from './get-system.ts';
import { listSystemsPage } from './list-systems.ts';
import { removeDependency } from './remove-dependency.ts';
import {
  confirmBody, createSystemBody, dependencyBody, dependencyParams, historyPage, historyQuery, lifecycleBody, patchSystemBody, systemIdParam,
  systemSchema, systemsPage, systemsQuery,
} from './schemas.ts';
import { updateSystem } from './update-system.ts';

export { matrixRoutes } from './matrix-routes.ts';
export { systemExportRoutes } from './export/routes.ts';

/** The system register: systems, their lifecycle, confirmation, dependencies and responsibilities. */
export function systemRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['systems'];

  r.get('/api/systems', {
    config: { access: 'systems:read' },
    schema: {
      tags,
      summary: 'The systems the caller may see, filtered, searched and sorted, keyset-paginated',
      querystring: systemsQuery,
      response: { 200: systemsPage, ...errors(400, 401, 403) },
    },
    handler: async (req) => listSystemsPage(ctxOf(req, services), authOf(req), req.query),
  });

  r.post('/api/systems', {
    config: { access: 'systems:write' },
    schema: {
      tags,
      summary: 'Register a system; it gets the next register number (SYS-0042)',
      body: createSystemBody,
      response: { 201: systemSchema, ...errors(400, 401, 403) },
    },
    handler: async (req, reply) => reply.status(201).send(await createSystem(ctxOf(req, services), authOf(req), req.body)),
  });

  r.get('/api/systems/:id', {
    config: { access: 'systems:read' },
    schema: {
      tags,
      summary: 'One system with its using units, dependencies both ways, role holders and allowed actions',
      params: systemIdParam,
      response: { 200: systemSchema, ...errors(401, 403, 404) },
    },
    handler: async (req) => getSystem(ctxOf(req, services), authOf(req), req.params.id),
  });

  r.patch('/api/systems/:id', {
    config: { access: 'systems:write' },
    schema: {
      tags,
      summary: 'Change a system’s facts (optimistic concurrency: send the version you read)',
      params: systemIdParam,
      body: patchSystemBody,
      response: { 200: systemSchema, ...errors(400, 401, 403, 404, 409) },
    },
    handler: async (req) => updateSystem(ctxOf(req, services), authOf(req), req.params.id, req.body),
  });

  r.post('/api/systems/:id/lifecycle', {
    config: { access: 'systems:write' },
    schema: {
      tags,
      summary: 'Move the system along its lifecycle (i drift needs the roles the policy requires; avvecklad is final)',
      params: systemIdParam,
      body: lifecycleBody,
      response: { 200: systemSchema, ...errors(400, 401, 403, 404, 409) },
    },
    handler: async (req) => changeLifecycle(ctxOf(req, services), authOf(req), req.params.id, req.body),
  });

  r.post('/api/systems/:id/confirm', {
    config: { access: 'systems:write' },
    schema: {
      tags,
      summary: 'Confirm the record unchanged: moves only the confirmation date',
      params: systemIdParam,
      body: confirmBody,
      response: { 200: systemSchema, ...errors(400, 401, 403, 404, 409) },
    },
    handler: async (req) => confirmSystem(ctxOf(req, services), authOf(req), req.params.id, req.body),
  });

  r.post('/api/systems/:id/dependencies', {
    config: { access: 'systems:write' },
    schema: {
      tags,
      summary: 'Record that this system depends on another (no cycles)',
      params: systemIdParam,
      body: dependencyBody,
      response: { 200: systemSchema, ...errors(400, 401, 403, 404, 409) },
    },
    handler: async (req) => addDependency(ctxOf(req, services), authOf(req), req.params.id, req.body),
  });

  r.delete('/api/systems/:id/dependencies/:dependsOnId', {
    config: { access: 'systems:write' },
    schema: {
      tags,
      summary: 'Remove a dependency',
      params: dependencyParams,
      response: { 200: systemSchema, ...errors(401, 403, 404, 409) },
    },
    handler: async (req) => removeDependency(ctxOf(req, services), authOf(req), req.params.id, req.params.dependsOnId),
  });

  r.get('/api/systems/:id/responsibilities', {
    config: { access: 'systems:read' },
    schema: {
      tags,
      summary: 'For each area of the policy, who is responsible for this system, in what capacity and by which rule',
      params: systemIdParam,
      response: { 200: subjectResponsibilitiesSchema, ...errors(401, 403, 404) },
    },
    handler: async (req) => getSystemResponsibilities(ctxOf(req, services), authOf(req), req.params.id),
  });

  r.get('/api/systems/:id/history', {
    config: { access: 'systems:read' },
    schema: {
      tags,
      summary: 'The system’s history: changes of the system and of the roles on it, newest first, keyset-paginated',
      params: systemIdParam,
      querystring: historyQuery,
      response: { 200: historyPage, ...errors(400, 401, 403, 404) },
    },
    handler: async (req) => getSystemHistory(ctxOf(req, services), authOf(req), req.params.id, req.query),
  });
}
