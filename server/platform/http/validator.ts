import type { FastifySchemaCompiler } from 'fastify';
import { type z } from 'zod';
import { AppError } from '../errors.ts';

/** A request that failed its zod schema; the error handler turns the issues into field messages. */
export class RequestValidationError extends Error {
  constructor(readonly issues: readonly z.core.$ZodIssue[]) {
    super('request validation failed');
  }
}

/**
 * Validates params, query and body with the route's zod schema. Unlike the type provider's own
 * compiler it keeps each issue's input, so a value of the wrong type is not reported as missing.
 * A path parameter the schema refuses (an id with a control character, too long, …) names nothing
 * that exists: that is a 404 not_found, like an id that is not in the database, never a 400.
 */
export const validatorCompiler: FastifySchemaCompiler<z.ZodType> = ({ schema, httpPart }) => (data) => {
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) return { value: result.data };
  return { error: httpPart === 'params' ? new AppError('not_found') : new RequestValidationError(result.error.issues) };
};
