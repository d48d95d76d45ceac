import { Validator } from '@seriousme/openapi-schema-validator';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerGuard } from '../../server/platform/http/guard.ts';
import { type Agent, createHarness, dialects, setupAdmin, type Harness } from './harness.ts';

describe.each(dialects())('HTTP hygiene (%s)', (dialect) => {
  let h: Harness;
  let admin: Agent;
  beforeAll(async () => {
    h = await createHarness(dialect);
    admin = await setupAdmin(h);
  });
  afterAll(async () => h.close());

  it('health checks the database', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: dialect });
  });

  it('serves a valid OpenAPI 3 document that lists every API route', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/openapi.json' });
    const doc = res.json();
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.openapi).toMatch(/^3\./);
    for (const path of ['/api/auth/login', '/api/auth/csrf', '/api/me', '/api/setup', '/api/invites', '/api/users', '/api/audit', '/api/health']) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    expect(doc.paths['/api/auth/login'].post.responses['429']).toBeDefined();
    const docs = await h.app.inject({ method: 'GET', url: '/api/docs' });
    expect([200, 302]).toContain(docs.statusCode);
  });

  it('sets strict security headers and a request id on every API response', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const notFound = await h.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(notFound.statusCode).toBe(404);
    expect(notFound.headers['x-request-id']).toBeDefined();
    expect(notFound.json()).toEqual({ error: { code: 'not_found', message: 'Det du söker finns inte.' } });
  });

  it('answers malformed and oversized bodies with the one error shape', async () => {
    await admin.refreshCsrf();
    const cookie = [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const malformed = await h.app.inject({ method: 'POST', url: '/api/invites', headers: { cookie, 'x-csrf-token': admin.csrf!, 'content-type': 'application/json', 'accept-language': 'en' }, payload: '{"email":' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error).toEqual({ code: 'bad_request', message: 'The request could not be understood.' });
    const huge = await h.app.inject({ method: 'POST', url: '/api/invites', headers: { cookie, 'x-csrf-token': admin.csrf!, 'content-type': 'application/json' }, payload: JSON.stringify({ email: 'a@b.se', name: 'x'.repeat(300_000), role: 'user' }) });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe('payload_too_large');
  });

  it('every API route declares who may call it', async () => {
    const bare = Fastify();
    registerGuard(bare, h.services);
    expect(() => bare.get('/api/undeclared', async () => 'x')).toThrow(/declares no access/);
    expect(() => bare.get('/api/declared', { config: { access: 'public' } }, async () => 'x')).not.toThrow();
    await bare.close();
  });
});

describe('serving the web app', () => {
  it('caches hashed assets, revalidates index.html, and 404s missing files', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { buildApp } = await import('../../server/app.ts');
    const { loadConfig } = await import('../../server/config.ts');
    const { createDb } = await import('../../server/platform/db/index.ts');
    const dir = mkdtempSync(join(tmpdir(), 'ansvar-web-'));
    mkdirSync(join(dir, 'web', 'assets'), { recursive: true });
    writeFileSync(join(dir, 'web', 'index.html'), '<!doctype html><title>Ansvar</title>');
    writeFileSync(join(dir, 'web', 'assets', 'app-abc123.js'), 'console.log(1)');
    const db = createDb({ dataDir: dir });
    const app = await buildApp({ config: loadConfig({ DATA_DIR: dir }), db, logger: false, webDir: join(dir, 'web') });
    try {
      const page = await app.inject({ method: 'GET', url: '/audit?x=1' });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('<title>Ansvar</title>');
      expect(page.headers['cache-control']).toBe('no-cache');
      const csp = String(page.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(page.headers['permissions-policy']).toMatch(/camera=\(\)/);
      const asset = await app.inject({ method: 'GET', url: '/assets/app-abc123.js' });
      expect(asset.headers['cache-control']).toMatch(/immutable/);
      expect((await app.inject({ method: 'GET', url: '/assets/app-old999.js' })).statusCode).toBe(404);
      expect((await app.inject({ method: 'GET', url: '/favicon.ico' })).statusCode).toBe(404);
    } finally {
      await app.close();
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
