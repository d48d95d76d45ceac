import i18next from 'i18next';

/** Field path → message, as sent by the server in error.fields. */
export type FieldErrors = Record<string, string>;

/** Every failed request ends up as one of these; message is ready to show to the user. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldErrors;
  /** Seconds to wait before retrying (from the Retry-After header), if the server sent it. */
  readonly retryAfter: number | null;

  constructor(opts: { status: number; code: string; message: string; fields?: FieldErrors; retryAfter?: number | null }) {
    super(opts.message);
    this.name = 'ApiError';
    this.status = opts.status;
    this.code = opts.code;
    this.fields = opts.fields ?? {};
    this.retryAfter = opts.retryAfter ?? null;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
const UNSAFE: ReadonlySet<Method> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

let csrfToken: string | null = null;
let csrfPending: Promise<string> | null = null;

/** Forget the CSRF token; call after anything that starts or ends a session. */
export function resetCsrfToken(): void {
  csrfToken = null;
  csrfPending = null;
}

async function getCsrfToken(): Promise<string> {
  if (csrfToken) return csrfToken;
  csrfPending ??= request<{ token: string }>('GET', '/api/auth/csrf')
    .then((body) => {
      csrfToken = body.token;
      return body.token;
    })
    .finally(() => {
      csrfPending = null;
    });
  return csrfPending;
}

function parseRetryAfter(header: string | null): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

async function toApiError(response: Response): Promise<ApiError> {
  const retryAfter = parseRetryAfter(response.headers.get('Retry-After'));
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // not JSON (a proxy error page, for example)
  }
  const error = (body as { error?: { code?: unknown; message?: unknown; fields?: unknown } } | null)?.error;
  if (error && typeof error.code === 'string') {
    return new ApiError({
      status: response.status,
      code: error.code,
      message: typeof error.message === 'string' && error.message ? error.message : i18next.t('errors.unexpected'),
      fields: error.fields && typeof error.fields === 'object' ? (error.fields as FieldErrors) : undefined,
      retryAfter,
    });
  }
  return new ApiError({
    status: response.status,
    code: `http_${response.status}`,
    message: i18next.t('errors.unexpected'),
    retryAfter,
  });
}

async function request<T>(method: Method, path: string, body?: unknown, csrf?: string): Promise<T> {
  const form = body instanceof FormData;
  const headers: Record<string, string> = {
    Accept: 'application/json',
    // Without the ansvar_lang cookie the server would pick the browser's language; ask for
    // the one the interface shows so its messages match.
    'Accept-Language': i18next.resolvedLanguage ?? i18next.language ?? 'sv',
    // The audit trail records changes made through the web app with origin "ui".
    'x-ansvar-origin': 'ui',
  };
  // FormData sets its own multipart Content-Type with the boundary.
  if (body !== undefined && !form) headers['Content-Type'] = 'application/json';
  if (csrf) headers['x-csrf-token'] = csrf;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : form ? body : JSON.stringify(body),
    });
  } catch {
    throw new ApiError({ status: 0, code: 'network_error', message: i18next.t('errors.network') });
  }
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export interface RequestOptions {
  /** The call starts or ends a session: the CSRF token is fetched again afterwards. */
  sessionChange?: boolean;
}

/** JSON request to the Ansvar API. Adds the CSRF header to state-changing calls. */
export async function apiRequest<T>(method: Method, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  if (!UNSAFE.has(method)) return request<T>(method, path, body);
  try {
    return await request<T>(method, path, body, await getCsrfToken());
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 403 && error.code === 'csrf_invalid')) {
      throw error;
    }
    resetCsrfToken(); // the session changed under us: fetch a fresh token and try once more
    return await request<T>(method, path, body, await getCsrfToken());
  } finally {
    if (options.sessionChange) resetCsrfToken();
  }
}

export const api = {
  get: <T>(path: string) => apiRequest<T>('GET', path),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => apiRequest<T>('POST', path, body ?? {}, options),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) => apiRequest<T>('PUT', path, body ?? {}, options),
  patch: <T>(path: string, body?: unknown) => apiRequest<T>('PATCH', path, body ?? {}),
  delete: <T>(path: string, options?: RequestOptions) => apiRequest<T>('DELETE', path, undefined, options),
  /** multipart/form-data POST (file uploads), with the CSRF header like every other write. */
  postForm: <T>(path: string, form: FormData) => apiRequest<T>('POST', path, form),
};

/** Builds a query string, leaving out empty values. */
export function query(params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
