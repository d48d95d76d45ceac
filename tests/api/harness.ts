import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { buildApp } from '../../server/app.ts';
import { loadConfig, type Config } from '../../server/config.ts';
import { ensureSetupLink } from '../../server/modules/accounts/setup.ts';
import { servicesOf, type Services } from '../../server/platform/context.ts';
import { createDb, type Dialect, type DbHandle } from '../../server/platform/db/index.ts';
import { migrateToLatest } from '../../server/platform/db/migrate.ts';

/**
 * API tests run once per database dialect. SQLite always; PostgreSQL when ANSVAR_TEST_PG_URL names a
 * database the tests may create schemas in (each suite gets its own schema, dropped afterwards).
 * ANSVAR_TEST_DIALECTS=postgres (npm run test:pg) runs PostgreSQL only.
 */
export function dialects(): Dialect[] {
  const only = process.env.ANSVAR_TEST_DIALECTS?.split(',').map((d) => d.trim()) as Dialect[] | undefined;
  const pgUrl = process.env.ANSVAR_TEST_PG_URL;
  const wanted: Dialect[] = only ?? (pgUrl ? ['sqlite', 'postgres'] : ['sqlite']);
  if (wanted.includes('postgres') && !pgUrl) throw new Error('PostgreSQL tests need ANSVAR_TEST_PG_URL (e.g. postgres://postgres@127.0.0.1:5432/ansvar_test)');
  return wanted;
}

export const TEST_PASSWORD = 'Stark-Fjällbjörk-42';

export interface Clock {
  now: () => Date;
  advance: (ms: number) => void;
}

/**
 * The instant API tests start at unless a suite says otherwise: Wednesday 15 April 2026, 12:00 in
 * Stockholm (CEST). Date logic is tested on known days, not on the day the tests happen to run.
 */
export const TEST_NOW = '2026-04-15T10:00:00.000Z';

/** The calendar day (YYYY-MM-DD) in Stockholm at an instant, worked out here independently of the server. */
export const stockholmDay = (d: Date): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);

/** A clock that stands still until a test moves it; starts at an ISO instant or epoch milliseconds. */
export function testClock(start: string | number = TEST_NOW): Clock {
  let t = typeof start === 'string' ? Date.parse(start) : start;
  if (Number.isNaN(t)) throw new Error(`not an instant: ${start}`);
  return { now: () => new Date(t), advance: (ms) => (t += ms) };
}

export interface Harness {
  app: FastifyInstance;
  /** PostgreSQL: the suite's schema (a second instance opens the same). */
  schema: string | undefined;
  services: Services;
  handle: DbHandle;
  config: Config;
  clock: Clock;
  close: () => Promise<void>;
}

export interface HarnessOptions {
  /** The instant the suite's clock starts at (ISO 8601), TEST_NOW unless given. */
  now?: string;
}

