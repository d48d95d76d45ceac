import { z } from 'zod';
import { AppError } from '../errors.ts';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../auth/passwords.ts';

/** Building blocks shared by the modules' request and response schemas. */
export const errorSchema = z
  .object({
    error: z.object({
      code: z.string().describe('Stable machine-readable code, e.g. validation_failed'),
      message: z.string().describe("Human-readable message in the caller's language (sv or en)"),
      fields: z.record(z.string(), z.string()).optional().describe('Per-field messages, keyed by field path'),
    }),
  })
  .meta({ id: 'Error' });

export const emailInput = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email())
  .describe('E-mail address; trimmed and compared in lower case');

export const passwordInput = z
  .string()
  .min(MIN_PASSWORD_LENGTH)
  .max(MAX_PASSWORD_LENGTH)
  .describe(`At least ${MIN_PASSWORD_LENGTH} characters, not a common password`);

export const nameInput = z.string().trim().min(1).max(200).describe('Full name as shown in Ansvar');

export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(500).default(50).describe('Page size, at most 500'),
  cursor: z.string().max(1000).optional().describe('Opaque cursor from the previous page (nextCursor)'),
};

export const isoTimestamp = z.string().describe('ISO-8601 UTC timestamp');

/** A query filter where an empty value (?status=) means "not used", as HTML forms send it. */
export const optionalFilter = <T extends z.ZodType>(schema: T) =>
  z.union([z.literal(''), schema]).optional().transform((v) => (v === '' ? undefined : v) as z.infer<T> | undefined);

/** A yes/no query filter: only the words true and false (z.coerce.boolean would read "false" as true); empty = not used. */
export const optionalFlag = z
  .enum(['true', 'false', ''])
  .optional()
  .transform((v) => (v === '' || v === undefined ? undefined : v === 'true'));

/** Standard error responses a route may return, for the OpenAPI document. */
export const errors = (...codes: Array<400 | 401 | 403 | 404 | 409 | 413 | 429 | 503>) =>
  Object.fromEntries(codes.map((c) => [c, errorSchema])) as Record<number, typeof errorSchema>;

/** Keyset cursors are opaque base64url JSON; a tampered cursor is a 400, not a 500. */
export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function decodeCursor<T>(cursor: string | undefined, schema: z.ZodType<T>): T | undefined {
  if (!cursor) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    if (parsed.success) return parsed.data;
  } catch {
    /* fall through */
  }
  throw new AppError('validation_failed', { fields: [{ path: 'cursor', key: 'field.invalid' }] });
}
