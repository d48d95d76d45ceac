import fastJson from 'fast-json-stringify';
import type { FastifySerializerCompiler } from 'fastify/types/schema.js';
import { z } from 'zod';

/**
 * Response serialisation from the routes' zod schemas, compiled once per route with fast-json-stringify:
 * only declared fields are written (nothing leaks), at several times the speed of validating with zod
 * and calling JSON.stringify on every response. With `validate` (tests), responses are also checked
 * against the zod schema, so a response that drifts from its documented shape fails loudly.
 */
export function createSerializerCompiler(options: { validate: boolean }): FastifySerializerCompiler<unknown> {
  return ({ schema, method, url }) => {
    if (!(schema instanceof z.ZodType)) throw new Error(`Response schema of ${method} ${url} is not a zod schema`);
    const jsonSchema = z.toJSONSchema(schema, { target: 'draft-7', io: 'output', unrepresentable: 'any', reused: 'inline' });
    const stringify = fastJson(jsonSchema as Parameters<typeof fastJson>[0]);
    if (!options.validate) return (data) => stringify(data);
    return (data) => {
      const result = schema.safeParse(data);
      if (!result.success) throw new Error(`Response of ${method} ${url} does not match its schema: ${result.error.message}`);
      return stringify(data);
    };
  };
}
