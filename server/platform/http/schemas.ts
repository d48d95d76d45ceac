import { z } from 'zod';
import { AppError } from '../errors.ts';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../auth/passwords.ts';
import { isCleanText, isSingleLine } from '../characters.ts';
import { HOLDER_KINDS, HOLDER_STATUSES } from '../../../shared/policy.ts';

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

/**
 * Text rules (server/platform/characters.ts): every string a request carries is built from the blocks
 * below, so NUL and other control characters are a 400 naming the field, the same on both databases.
 * `singleLineCheck` refuses all control characters (tab and line breaks too); `multiLineCheck` allows
 * tab, LF and CR. Add them with `.check()` to a string schema that is not built from a block.
 */
export const singleLineCheck = z.refine<string>(isSingleLine, { params: { key: 'field.single_line' } });
export const multiLineCheck = z.refine<string>(isCleanText, { params: { key: 'field.control_characters' } });

/** One line of text, trimmed; add `.min(1)` when it is required. */
export const singleLine = (max: number) => z.string().trim().max(max).check(singleLineCheck);
/** Text that may span lines (notes, descriptions), trimmed. */
export const multiLine = (max: number) => z.string().trim().max(max).check(multiLineCheck);
/** Optional one-line text: trimmed; empty or null means none (null). */
export const optionalLine = (max: number) => singleLine(max).nullable().transform((v) => v || null);
/** Optional multi-line text: trimmed; empty or null means none (null). */
export const optionalText = (max: number) => multiLine(max).nullable().transform((v) => v || null);
/** A secret or token: taken as given (never trimmed), one line. */
export const secretInput = (max: number) => z.string().max(max).check(singleLineCheck);

/**
 * An id in a body or query (ids are UUIDv7 text). In a path, a value the schema refuses is a 404
 * (validator.ts), like an id that does not exist.
 */
export const idInput = singleLine(64).min(1);

export const emailInput = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .check(singleLineCheck)
  .pipe(z.email())
  .describe('E-mail address; trimmed and compared in lower case');

export const passwordInput = secretInput(MAX_PASSWORD_LENGTH)
  .min(MIN_PASSWORD_LENGTH)
  .describe(`At least ${MIN_PASSWORD_LENGTH} characters, not a common password`);

export const nameInput = singleLine(200).min(1).describe('Full name as shown in Ansvar');

/** An opaque keyset cursor (base64url); a longer limit where the cursor carries a sort key. */
export const cursorInput = (max = 1000) => secretInput(max).optional().describe('Opaque cursor from the previous page (nextCursor)');

export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(500).default(50).describe('Page size, at most 500'),
  cursor: cursorInput(),
};

export const isoTimestamp = z.string().describe('ISO-8601 UTC timestamp');

/** Who holds a role, whatever its kind: every response naming a role holder uses it (platform/db/holders.ts fills it). */
export const roleHolder = z
  .object({
    kind: z.enum(HOLDER_KINDS).describe('person, unit (an org unit, e.g. the IT unit) or supplier'),
    id: z.string(),
    name: z.string(),
    status: z.enum(HOLDER_STATUSES).describe('A person: active, disabled or left; a unit: active or inactive; a supplier: active'),
    contact: z.object({ id: z.string(), name: z.string() }).nullable().describe("A supplier holder's contact person, if named"),
  })
  .meta({ id: 'RoleHolder' });

/** Who is to hold a role (a request): a person, an org unit, or a supplier with perhaps one of its contacts. */
export const principalInput = z
  .object({
    kind: z.enum(HOLDER_KINDS),
    id: idInput.describe('The person, unit or supplier id'),
    contactId: idInput.optional().describe("For a supplier: one of the supplier's contacts"),
  })
  .strict()
  .meta({ id: 'PrincipalInput' });

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
