import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../platform/context.ts';
import { authOf, ctxOf } from '../../platform/http/ctx.ts';
import { errors } from '../../platform/http/schemas.ts';
import { localisedRoles } from './catalogue.ts';
import { activePolicy, defaultYaml, policyVersions } from './get-policy.ts';
import { organisationResponsibilities } from './responsibilities.ts';
import {
  activePolicy as activePolicySchema,
  responsibilitiesResponse,
  rolesResponse,
  storedVersion,
  uploadBody,
  versionsPage,
  versionsQuery,
} from './schemas.ts';
import { uploadPack } from './upload-pack.ts';

const UPLOAD_BODY_LIMIT = 2 * 1024 * 1024;

export function policyRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/policy', {
    config: { access: 'policy:read' },
    schema: {
      tags: ['policy'],
      summary: 'The policy pack in force (the last uploaded version, else the default pack)',
      response: { 200: activePolicySchema, ...errors(401, 403) },
    },
    handler: async (req) => activePolicy(ctxOf(req, services)),
  });

  r.get('/api/policy/default.yaml', {
    config: { access: 'policy:read' },
    schema: {
      tags: ['policy'],
      summary: 'The default pack (the seed policy) as YAML, to download and edit',
      response: { 200: z.string(), ...errors(401, 403) },
    },
    handler: async (_req, reply) =>
      reply
        .type('application/yaml; charset=utf-8')
        .header('content-disposition', 'attachment; filename="it-sakerhetspolicy.yaml"')
        .send(defaultYaml()),
  });

  r.get('/api/policy/versions', {
    config: { access: 'policy:read' },
    schema: {
      tags: ['policy'],
      summary: 'Uploaded versions, newest first, keyset-paginated',
      querystring: versionsQuery,
      response: { 200: versionsPage, ...errors(400, 401, 403) },
    },
    handler: async (req) => policyVersions(ctxOf(req, services), req.query),
  });

  r.post('/api/policy/versions', {
    config: { access: 'policy:manage' },
    bodyLimit: UPLOAD_BODY_LIMIT,
    schema: {
      tags: ['policy'],
      summary: 'Upload a new version (JSON document or YAML text); it becomes the active pack',
      description:
        'A pack that does not validate is refused with 400 validation_failed; `fields` is keyed by the path in the pack (e.g. rules.3.when.fact).',
      body: uploadBody,
      response: { 201: storedVersion, ...errors(400, 401, 403, 409, 413) },
    },
    handler: async (req, reply) => reply.status(201).send(await uploadPack(ctxOf(req, services), authOf(req), req.body)),
  });

  r.get('/api/policy/responsibilities', {
    config: { access: 'org:read' },
    schema: {
      tags: ['policy'],
      summary: 'Who is responsible for each area of the policy in each kommun, and the organisation-level findings',
      response: { 200: responsibilitiesResponse, ...errors(401, 403) },
    },
    handler: async (req) => organisationResponsibilities(ctxOf(req, services), authOf(req)),
  });

  r.get('/api/roles', {
    config: { access: 'org:read' },
    schema: {
      tags: ['org'],
      summary: "The active pack's role catalogue, in the caller's language",
      response: { 200: rolesResponse, ...errors(401, 403) },
    },
    handler: async (req) => localisedRoles(services, req.locale),
  });
}
