import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError, errorBody } from '../errors.ts';
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
