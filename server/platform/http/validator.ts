import type { FastifySchemaCompiler } from 'fastify';
import { type z } from 'zod';

/** A request that failed its zod schema; the error handler turns the issues into field messages. */
export class RequestValidationError extends Error {
  constructor(readonly issues: readonly z.core.$ZodIssue[]) {
    super('request validation failed');
  }
}

/**
 * Validates params, query and body with the route's zod schema. Unlike the type provider's own
 * compiler it keeps each issue's input, so a value of the wrong type is not reported as missing.
 */
export const validatorCompiler: FastifySchemaCompiler<z.ZodType> = ({ schema }) => (data) => {
  const result = schema.safeParse(data, { reportInput: true });
  return result.success ? { value: result.data } : { error: new RequestValidationError(result.error.issues) };
};
