import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../platform/context.ts';
import { authOf, ctxOf } from '../../platform/http/ctx.ts';
import { errors } from '../../platform/http/schemas.ts';
import {
  agreementIdParam, agreementSchema, agreementsPage, agreementsQuery, agreementSystemParams, createAgreementBody, linkSystemBody,
  patchAgreementBody, systemAgreementsSchema, systemIdParam,
} from './agreement-schemas.ts';
import { createAgreement } from './create-agreement.ts';
import { getAgreement } from './get-agreement.ts';
import { linkSystem } from './link-system.ts';
import { listAgreementsPage } from './list-agreements.ts';
import { supplierRoutes } from './supplier-routes.ts';
import { getSystemAgreements } from './system-agreements.ts';
import { unlinkSystem } from './unlink-system.ts';
import { updateAgreement } from './update-agreement.ts';

/** Suppliers with contacts, and agreements linked to systems (docs/AGREEMENTS.md). */
export function agreementRoutes(app: FastifyInstance, services: Services): void {
  supplierRoutes(app, services);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['agreements'];

  r.get('/api/agreements', {
    config: { access: 'systems:read' },
    schema: {
      tags,
      summary: 'Agreements the caller may see, ending soonest first, filtered, keyset-paginated',
      querystring: agreementsQuery,
      response: { 200: agreementsPage, ...errors(400, 401, 403) },
    },
    handler: async (req) => listAgreementsPage(ctxOf(req, services), authOf(req), req.query),
  });

  r.post('/api/agreements', {
    config: { access: 'systems:write' },
    schema: {
      tags,
      summary: 'Record an agreement, optionally linked at once to systems the caller may edit',
      body: createAgreementBody,
      response: { 201: agreementSchema, ...errors(400, 401, 403, 409) },
    },
    handler: async (req, reply) => reply.status(201).send(await createAgreement(ctxOf(req, services), authOf(req), req.body)),
  });

  r.get('/api/agreements/:id', {
    config: { access: 'systems:read' },
    schema: {
      tags,
      summary: 'One agreement with its status, clauses, linked systems and what the caller may do',
      params: agreementIdParam,
      response: { 200: agreementSchema, ...errors(401, 403, 404) },
    },
    handler: async (req) => getAgreement(ctxOf(req, services), authOf(req), req.params.id),
  });

  r.patch('/api/agreements/:id', {
    config: { access: 'systems:write' },
    schema: {
      tags,
      summary: 'Change an agreement (optimistic concurrency: send the version you read)',
      params: agreementIdParam,
      body: patchAgreementBody,
      response: { 200: agreementSchema, ...errors(400, 401, 403, 404, 409) },
    },
    handler: async (req) => updateAgreement(ctxOf(req, services), authOf(req), req.params.id, req.body),
  });

  r.post('/api/agreements/:id/systems', {
    config: { access: 'systems:write' },
    schema: {
      tags,
      summary: 'Link the agreement to a system (edit rights on the system; not an avvecklad one)',
      params: agreementIdParam,
      body: linkSystemBody,
      response: { 200: agreementSchema, ...errors(400, 401, 403, 404, 409) },
    },
    handler: async (req) => linkSystem(ctxOf(req, services), authOf(req), req.params.id, req.body),
  });

  r.delete('/api/agreements/:id/systems/:systemId', {
    config: { access: 'systems:write' },
    schema: {
      tags,
      summary: 'Remove the link between the agreement and a system (edit rights on the system)',
      params: agreementSystemParams,
      response: { 204: z.null(), ...errors(401, 403, 404) },
    },
    handler: async (req, reply) => {
      await unlinkSystem(ctxOf(req, services), authOf(req), req.params.id, req.params.systemId);
      return reply.status(204).send(null);
    },
  });

  r.get('/api/systems/:id/agreements', {
    config: { access: 'systems:read' },
    schema: {
      tags,
      summary: 'The agreements of one system, with today’s status and the security clauses',
      params: systemIdParam,
      response: { 200: systemAgreementsSchema, ...errors(401, 403, 404) },
    },
    handler: async (req) => getSystemAgreements(ctxOf(req, services), authOf(req), req.params.id),
  });
}
