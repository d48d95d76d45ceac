/**
 * A small browser-like client for seeding through Ansvar's real API: keeps cookies, fetches the
 * CSRF token (GET /api/auth/csrf) and sends it as x-csrf-token on state-changing requests.
 */
export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  text: string;
}

export class ApiClient {
  readonly cookies = new Map<string, string>();
  csrf: string | null = null;

  constructor(readonly baseUrl: string) {}

  /** The Cookie header value for the cookies held, e.g. for autocannon. */
  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async request<T = unknown>(method: string, path: string, body?: unknown): Promise<ApiResponse<T>> {
    const unsafe = method !== 'GET' && method !== 'HEAD';
    if (unsafe && !this.csrf) await this.refreshCsrf();
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.cookies.size) headers.cookie = this.cookieHeader();
    if (unsafe && this.csrf) headers['x-csrf-token'] = this.csrf;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(this.baseUrl + path, {
      method,
      headers,
      body: body === undefined ? null : JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
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
  async expect<T = unknown>(status: number, method: string, path: string, body?: unknown): Promise<T> {
    const res = await this.request<T>(method, path, body);
    if (res.status !== status) throw new Error(`${method} ${path}: expected ${status}, got ${res.status}: ${res.text.slice(0, 500)}`);
    return res.body;
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
