import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Agent, TEST_PASSWORD, addUser, createHarness, dialects, setupAdmin, type Harness } from './harness.ts';

const NEW_PASSWORD = 'Ny-Blåbärsbuske-77';

describe.each(dialects())('changing one’s own password (%s)', (dialect) => {
  let h: Harness;
  let admin: Agent;
  beforeEach(async () => {
    h = await createHarness(dialect);
    admin = await setupAdmin(h);
  });
  afterEach(async () => h.close());

  const hashOf = async (email: string) => (await h.handle.db.selectFrom('users').select('password_hash').where('email', '=', email).executeTakeFirstOrThrow()).password_hash;
  const auditOf = (action: string) => h.handle.db.selectFrom('audit_events').selectAll().where('action', '=', action).execute();

  it('needs the current password, ends the other sessions and keeps this one, and is audited without the password', async () => {
    const laptop = new Agent(h.app);
    expect((await laptop.login('admin@kommun.test')).statusCode).toBe(200);
    const res = await admin.post('/api/me/password', { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ otherSessionsEnded: 1 });
    expect((await admin.get('/api/me')).statusCode).toBe(200);
    expect((await laptop.get('/api/me')).statusCode).toBe(401);
    expect((await new Agent(h.app).login('admin@kommun.test', TEST_PASSWORD)).statusCode).toBe(401);
    expect((await new Agent(h.app).login('admin@kommun.test', NEW_PASSWORD)).statusCode).toBe(200);

    const [event, ...more] = await auditOf('password_change');
    expect(more).toEqual([]);
    expect(event).toMatchObject({ entity_type: 'user', action: 'password_change', after_json: JSON.stringify({ otherSessionsEnded: 1 }) });
    const text = JSON.stringify(event);
    for (const secret of [TEST_PASSWORD, NEW_PASSWORD, '$argon2']) expect(text).not.toContain(secret);
  });

  it('refuses bad input with field messages in Swedish and English and changes nothing', async () => {
    const before = await hashOf('admin@kommun.test');
    const wrong = await admin.post('/api/me/password', { currentPassword: 'inte-mitt-lösenord', newPassword: NEW_PASSWORD });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error).toMatchObject({ code: 'validation_failed', fields: { currentPassword: 'Det nuvarande lösenordet stämmer inte.' } });
    const wrongEn = await admin.request('POST', '/api/me/password', { currentPassword: 'not-my-password', newPassword: NEW_PASSWORD }, { headers: { 'accept-language': 'en' } });
    expect(wrongEn.json().error.fields).toEqual({ currentPassword: 'The current password is not correct.' });

    const same = await admin.post('/api/me/password', { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD });
    expect(same.json().error.fields).toEqual({ newPassword: 'Det nya lösenordet måste skilja sig från det nuvarande.' });
    const common = await admin.post('/api/me/password', { currentPassword: TEST_PASSWORD, newPassword: 'Sommaren2026!' });
    expect(common.json().error.fields).toEqual({ newPassword: 'Lösenordet är för vanligt. Välj ett som är svårare att gissa.' });
    const withEmail = await admin.post('/api/me/password', { currentPassword: TEST_PASSWORD, newPassword: 'admin-och-mer-text' });
    expect(withEmail.json().error.fields).toEqual({ newPassword: 'Lösenordet får inte innehålla e-postadressen.' });
    const short = await admin.request('POST', '/api/me/password', { currentPassword: TEST_PASSWORD, newPassword: 'kort' }, { headers: { 'accept-language': 'en' } });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.fields).toEqual({ newPassword: 'Must be at least 12 characters.' });
    const both = await admin.post('/api/me/password', { currentPassword: 'fel-fel-fel', newPassword: 'Sommaren2026!' });
    expect(Object.keys(both.json().error.fields).sort()).toEqual(['currentPassword', 'newPassword']);
    const missing = await admin.post('/api/me/password', { newPassword: NEW_PASSWORD });
    expect(missing.json().error.fields).toEqual({ currentPassword: 'Fältet måste fyllas i.' });
    const extra = await admin.post('/api/me/password', { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, userId: 'someone-else' });
    expect(extra.statusCode).toBe(400);

    expect(await hashOf('admin@kommun.test')).toBe(before);
    expect(await auditOf('password_change')).toEqual([]);
  });

  it('needs a session and a CSRF token', async () => {
    const anon = new Agent(h.app);
    const res = await anon.post('/api/me/password', { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD });
    expect(res.statusCode).toBe(401);
    const noCsrf = await admin.post('/api/me/password', { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD }, { csrf: false });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().error.code).toBe('csrf_invalid');
    expect((await new Agent(h.app).login('admin@kommun.test', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('cannot be used to guess the current password: wrong guesses count towards the sign-in lockout', async () => {
    for (let i = 0; i < 10; i++) {
      expect((await admin.post('/api/me/password', { currentPassword: `gissning-${i}-abc`, newPassword: NEW_PASSWORD })).statusCode).toBe(400);
    }
    const locked = await admin.post('/api/me/password', { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD });
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    // The same count guards sign-in, from any address.
    expect((await new Agent(h.app).login('admin@kommun.test', TEST_PASSWORD)).statusCode).toBe(429);
    h.clock.advance(15 * 60_000 + 1000);
    expect((await admin.post('/api/me/password', { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD })).statusCode).toBe(200);
  });

  it('two changes at once with the same current password: exactly one wins', async () => {
    const other = new Agent(h.app);
    await other.login('admin@kommun.test');
    const results = await Promise.all([
      admin.post('/api/me/password', { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD }),
      other.post('/api/me/password', { currentPassword: TEST_PASSWORD, newPassword: 'Annat-Lingonris-88' }),
    ]);
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(await auditOf('password_change')).toHaveLength(1);
    const winner = results.findIndex((r) => r.statusCode === 200);
    const password = winner === 0 ? NEW_PASSWORD : 'Annat-Lingonris-88';
    expect((await new Agent(h.app).login('admin@kommun.test', password)).statusCode).toBe(200);
  });
});

describe.each(dialects())('password reset by one-time link (%s)', (dialect) => {
  let h: Harness;
  let admin: Agent;
  let user: Agent;
  let userId: string;
  beforeEach(async () => {
    h = await createHarness(dialect);
    admin = await setupAdmin(h);
    user = await addUser(h, admin, 'ulla@kommun.test', 'user');
    userId = (await user.get('/api/me')).json().id;
  });
  afterEach(async () => h.close());

  const tokenOf = (url: string) => new URL(url).searchParams.get('token')!;
  const makeLink = async () => {
    const res = await admin.post(`/api/users/${userId}/password-reset`);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; url: string; expiresAt: string };
  };
  const reset = (token: string, password = NEW_PASSWORD, agent = new Agent(h.app)) => agent.post('/api/password-reset', { token, password });
  const auditOf = (action: string) => h.handle.db.selectFrom('audit_events').selectAll().where('action', '=', action).execute();
  const signsIn = async (password: string) => (await new Agent(h.app).login('ulla@kommun.test', password)).statusCode === 200;

  it('an administrator makes a link; the user sets a new password with it once, and all their sessions end', async () => {
    const phone = new Agent(h.app);
    await phone.login('ulla@kommun.test');
    const link = await makeLink();
    expect(link.url).toMatch(/^http:\/\/ansvar\.test\/reset-password\?token=[\w-]{43}$/);
    expect(Date.parse(link.expiresAt) - h.clock.now().getTime()).toBe(24 * 3_600_000);
    const token = tokenOf(link.url);
    // Only the SHA-256 of the token is stored.
    const rows = await h.handle.db.selectFrom('account_tokens').selectAll().where('kind', '=', 'password_reset').execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: createHash('sha256').update(token).digest('hex'), user_id: userId, used_at: null });
    expect(JSON.stringify(rows)).not.toContain(token);

    const guest = new Agent(h.app);
    const info = await guest.get(`/api/password-reset/${token}`);
    expect(info.statusCode).toBe(200);
    expect(info.json()).toEqual({ email: 'ulla@kommun.test', name: 'User ulla@kommun.test', expiresAt: link.expiresAt });

    expect((await reset(token, NEW_PASSWORD, guest)).statusCode).toBe(204);
    expect((await user.get('/api/me')).statusCode).toBe(401);
    expect((await phone.get('/api/me')).statusCode).toBe(401);
    expect(await signsIn(TEST_PASSWORD)).toBe(false);
    expect(await signsIn(NEW_PASSWORD)).toBe(true);
    // Used up.
    expect((await guest.get(`/api/password-reset/${token}`)).statusCode).toBe(404);
    const again = await reset(token, 'Tredje-Hjortronmyr-99');
    expect(again.statusCode).toBe(404);
    expect(again.json().error.code).toBe('token_invalid');
    expect(await signsIn(NEW_PASSWORD)).toBe(true);

    const adminId = (await admin.get('/api/me')).json().id;
    const [made] = await auditOf('password_reset_link');
    expect(made).toMatchObject({ entity_type: 'user', entity_id: userId, actor_id: adminId });
    const [used] = await auditOf('password_reset');
    expect(used).toMatchObject({ entity_type: 'user', entity_id: userId, actor_id: userId });
    expect(JSON.parse(used!.after_json!)).toEqual({ linkId: link.id, sessionsEnded: 2 });
    for (const secret of [token, NEW_PASSWORD, '$argon2']) expect(JSON.stringify([made, used])).not.toContain(secret);
  });

  it('refuses a weak or missing password with field messages in Swedish and English, and the link still works', async () => {
    const token = tokenOf((await makeLink()).url);
    const weak = await reset(token, 'Sommaren2026!');
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.fields).toEqual({ password: 'Lösenordet är för vanligt. Välj ett som är svårare att gissa.' });
    const withEmail = await new Agent(h.app).request('POST', '/api/password-reset', { token, password: 'ulla-har-glomt-allt' }, { headers: { 'accept-language': 'en' } });
    expect(withEmail.json().error.fields).toEqual({ password: 'The password must not contain the e-mail address.' });
    const short = await reset(token, 'kort');
    expect(short.json().error.fields).toEqual({ password: 'Måste vara minst 12 tecken.' });
    const missing = await new Agent(h.app).post('/api/password-reset', { password: NEW_PASSWORD });
    expect(missing.json().error.fields).toEqual({ token: 'Fältet måste fyllas i.' });
    const noCsrf = await new Agent(h.app).post('/api/password-reset', { token, password: NEW_PASSWORD }, { csrf: false });
    expect(noCsrf.statusCode).toBe(403);
    expect(await auditOf('password_reset')).toEqual([]);
    expect((await user.get('/api/me')).statusCode).toBe(200);
    expect((await reset(token)).statusCode).toBe(204);
  });

  it('only administrators of the whole installation make links; others get 401/403, an unknown user 404', async () => {
    expect((await user.post(`/api/users/${userId}/password-reset`)).statusCode).toBe(403);
    const reviewer = await addUser(h, admin, 'rita@kommun.test', 'reviewer');
    expect((await reviewer.post(`/api/users/${userId}/password-reset`)).statusCode).toBe(403);
    // An administrator of one förvaltning only manages that förvaltning's data, not accounts.
    const kommun = (await admin.post('/api/org-units', { name: 'Exempelby kommun', kind: 'kommun', parentId: null })).json().id;
    const created = await admin.post('/api/org-units', { name: 'Socialförvaltningen', kind: 'forvaltning', parentId: kommun });
    expect(created.statusCode, created.body).toBe(201);
    const unit = created.json().id;
    const unitAdmin = await addUser(h, admin, 'sof-admin@kommun.test', 'user');
    const unitAdminId = (await unitAdmin.get('/api/me')).json().id;
    expect((await admin.post(`/api/users/${unitAdminId}/grants`, { role: 'administrator', orgUnitId: unit, includeSubunits: true })).statusCode).toBe(201);
    const scoped = await unitAdmin.post(`/api/users/${userId}/password-reset`);
    expect(scoped.statusCode).toBe(403);
    expect((await new Agent(h.app).post(`/api/users/${userId}/password-reset`)).statusCode).toBe(401);
    expect((await admin.post('/api/users/no-such-user/password-reset')).statusCode).toBe(404);
    expect(await h.handle.db.selectFrom('account_tokens').select('id').where('kind', '=', 'password_reset').execute()).toEqual([]);
    expect(await auditOf('password_reset_link')).toEqual([]);
  });

  it('an expired link and an earlier link do not work; only the newest does', async () => {
    const first = tokenOf((await makeLink()).url);
    h.clock.advance(24 * 3_600_000);
    expect((await new Agent(h.app).get(`/api/password-reset/${first}`)).statusCode).toBe(404);
    expect((await reset(first)).statusCode).toBe(404);

    await admin.login('admin@kommun.test'); // the administrator's session has ended meanwhile
    const older = tokenOf((await makeLink()).url);
    h.clock.advance(1000);
    const newest = tokenOf((await makeLink()).url);
    expect((await new Agent(h.app).get(`/api/password-reset/${older}`)).statusCode).toBe(404);
    expect((await reset(older)).statusCode).toBe(404);
    expect(await signsIn(TEST_PASSWORD)).toBe(true);
    expect((await reset(newest)).statusCode).toBe(204);
    expect(await signsIn(NEW_PASSWORD)).toBe(true);
  });

  it('a deactivated user’s link does not work, and no new one is made for them', async () => {
    const token = tokenOf((await makeLink()).url);
    await h.handle.db.updateTable('users').set({ status: 'disabled' }).where('id', '=', userId).execute();
    expect((await new Agent(h.app).get(`/api/password-reset/${token}`)).statusCode).toBe(404);
    expect((await reset(token)).statusCode).toBe(404);
    const refused = await admin.post(`/api/users/${userId}/password-reset`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.fields).toEqual({ id: 'Kontot är inaktiverat. Det går inte att återställa lösenordet.' });
    await h.handle.db.updateTable('users').set({ status: 'active' }).where('id', '=', userId).execute();
    expect(await signsIn(TEST_PASSWORD)).toBe(true);
  });

  it('the same link used twice at once: exactly one wins', async () => {
    const token = tokenOf((await makeLink()).url);
    const results = await Promise.all([reset(token, NEW_PASSWORD), reset(token, 'Annat-Lingonris-88')]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([204, 404]);
    expect(await auditOf('password_reset')).toHaveLength(1);
    const winner = results[0]!.statusCode === 204 ? NEW_PASSWORD : 'Annat-Lingonris-88';
    expect(await signsIn(winner)).toBe(true);
  });
});
