import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actionsOf, loadGrants, type Grant } from '../../platform/access/permissions.ts';
import { PRE_SESSION_COOKIE, SESSION_COOKIE, preSessionCsrf, type SessionUser } from '../../platform/auth/sessions.ts';
import type { Services } from '../../platform/context.ts';
import { authOf, ctxOf } from '../../platform/http/ctx.ts';
import { errors } from '../../platform/http/schemas.ts';
import { changePassword } from './change-password.ts';
import { login, logout, logoutEverywhere, setLocale } from './login.ts';
import { csrfResponse, localeBody, loginBody, loginResponse, meResponse, passwordChangeBody, passwordChanged } from './schemas.ts';

const tags = ['auth'];

function presentMe(user: Pick<SessionUser, 'userId' | 'email' | 'name' | 'locale'>, grants: Grant[]): z.infer<typeof meResponse> {
  return {
    id: user.userId,
    email: user.email,
    name: user.name,
    locale: user.locale === 'sv' || user.locale === 'en' ? user.locale : null,
    roles: grants,
    permissions: actionsOf(grants),
  };
}

export function authRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const cookieOptions = { httpOnly: true, sameSite: 'lax', secure: services.config.secureCookies, path: '/' } as const;
  const clearSession = (reply: FastifyReply) => reply.clearCookie(SESSION_COOKIE, cookieOptions);

  r.get('/api/auth/csrf', {
    config: { access: 'public' },
    schema: { tags, summary: 'CSRF token for state-changing requests', response: { 200: csrfResponse } },
    handler: async (req, reply) => {
      if (req.auth) return { token: req.auth.session.csrfToken };
      let nonce = req.cookies[PRE_SESSION_COOKIE];
      if (!nonce) {
        nonce = randomBytes(24).toString('base64url');
        reply.setCookie(PRE_SESSION_COOKIE, nonce, cookieOptions);
      }
      return { token: preSessionCsrf(services.config.sessionSecret, nonce) };
    },
  });

  r.post('/api/auth/login', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'Sign in with e-mail and password',
      description: 'After 10 failures for an account or an address within 15 minutes: 429 with Retry-After.',
      body: loginBody,
      response: { 200: loginResponse, ...errors(400, 401, 403, 429) },
    },
    handler: async (req, reply) => {
      const ctx = ctxOf(req, services);
      const { session, user } = await login(ctx, req.body, { ip: req.ip, userAgent: req.headers['user-agent'] ?? null });
      reply.setCookie(SESSION_COOKIE, session.token, cookieOptions);
      const grants = await loadGrants(services.db, user.id);
      return { user: presentMe({ userId: user.id, email: user.email, name: user.name, locale: user.locale }, grants) };
    },
  });

  r.post('/api/auth/logout', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Sign out of this session', response: { 204: z.null(), ...errors(401, 403) } },
    handler: async (req, reply) => {
      const auth = authOf(req);
      await logout(ctxOf(req, services), auth.session.sessionId, auth.session.userId);
      clearSession(reply);
      return reply.status(204).send(null);
    },
  });

  r.post('/api/auth/logout-everywhere', {
    config: { access: 'authenticated' },
    schema: { tags, summary: "End all of the caller's sessions", response: { 204: z.null(), ...errors(401, 403) } },
    handler: async (req, reply) => {
      await logoutEverywhere(ctxOf(req, services), authOf(req).session.userId);
      clearSession(reply);
      return reply.status(204).send(null);
    },
  });

  r.get('/api/me', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'The signed-in user, their grants and permitted actions', response: { 200: meResponse, ...errors(401) } },
    handler: async (req) => {
      const auth = authOf(req);
      return presentMe(auth.session, auth.grants);
    },
  });

  r.post('/api/me/password', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      summary: 'Change the signed-in user’s password',
      description:
        'Needs the current password (a wrong one is 400 with a message on currentPassword and counts towards the sign-in lockout: ' +
        'after 10 failures, 429 with Retry-After). Ends all of the user’s other sessions; this one stays.',
      body: passwordChangeBody,
      response: { 200: passwordChanged, ...errors(400, 401, 403, 409, 429) },
    },
    handler: async (req) => {
      const auth = authOf(req);
      const { sessionsEnded } = await changePassword(ctxOf(req, services), auth.session, req.body, { ip: req.ip });
      return { otherSessionsEnded: sessionsEnded };
    },
  });

  r.put('/api/me/locale', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Remember the interface language', body: localeBody, response: { 204: z.null(), ...errors(400, 401, 403) } },
    handler: async (req, reply) => {
      await setLocale(ctxOf(req, services), authOf(req).session.userId, req.body.locale);
      return reply.status(204).send(null);
    },
  });
}
