import type { Locale } from '../../shared/roles.ts';
import { message, type MessageKey } from './i18n.ts';

/** Every error the API returns has a code; the HTTP status and texts are decided here, once. */
export const ERROR_STATUS = {
  validation_failed: 400,
  bad_request: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  csrf_invalid: 403,
  forbidden: 403,
  not_found: 404,
  token_invalid: 404,
  conflict: 409,
  refused: 409,
  already_set_up: 409,
  /** No kommun yet: imports and registering wait until it is created (on the start page, "/", which the web links to). */
  kommun_missing: 409,
  email_taken: 409,
  payload_too_large: 413,
  too_many_attempts: 429,
  internal: 500,
  unavailable: 503,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** Field-level problems: a path ("email", "roles.0.role") and a message key with parameters. */
export interface FieldProblem {
  path: string;
  key: MessageKey;
  params?: Record<string, string | number>;
}

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly options: { fields?: FieldProblem[]; params?: Record<string, string | number>; retryAfterSeconds?: number } = {},
  ) {
    super(code);
    this.name = 'AppError';
    this.status = ERROR_STATUS[code];
  }
}

export interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}

export function errorBody(err: AppError, locale: Locale): ErrorBody {
  const body: ErrorBody = { error: { code: err.code, message: message(locale, `error.${err.code}`, err.options.params) } };
  if (err.options.fields?.length) {
    const fields: Record<string, string> = {};
    for (const f of err.options.fields) fields[f.path] ??= message(locale, f.key, f.params);
    body.error.fields = fields;
  }
  return body;
}
