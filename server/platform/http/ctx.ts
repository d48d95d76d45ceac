import type { FastifyRequest } from 'fastify';
import type { Ctx, Services } from '../context.ts';
import { AppError } from '../errors.ts';
import type { Auth } from './types.ts';

/** The use-case context of a request. The web app marks its calls with x-ansvar-origin: ui. */
export function ctxOf(req: FastifyRequest, services: Services): Ctx {
  return {
    ...services,
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
