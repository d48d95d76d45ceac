/**
 * A small browser-like client for seeding through Ansvar's real API: keeps cookies, fetches the
 * CSRF token (GET /api/auth/csrf) and sends it as x-csrf-token on state-changing requests.
 */
export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  text: string;
}

export interface RequestOptions {
  /** Give up after this long (default 30 s); a large import's dry-run or apply may need more. */
  timeoutMs?: number;
}

export interface UploadFile {
  /** The multipart field name, e.g. `file`. */
  field: string;
  /** The file name sent with it. */
  name: string;
  data: string | Uint8Array;
  type: string;
}

export class ApiClient {
  readonly cookies = new Map<string, string>();
  csrf: string | null = null;

  constructor(readonly baseUrl: string) {}

  /** The Cookie header value for the cookies held, e.g. for autocannon. */
  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async request<T = unknown>(method: string, path: string, body?: unknown, opts: RequestOptions = {}): Promise<ApiResponse<T>> {
    return this.send<T>(
      method,
      path,
      body === undefined ? null : JSON.stringify(body),
      body === undefined ? null : 'application/json',
      opts,
    );
  }

  /**
   * A multipart/form-data POST (as a browser's file input sends it): one file under `file.field`, plus
   * plain fields. fetch writes the boundary into the content type itself.
   */
  async upload<T = unknown>(
    path: string,
    file: UploadFile,
    fields: Record<string, string> = {},
    opts: RequestOptions = {},
  ): Promise<ApiResponse<T>> {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append(file.field, new Blob([file.data], { type: file.type }), file.name);
    return this.send<T>('POST', path, form, null, opts);
  }

  private async send<T>(
    method: string,
    path: string,
    body: string | FormData | null,
    contentType: string | null,
    opts: RequestOptions,
  ): Promise<ApiResponse<T>> {
    const unsafe = method !== 'GET' && method !== 'HEAD';
    if (unsafe && !this.csrf) await this.refreshCsrf();
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.cookies.size) headers.cookie = this.cookieHeader();
    if (unsafe && this.csrf) headers['x-csrf-token'] = this.csrf;
    if (contentType) headers['content-type'] = contentType;
    const res = await fetch(this.baseUrl + path, { method, headers, body, signal: AbortSignal.timeout(opts.timeoutMs ?? 30_000) });
    this.absorb(res.headers.getSetCookie());
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON; keep the text
    }
    return { status: res.status, body: parsed as T, text };
  }

  /** Like request(), but throws unless the status is the expected one. */
  async expect<T = unknown>(status: number, method: string, path: string, body?: unknown, opts: RequestOptions = {}): Promise<T> {
    return expectStatus(status, `${method} ${path}`, await this.request<T>(method, path, body, opts));
  }

  /** Like upload(), but throws unless the status is the expected one. */
  async expectUpload<T = unknown>(
    status: number,
    path: string,
    file: UploadFile,
    fields: Record<string, string> = {},
    opts: RequestOptions = {},
  ): Promise<T> {
    return expectStatus(status, `POST ${path} (multipart)`, await this.upload<T>(path, file, fields, opts));
  }

  async refreshCsrf(): Promise<string> {
    const res = await this.request<{ token: string }>('GET', '/api/auth/csrf');
    if (res.status !== 200 || typeof res.body?.token !== 'string')
      throw new Error(`GET /api/auth/csrf: ${res.status} ${res.text.slice(0, 300)}`);
    this.csrf = res.body.token;
    return this.csrf;
  }

  /** Signs in; afterwards the client holds ansvar_session and the session's CSRF token. */
  async login(email: string, password: string): Promise<void> {
    await this.refreshCsrf();
    await this.expect(200, 'POST', '/api/auth/login', { email, password });
    if (!this.cookies.has('ansvar_session')) throw new Error('login answered 200 but set no ansvar_session cookie');
    await this.refreshCsrf();
  }

  private absorb(setCookies: string[]): void {
    for (const line of setCookies) {
      const [pair = '', ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expires = attrs.map((a) => a.trim()).find((a) => /^expires=/i.test(a));
      const expired = expires ? Date.parse(expires.slice(8)) < Date.now() : false;
      const maxAgeZero = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a));
      if (value === '' || expired || maxAgeZero) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

function expectStatus<T>(status: number, what: string, res: ApiResponse<T>): T {
  if (res.status !== status) throw new Error(`${what}: expected ${status}, got ${res.status}: ${res.text.slice(0, 500)}`);
  return res.body;
}