export async function createHarness(dialect: Dialect, env: Record<string, string> = {}, options: HarnessOptions = {}): Promise<Harness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ansvar-test-'));
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', PUBLIC_URL: 'http://ansvar.test', ...env });
  let schema: string | undefined;
  if (dialect === 'postgres') {
    schema = `t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
    const client = new pg.Client({ connectionString: process.env.ANSVAR_TEST_PG_URL });
    await client.connect();
    await client.query(`create schema ${schema}`);
    await client.end();
  }
  const handle = createDb({ dataDir, databaseUrl: dialect === 'postgres' ? process.env.ANSVAR_TEST_PG_URL : undefined, ...(schema ? { schema } : {}) });
  await migrateToLatest(handle.db, { schema });
  const clock = testClock(options.now);
  const app = await buildApp({ config, db: handle, now: clock.now, logger: false, validateResponses: true, webDir: join(dataDir, 'no-web') });
  const services = servicesOf(handle, config, clock.now);
  return {
    app,
    schema,
    services,
    handle,
    config,
    clock,
    close: async () => {
      await app.close();
      await handle.destroy();
      if (schema) {
        const client = new pg.Client({ connectionString: process.env.ANSVAR_TEST_PG_URL });
        await client.connect();
        await client.query(`drop schema ${schema} cascade`);
        await client.end();
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface SecondInstance {
  app: FastifyInstance;
  handle: DbHandle;
  close: () => Promise<void>;
}

/** Another instance of Ansvar on the harness's database (PostgreSQL: the same schema), as behind a load balancer. */
export async function secondInstance(h: Harness): Promise<SecondInstance> {
  const handle = createDb({
    dataDir: h.config.dataDir,
    databaseUrl: h.handle.dialect === 'postgres' ? process.env.ANSVAR_TEST_PG_URL : undefined,
    ...(h.schema ? { schema: h.schema } : {}),
  });
  const app = await buildApp({ config: h.config, db: handle, now: h.clock.now, logger: false, validateResponses: true, webDir: join(h.config.dataDir, 'no-web') });
  return {
    app,
    handle,
    close: async () => {
      await app.close();
      await handle.destroy();
    },
  };
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A browser-like client: keeps cookies, fetches and sends the CSRF token. */
export class Agent {
  cookies = new Map<string, string>();
  csrf: string | null = null;
  constructor(
    private readonly app: FastifyInstance,
    readonly headers: Record<string, string> = {},
  ) {}

  async request(method: Method, url: string, body?: unknown, extra: { csrf?: boolean; headers?: Record<string, string> } = {}): Promise<LightMyRequestResponse> {
    const unsafe = method !== 'GET';
    if (unsafe && extra.csrf !== false && !this.csrf) await this.refreshCsrf();
    const res = await this.app.inject({
      method,
      url,
      headers: {
        ...this.headers,
        ...(this.cookies.size ? { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {}),
        ...(unsafe && extra.csrf !== false && this.csrf ? { 'x-csrf-token': this.csrf } : {}),
        ...extra.headers,
      },
      ...(body !== undefined ? { payload: body as object } : {}),
    });
    this.absorb(res);
    return res;
  }

  private absorb(res: LightMyRequestResponse): void {
    for (const c of res.cookies) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }

  async refreshCsrf(): Promise<string> {
    const res = await this.request('GET', '/api/auth/csrf');
    this.csrf = (res.json() as { token: string }).token;
    return this.csrf;
  }

  get = (url: string, extra?: { headers?: Record<string, string> }) => this.request('GET', url, undefined, extra);
  post = (url: string, body?: unknown, extra?: { csrf?: boolean; headers?: Record<string, string> }) => this.request('POST', url, body ?? {}, extra);
  put = (url: string, body?: unknown) => this.request('PUT', url, body ?? {});
  delete = (url: string, extra?: { csrf?: boolean }) => this.request('DELETE', url, undefined, extra);

  async login(email: string, password = TEST_PASSWORD): Promise<LightMyRequestResponse> {
    await this.refreshCsrf();
    const res = await this.post('/api/auth/login', { email, password });
    if (res.statusCode === 200) await this.refreshCsrf();
    return res;
  }
}

/** Runs first-time setup through the API and returns the administrator's signed-in agent. */
export async function setupAdmin(h: Harness, email = 'admin@kommun.test'): Promise<Agent> {
  const link = await ensureSetupLink(h.services);
  if (!link) throw new Error('already set up');
  const token = new URL(link.url).searchParams.get('token')!;
  const agent = new Agent(h.app);
  const res = await agent.post('/api/setup', { token, email, name: 'Ada Admin', password: TEST_PASSWORD });
  if (res.statusCode !== 201) throw new Error(`setup failed: ${res.body}`);
  const login = await agent.login(email);
  if (login.statusCode !== 200) throw new Error(`login failed: ${login.body}`);
  return agent;
}

/** Invites a user with a role, accepts the invitation and returns their signed-in agent. */
export async function addUser(h: Harness, admin: Agent, email: string, role: 'administrator' | 'reviewer' | 'user'): Promise<Agent> {
  const inv = await admin.post('/api/invites', { email, name: `User ${email}`, role });
  if (inv.statusCode !== 201) throw new Error(`invite failed: ${inv.body}`);
  const token = new URL((inv.json() as { url: string }).url).searchParams.get('token')!;
  const agent = new Agent(h.app);
  const acc = await agent.post('/api/invites/accept', { token, name: `User ${email}`, password: TEST_PASSWORD });
  if (acc.statusCode !== 201) throw new Error(`accept failed: ${acc.body}`);
  await agent.login(email);
  return agent;
}
