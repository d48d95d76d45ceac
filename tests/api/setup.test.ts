import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureSetupLink } from '../../server/modules/accounts/setup.ts';
import { Agent, TEST_PASSWORD, createHarness, dialects, type Harness } from './harness.ts';

const tokenOf = (url: string) => new URL(url).searchParams.get('token')!;

describe.each(dialects())('first-time setup (%s)', (dialect) => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness(dialect);
  });
  afterEach(async () => h.close());

  const userCount = async () => (await h.handle.db.selectFrom('users').select('id').execute()).length;

  it('creates the first administrator from the one-time link, once', async () => {
    const link = (await ensureSetupLink(h.services))!;
    expect(link.url).toMatch(/^http:\/\/ansvar\.test\/setup\?token=/);
    expect(existsSync(join(h.config.dataDir, 'setup-link.txt'))).toBe(true);
    const agent = new Agent(h.app);
    const token = tokenOf(link.url);

    const info = await agent.get(`/api/setup/${token}`);
    expect(info.statusCode).toBe(200);
    expect(info.json()).toMatchObject({ valid: true });

    const res = await agent.post('/api/setup', { token, email: ' Ada@Kommun.TEST ', name: 'Ada', password: TEST_PASSWORD });
    expect(res.statusCode).toBe(201);
    expect(existsSync(join(h.config.dataDir, 'setup-link.txt'))).toBe(false);

    const again = await agent.post('/api/setup', { token, email: 'eve@kommun.test', name: 'Eve', password: TEST_PASSWORD });
    expect(again.statusCode).toBe(404);
    expect(again.json().error.code).toBe('token_invalid');
    expect(await userCount()).toBe(1);
    expect(await ensureSetupLink(h.services)).toBeNull();

    const login = await agent.login('ada@kommun.test');
    expect(login.statusCode).toBe(200);
    expect(login.json().user).toMatchObject({ email: 'ada@kommun.test', roles: [{ role: 'administrator', orgUnitId: null }] });
    expect(login.json().user.permissions).toContain('users:manage');
  });

  it('refuses bad input with field messages in Swedish and English, and writes nothing', async () => {
    const token = tokenOf((await ensureSetupLink(h.services))!.url);
    const sv = new Agent(h.app);
    const res = await sv.post('/api/setup', { token, email: 'not-an-email', name: '', password: 'short' });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.message).toMatch(/Rätta fälten/);
    expect(body.error.fields).toEqual({
      email: 'Ange en giltig e-postadress.',
      name: 'Fältet måste fyllas i.',
      password: 'Måste vara minst 12 tecken.',
    });

    const en = new Agent(h.app, { 'accept-language': 'en-GB,en;q=0.9' });
    const res2 = await en.post('/api/setup', { token, email: 'a@kommun.test', name: 'A', password: 'password2024!' });
    expect(res2.statusCode).toBe(400);
    expect(res2.json().error.fields).toEqual({ password: 'The password is too common. Choose one that is harder to guess.' });

    const extra = await en.post('/api/setup', { token, email: 'a@kommun.test', name: 'A', password: TEST_PASSWORD, admin: true });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().error.fields).toEqual({ admin: 'Unknown field.' });
    expect(await userCount()).toBe(0);
  });

  it('only the newest link works, and an expired one does not', async () => {
    const first = tokenOf((await ensureSetupLink(h.services))!.url);
    const second = tokenOf((await ensureSetupLink(h.services))!.url);
    const agent = new Agent(h.app);
    expect((await agent.get(`/api/setup/${first}`)).statusCode).toBe(404);
    expect((await agent.get(`/api/setup/${second}`)).statusCode).toBe(200);
    h.clock.advance(24 * 3_600_000 + 1000);
    const late = await agent.post('/api/setup', { token: second, email: 'a@kommun.test', name: 'A', password: TEST_PASSWORD });
    expect(late.statusCode).toBe(404);
    expect(await userCount()).toBe(0);
  });

  it('two concurrent setups with the same link create exactly one administrator', async () => {
    const token = tokenOf((await ensureSetupLink(h.services))!.url);
    const a = new Agent(h.app);
    const b = new Agent(h.app);
    await Promise.all([a.refreshCsrf(), b.refreshCsrf()]);
    const results = await Promise.all([
      a.post('/api/setup', { token, email: 'a@kommun.test', name: 'A', password: TEST_PASSWORD }),
      b.post('/api/setup', { token, email: 'b@kommun.test', name: 'B', password: TEST_PASSWORD }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, expect.any(Number)]);
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1);
    expect(results.find((r) => r.statusCode !== 201)!.json().error.code).toMatch(/token_invalid|already_set_up/);
    expect(await userCount()).toBe(1);
  });
});
