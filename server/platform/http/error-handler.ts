import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, errorBody } from '../errors.ts';
import { pickLocale } from '../i18n.ts';
import { apiSecurityHeaders } from './security.ts';
import { issuesToFields } from './validation.ts';
import { RequestValidationError } from './validator.ts';

/** One error shape for the whole API: {"error": {"code", "message", "fields"?}}, in the caller's language. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((raw: FastifyError | AppError, req, reply) => {
    let err: AppError;
    if (raw instanceof AppError) {
      err = raw;
    } else if (raw instanceof RequestValidationError) {
      err = new AppError('validation_failed', { fields: issuesToFields(raw.issues as Parameters<typeof issuesToFields>[0]) });
    } else if (raw.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      err = new AppError('payload_too_large');
    } else if (raw.statusCode && raw.statusCode >= 400 && raw.statusCode < 500) {
      // Malformed JSON, wrong content type and the like.
      err = new AppError('bad_request');
    } else if (isUnstorableText(raw)) {
      // The safety net behind the text rules (schemas.ts): text PostgreSQL refuses to store is the
      // caller's input, not a server fault. Logged, because a schema should have caught it first.
      req.log.warn({ err: raw }, 'text the database cannot store reached it');
      err = new AppError('bad_request');
    } else {
      req.log.error({ err: raw }, 'unhandled error');
      err = new AppError('internal');
    }
    if (err.options.retryAfterSeconds) reply.header('retry-after', String(err.options.retryAfterSeconds));
    return reply.status(err.status).send(errorBody(err, req.locale));
  });

  app.setNotFoundHandler((req, reply) => {
    reply.header('x-request-id', req.id);
    return reply.status(404).send(errorBody(new AppError('not_found'), req.locale));
  });
}

/**
 * Fastify's `frameworkErrors`: what goes wrong before a route is found — a path that is not valid
 * percent-encoded UTF-8 (FST_ERR_BAD_URL), a path parameter over the router's length limit
 * (FST_ERR_MAX_PARAM_LENGTH). Such a path names nothing, so it is a 404 like an unknown id, in the
 * API's error shape and with the API's headers (no hook has run yet, so they are set here, and the
 * language comes from Accept-Language alone).
 */
export function frameworkErrorHandler(secure: boolean) {
  const headers = apiSecurityHeaders(secure);
  return (raw: FastifyError, req: FastifyRequest, reply: FastifyReply): void => {
    const notFound = raw.code === 'FST_ERR_BAD_URL' || raw.code === 'FST_ERR_MAX_PARAM_LENGTH';
    const err = new AppError(notFound ? 'not_found' : 'bad_request');
    void reply
      .headers(headers)
      .header('x-request-id', req.id)
      .status(err.status)
      .send(errorBody(err, pickLocale(undefined, req.headers['accept-language'])));
  };
}

/**
 * PostgreSQL's errors for text it cannot take: 22021 character_not_in_repertoire (NUL, or bytes that
 * are not UTF-8), 22P05 untranslatable_character (\u0000 in JSON), 22P02 invalid_text_representation
 * (text that is not a number, uuid, …). Only database errors (they carry a severity) count.
 */
const UNSTORABLE_TEXT = new Set(['22021', '22P05', '22P02']);
function isUnstorableText(err: unknown): boolean {
  const e = err as { code?: unknown; severity?: unknown };
  return typeof e.severity === 'string' && typeof e.code === 'string' && UNSTORABLE_TEXT.has(e.code);
}
