import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { canSomewhere } from '../access/permissions.ts';
import { PRE_SESSION_COOKIE, SESSION_COOKIE, loadSession, preSessionCsrf, safeEqual } from '../auth/sessions.ts';
import type { Services } from '../context.ts';
import { AppError } from '../errors.ts';
import { pickLocale } from '../i18n.ts';
import type { Access } from './types.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const LANG_COOKIE = 'ansvar_lang';

/**
 * Runs before body validation on every request: language, session, CSRF, and the route's declared
 * access. Refusals happen here, so an unauthorised caller learns nothing from validation errors.
 */
export function registerGuard(app: FastifyInstance, services: Services): void {
  app.decorateRequest('locale', 'sv');
  app.decorateRequest('auth', null);

  // Every API route must say who may call it; a route without a declaration does not start.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/') && !route.url.startsWith('/api/docs') && !route.config?.access) {
      throw new Error(`Route ${route.method} ${route.url} declares no access (config.access)`);
    }
  });

  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    req.locale = pickLocale(req.cookies[LANG_COOKIE], req.headers['accept-language']);
    reply.header('x-request-id', req.id);
    const access = req.routeOptions.config?.access as Access | undefined;
    if (!access) return; // static files, docs and 404s

    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      req.auth = await loadSession(services, token);
      const saved = req.auth?.session.locale;
      if (saved && !req.cookies[LANG_COOKIE] && (saved === 'sv' || saved === 'en')) req.locale = saved;
    }

    if (!SAFE_METHODS.has(req.method)) checkCsrf(req, services.config.sessionSecret);

    if (access === 'public') return;
    if (!req.auth) throw new AppError('unauthenticated');
    if (access !== 'authenticated' && !canSomewhere(req.auth.grants, access)) throw new AppError('forbidden');
  });
}

function checkCsrf(req: FastifyRequest, secret: string): void {
  const sent = req.headers['x-csrf-token'];
  if (typeof sent !== 'string' || sent.length === 0) throw new AppError('csrf_invalid');
  if (req.auth) {
    if (!safeEqual(sent, req.auth.session.csrfToken)) throw new AppError('csrf_invalid');
    return;
  }
  const nonce = req.cookies[PRE_SESSION_COOKIE];
  if (!nonce || !safeEqual(sent, preSessionCsrf(secret, nonce))) throw new AppError('csrf_invalid');
}
