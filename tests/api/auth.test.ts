import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Agent, TEST_PASSWORD, addUser, createHarness, dialects, setupAdmin, type Harness } from './harness.ts';

describe.each(dialects())('sign-in, sessions and CSRF (%s)', (dialect) => {
  let h: Harness;
  let admin: Agent;
  beforeEach(async () => {
    h = await createHarness(dialect, { SESSION_IDLE_MINUTES: '30', SESSION_ABSOLUTE_HOURS: '8' });
    admin = await setupAdmin(h);
  });
  afterEach(async () => h.close());

  it('GET /api/me answers 401 without a session and the user with one', async () => {
    const anon = new Agent(h.app);
    const res = await anon.get('/api/me');
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ error: { code: 'unauthenticated', message: 'Du behöver logga in.' } });
    const me = await admin.get('/api/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ email: 'admin@kommun.test', name: 'Ada Admin', locale: null });
  });

  it('refuses a state-changing request without a valid CSRF token (403), before and after sign-in', async () => {
    const anon = new Agent(h.app);
    const noToken = await anon.post('/api/auth/login', { email: 'admin@kommun.test', password: TEST_PASSWORD }, { csrf: false });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.code).toBe('csrf_invalid');
    const forged = await anon.post('/api/auth/login', { email: 'admin@kommun.test', password: TEST_PASSWORD }, { csrf: false, headers: { 'x-csrf-token': 'forged' } });
    expect(forged.statusCode).toBe(403);

    const logout = await admin.post('/api/auth/logout', {}, { csrf: false });
    expect(logout.statusCode).toBe(403);
    // A pre-sign-in token does not work once signed in.
    const stale = new Agent(h.app);
    const preToken = await stale.refreshCsrf();
    await stale.login('admin@kommun.test');
    const withPre = await stale.post('/api/auth/logout', {}, { csrf: false, headers: { 'x-csrf-token': preToken } });
    expect(withPre.statusCode).toBe(403);
    expect((await admin.get('/api/me')).statusCode).toBe(200);
  });

  it('a wrong password is 401 with one message for unknown and known accounts', async () => {
    const a = new Agent(h.app);
    const wrong = await a.login('admin@kommun.test', 'wrong-password-123');
    const unknown = await a.login('nobody@kommun.test', 'wrong-password-123');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(a.cookies.has('ansvar_session')).toBe(false);
  });

  it('the eleventh wrong password for an account gets 429 with Retry-After, even with the right password', async () => {
    for (let i = 0; i < 10; i++) {
      const ip = `10.0.0.${i + 1}`; // different addresses: the account limit applies
      const a = new Agent(h.app);
      await a.refreshCsrf();
      const res = await h.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: ip, headers: { cookie: [...a.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'x-csrf-token': a.csrf! }, payload: { email: 'admin@kommun.test', password: `wrong-password-${i}` } });
      expect(res.statusCode).toBe(401);
    }
    const a = new Agent(h.app);
    const locked = await a.login('admin@kommun.test', TEST_PASSWORD);
    expect(locked.statusCode).toBe(429);
    const retry = Number(locked.headers['retry-after']);
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(15 * 60);
    expect(locked.json().error.code).toBe('too_many_attempts');
    expect(locked.json().error.message).toMatch(/15 minuter/);

    h.clock.advance(15 * 60_000 + 1000);
    expect((await a.login('admin@kommun.test', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('ten failures from one address lock that address for every account', async () => {
    const a = new Agent(h.app);
    for (let i = 0; i < 10; i++) expect((await a.login(`guess${i}@kommun.test`, 'wrong-password-123')).statusCode).toBe(401);
    expect((await a.login('admin@kommun.test', TEST_PASSWORD)).statusCode).toBe(429);
  });

  it('sign out revokes the session; the old cookie no longer works', async () => {
    const cookie = admin.cookies.get('ansvar_session')!;
    expect((await admin.post('/api/auth/logout')).statusCode).toBe(204);
    const replay = await h.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: `ansvar_session=${cookie}` } });
    expect(replay.statusCode).toBe(401);
  });

  it('sign out everywhere ends the other sessions too', async () => {
    const laptop = new Agent(h.app);
    await laptop.login('admin@kommun.test');
    expect((await laptop.get('/api/me')).statusCode).toBe(200);
    expect((await admin.post('/api/auth/logout-everywhere')).statusCode).toBe(204);
    expect((await laptop.get('/api/me')).statusCode).toBe(401);
    expect((await admin.get('/api/me')).statusCode).toBe(401);
  });

  it('an administrator ends another user’s sessions; a plain user may not', async () => {
    const user = await addUser(h, admin, 'user@kommun.test', 'user');
    const me = (await user.get('/api/me')).json();
    expect((await user.delete(`/api/users/${me.id}/sessions`)).statusCode).toBe(403);
    expect((await admin.delete(`/api/users/${me.id}/sessions`)).statusCode).toBe(204);
    expect((await user.get('/api/me')).statusCode).toBe(401);
    expect((await admin.delete('/api/users/no-such-user/sessions')).statusCode).toBe(404);
  });

  it('sessions end after the idle timeout and after the absolute timeout', async () => {
    h.clock.advance(29 * 60_000);
    expect((await admin.get('/api/me')).statusCode).toBe(200); // use keeps it alive
    h.clock.advance(29 * 60_000);
    expect((await admin.get('/api/me')).statusCode).toBe(200);
    h.clock.advance(31 * 60_000);
    expect((await admin.get('/api/me')).statusCode).toBe(401); // idle too long

    const b = new Agent(h.app);
    await b.login('admin@kommun.test');
    for (let i = 0; i < 17; i++) {
      h.clock.advance(29 * 60_000);
      await b.get('/api/me');
    }
    expect((await b.get('/api/me')).statusCode).toBe(401); // past 8 hours in all
  });

  it('remembers the chosen language, and answers in it', async () => {
    expect((await admin.put('/api/me/locale', { locale: 'en' })).statusCode).toBe(204);
    expect((await admin.get('/api/me')).json().locale).toBe('en');
    const bad = await admin.put('/api/me/locale', { locale: 'fi' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual({ locale: 'Choose one of the allowed values.' });
    admin.cookies.set('ansvar_lang', 'sv');
    expect((await admin.put('/api/me/locale', { locale: 'de' })).json().error.fields.locale).toBe('Välj ett av de tillåtna värdena.');
  });
});

describe.each(dialects())('session idle limit of one minute (%s)', (dialect) => {
  let h: Harness;
  let admin: Agent;
  beforeEach(async () => {
    h = await createHarness(dialect, { SESSION_IDLE_MINUTES: '1', SESSION_ABSOLUTE_HOURS: '1' });
    admin = await setupAdmin(h);
  });
  afterEach(async () => h.close());

  const lastSeenOf = async () => (await h.handle.db.selectFrom('sessions').select('last_seen_at').where('revoked_at', 'is', null).execute()).map((s) => s.last_seen_at);

  it('a session used every 15 seconds stays valid for minutes, and last use is written at least every half minute', async () => {
    for (let i = 1; i <= 5 * 4; i++) {
      h.clock.advance(15_000);
      const res = await admin.get('/api/me');
      expect(res.statusCode, `request ${i} at ${i * 15} s`).toBe(200);
      // The stored last use never lags the clock by more than half the idle limit.
      const [lastSeen] = await lastSeenOf();
      expect(h.clock.now().getTime() - Date.parse(lastSeen!)).toBeLessThanOrEqual(30_000);
    }
  });

  it('a use not yet written still counts: a session used within the idle limit is not ended', async () => {
    h.clock.advance(14_000);
    expect((await admin.get('/api/me')).statusCode).toBe(200); // too soon after the last write to write again
    h.clock.advance(59_000); // 59 s after that use, 73 s after the stored one
    expect((await admin.get('/api/me')).statusCode).toBe(200);
  });

  it('an unused session ends once the idle limit (and the write interval) has passed', async () => {
    h.clock.advance(20_000);
    expect((await admin.get('/api/me')).statusCode).toBe(200);
    h.clock.advance(75_000);
    expect((await admin.get('/api/me')).statusCode).toBe(401);
    // …and a read does not resurrect it.
    expect((await admin.get('/api/me')).statusCode).toBe(401);
  });

  it('a session in constant use still ends at the absolute limit', async () => {
    let last = 200;
    let elapsed = 0;
    while (last === 200 && elapsed < 2 * 3_600_000) {
      h.clock.advance(20_000);
      elapsed += 20_000;
      last = (await admin.get('/api/me')).statusCode;
    }
    expect(last).toBe(401);
    expect(elapsed).toBe(3_600_000);
  });
});
