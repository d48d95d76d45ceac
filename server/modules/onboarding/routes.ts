import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Services } from '../../platform/context.ts';
import { authOf, ctxOf } from '../../platform/http/ctx.ts';
import { errors } from '../../platform/http/schemas.ts';
import { createKommunFromStart } from './create-kommun.ts';
import { getOnboarding } from './get-onboarding.ts';
import { createKommunBody, kommunCreated, onboardingSchema } from './schemas.ts';

/** Getting started: the steps and numbers of the start page, and creating the kommun there. */
export function onboardingRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['onboarding'];

  r.get('/api/onboarding', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'Getting started: the steps from a new installation to a confirmed register, and the numbers of today',
      description:
        'Each step has done, a count and the page where it is done. The steps are about the whole installation: they are listed only ' +
        'for a caller who reads the organisation and the register installation-wide (others get an empty list). The figures are ' +
        'counted within what the caller may see.',
      response: { 200: onboardingSchema, ...errors(401) },
    },
    handler: async (req) => getOnboarding(ctxOf(req, services), authOf(req)),
  });

  r.post('/api/onboarding/kommun', {
    config: { access: 'org:manage' },
    schema: {
      tags,
      summary: 'Create the kommun with its kommunstyrelse (when setup did not); 409 when a kommun exists',
      body: createKommunBody,
      response: { 201: kommunCreated, ...errors(400, 401, 403, 409) },
    },
    handler: async (req, reply) => reply.status(201).send(await createKommunFromStart(ctxOf(req, services), authOf(req), req.body.name)),
  });
}
