import type { FastifyRequest } from 'fastify';
import type { Ctx, Services } from '../context.ts';
import { AppError } from '../errors.ts';
import type { Auth } from './types.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD']);

/**
 * The use-case context of a request. The web app marks its calls with x-ansvar-origin: ui. A safe request
 * (GET, HEAD) reads through `services.reader`, so a long write in progress never holds up a page: it sees
 * every committed change and nothing of another request's open transaction.
 */
export function ctxOf(req: FastifyRequest, services: Services): Ctx {
  return {
    ...services,
    db: SAFE_METHODS.has(req.method) ? services.reader : services.db,
    actor: req.auth ? { userId: req.auth.session.userId } : null,
    origin: req.headers['x-ansvar-origin'] === 'ui' ? 'ui' : 'api',
    requestId: req.id,
    locale: req.locale,
  };
}

/** The signed-in caller; routes that declared access other than 'public' always have one. */
export function authOf(req: FastifyRequest): Auth {
  if (!req.auth) throw new AppError('unauthenticated');
  return req.auth;
}
