import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assertCan } from '../../platform/access/permissions.ts';
import type { Services } from '../../platform/context.ts';
import { authOf, ctxOf } from '../../platform/http/ctx.ts';
import { errors } from '../../platform/http/schemas.ts';
import { acceptInvite, createInvite, getInvite } from './invites.ts';
import { createPasswordReset, getPasswordReset, resetPassword } from './password-reset.ts';
import {
  acceptBody, createdUser, inviteBody, inviteCreated, inviteInfo, linkInfo, resetBody, resetLinkCreated, resetLinkInfo, setupBody, tokenParam,
  userIdParam, usersPage, usersQuery,
} from './schemas.ts';
import { completeSetup, getSetupLink } from './setup.ts';
import { endUserSessions, listUsersPage } from './users.ts';

export { grantRoutes } from './grants-routes.ts';

export function accountRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/setup/:token', {
    config: { access: 'public' },
    schema: { tags: ['setup'], summary: 'Is this first-time setup link valid?', params: tokenParam, response: { 200: linkInfo, ...errors(404) } },
    handler: async (req) => ({ valid: true as const, ...(await getSetupLink(services, req.params.token)) }),
  });

  r.post('/api/setup', {
    config: { access: 'public' },
    schema: {
      tags: ['setup'],
      summary: 'Create the first administrator from the one-time setup link',
      body: setupBody,
      response: { 201: createdUser, ...errors(400, 403, 404, 409) },
    },
    handler: async (req, reply) => reply.status(201).send({ id: await completeSetup(ctxOf(req, services), req.body) }),
  });

  r.post('/api/invites', {
    config: { access: 'users:manage' },
    schema: { tags: ['users'], summary: 'Invite a person by link', body: inviteBody, response: { 201: inviteCreated, ...errors(400, 401, 403, 409) } },
    handler: async (req, reply) => {
      assertCan(authOf(req).grants, 'users:manage');
      return reply.status(201).send(await createInvite(ctxOf(req, services), req.body));
    },
  });

  r.get('/api/invites/:token', {
    config: { access: 'public' },
    schema: { tags: ['users'], summary: 'What an invitation link is for', params: tokenParam, response: { 200: inviteInfo, ...errors(404) } },
    handler: async (req) => getInvite(services, req.params.token),
  });

  r.post('/api/invites/accept', {
    config: { access: 'public' },
    schema: { tags: ['users'], summary: 'Accept an invitation: choose a password', body: acceptBody, response: { 201: createdUser, ...errors(400, 403, 404, 409) } },
    handler: async (req, reply) => reply.status(201).send({ id: await acceptInvite(ctxOf(req, services), req.body) }),
  });

  r.get('/api/users', {
    config: { access: 'users:read' },
    schema: { tags: ['users'], summary: 'Users, by e-mail, keyset-paginated', querystring: usersQuery, response: { 200: usersPage, ...errors(400, 401, 403) } },
    handler: async (req) => listUsersPage(ctxOf(req, services), authOf(req), req.query),
  });

  r.post('/api/users/:id/password-reset', {
    config: { access: 'users:manage' },
    schema: {
      tags: ['users'],
      summary: 'Make a one-time link for a user to choose a new password',
      description: 'Valid 24 hours and once; a new link replaces the earlier ones. Not for a deactivated user (409).',
      params: userIdParam,
      response: { 201: resetLinkCreated, ...errors(401, 403, 404, 409) },
    },
    handler: async (req, reply) => reply.status(201).send(await createPasswordReset(ctxOf(req, services), authOf(req), req.params.id)),
  });

  r.get('/api/password-reset/:token', {
    config: { access: 'public' },
    schema: { tags: ['users'], summary: 'Whose password a reset link is for', params: tokenParam, response: { 200: resetLinkInfo, ...errors(404) } },
    handler: async (req) => {
      const { email, name, expiresAt } = await getPasswordReset(services, req.params.token);
      return { email, name, expiresAt };
    },
  });

  r.post('/api/password-reset', {
    config: { access: 'public' },
    schema: {
      tags: ['users'],
      summary: 'Choose a new password from a reset link',
      description: 'Uses the link up (of two requests at once, exactly one succeeds) and ends every session of the user.',
      body: resetBody,
      response: { 204: z.null(), ...errors(400, 403, 404) },
    },
    handler: async (req, reply) => {
      await resetPassword(ctxOf(req, services), req.body);
      return reply.status(204).send(null);
    },
  });

  r.delete('/api/users/:id/sessions', {
    config: { access: 'users:manage' },
    schema: { tags: ['users'], summary: "End all of a user's sessions", params: userIdParam, response: { 204: z.null(), ...errors(401, 403, 404) } },
    handler: async (req, reply) => {
      await endUserSessions(ctxOf(req, services), authOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  });
}
