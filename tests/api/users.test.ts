import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Agent, TEST_PASSWORD, addUser, createHarness, dialects, setupAdmin, type Harness } from './harness.ts';
import { sortKey } from '../../server/platform/text.ts';
import { sessionChangesHeard } from '../../server/platform/auth/session-invalidation.ts';

const tokenOf = (url: string) => new URL(url).searchParams.get('token')!;

describe.each(dialects())('users and invitations (%s)', (dialect) => {
  let h: Harness;
  let admin: Agent;
  beforeEach(async () => {
    h = await createHarness(dialect);
    admin = await setupAdmin(h);
  });
  afterEach(async () => h.close());

  const tokensCount = async () => (await h.handle.db.selectFrom('account_tokens').select('id').execute()).length;

  it('an administrator invites by link; the person sets a password and signs in with the given role', async () => {
    const inv = await admin.post('/api/invites', { email: 'Rev@Kommun.test', name: 'Rita Revisor', role: 'reviewer' });
    expect(inv.statusCode).toBe(201);
    const { url, expiresAt } = inv.json();
    expect(url).toMatch(/^http:\/\/ansvar\.test\/invite\?token=/);
    expect(Date.parse(expiresAt) - h.clock.now().getTime()).toBe(7 * 24 * 3_600_000);

    const guest = new Agent(h.app);
    const info = await guest.get(`/api/invites/${tokenOf(url)}`);
    expect(info.json()).toMatchObject({ email: 'rev@kommun.test', name: 'Rita Revisor', role: 'reviewer' });
    expect((await guest.post('/api/invites/accept', { token: tokenOf(url), name: 'Rita R', password: TEST_PASSWORD })).statusCode).toBe(201);
    expect((await guest.post('/api/invites/accept', { token: tokenOf(url), name: 'Rita R', password: TEST_PASSWORD })).statusCode).toBe(404);
    const login = await guest.login('rev@kommun.test');
    expect(login.json().user.roles).toEqual([{ role: 'reviewer', orgUnitId: null, includeSubunits: true }]);
    expect(login.json().user.permissions).toEqual(expect.arrayContaining(['audit:read', 'users:read']));
    expect(login.json().user.permissions).not.toContain('users:manage');
  });

  it('refuses bad invitations with field errors and writes nothing', async () => {
    const before = await tokensCount();
    const res = await admin.post('/api/invites', { email: 'x', name: ' ', role: 'superuser' });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields).sort()).toEqual(['email', 'name', 'role']);
    const wrongType = await admin.post('/api/invites', { email: 'typ@kommun.test', name: 5, role: 'user' });
    expect(wrongType.json().error.fields).toEqual({ name: 'Värdet har fel typ.' });
    const missing = await admin.post('/api/invites', { email: 'typ@kommun.test', role: 'user' });
    expect(missing.json().error.fields).toEqual({ name: 'Fältet måste fyllas i.' });
    const taken = await admin.post('/api/invites', { email: 'admin@kommun.test', name: 'Again', role: 'user' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('email_taken');
    expect(await tokensCount()).toBe(before);
  });

  it('an invitation cannot be accepted with a weak password, after it expires, or twice at once', async () => {
    const { url } = (await admin.post('/api/invites', { email: 'ulla.s@kommun.test', name: 'U', role: 'user' })).json();
    const token = tokenOf(url);
    const guest = new Agent(h.app);
    const weak = await guest.post('/api/invites/accept', { token, name: 'U', password: 'Ulla.S-sommaren-26' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.fields.password).toMatch(/e-postadressen/);

    const a = new Agent(h.app);
    const b = new Agent(h.app);
    await Promise.all([a.refreshCsrf(), b.refreshCsrf()]);
    const both = await Promise.all([
      a.post('/api/invites/accept', { token, name: 'U1', password: TEST_PASSWORD }),
      b.post('/api/invites/accept', { token, name: 'U2', password: TEST_PASSWORD }),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 404]);
    const users = await h.handle.db.selectFrom('users').select('email').where('email', '=', 'ulla.s@kommun.test').execute();
    expect(users).toHaveLength(1);

    const late = (await admin.post('/api/invites', { email: 'late@kommun.test', name: 'L', role: 'user' })).json();
    h.clock.advance(7 * 24 * 3_600_000 + 1);
    expect((await guest.get(`/api/invites/${tokenOf(late.url)}`)).statusCode).toBe(404);
  });

  it('lists users with keyset pagination and their roles', async () => {
    for (const i of [1, 2, 3]) await addUser(h, admin, `user${i}@kommun.test`, 'user');
    const first = await admin.get('/api/users?limit=2');
    expect(first.statusCode).toBe(200);
    const p1 = first.json();
    expect(p1.items.map((u: { email: string }) => u.email)).toEqual(['admin@kommun.test', 'user1@kommun.test']);
    expect(p1.items[0].roles).toEqual([{ role: 'administrator', orgUnitId: null, includeSubunits: true }]);
    const p2 = (await admin.get(`/api/users?limit=2&cursor=${p1.nextCursor}`)).json();
    expect(p2.items.map((u: { email: string }) => u.email)).toEqual(['user2@kommun.test', 'user3@kommun.test']);
    expect(p2.nextCursor).toBeNull();
    expect((await admin.get('/api/users?cursor=garbage')).statusCode).toBe(400);
    expect((await admin.get('/api/users?limit=501')).statusCode).toBe(400);
  });

  it('users and reviewers cannot invite; a plain user cannot list users', async () => {
    const user = await addUser(h, admin, 'plain@kommun.test', 'user');
    const reviewer = await addUser(h, admin, 'granskare@kommun.test', 'reviewer');
    expect((await user.post('/api/invites', { email: 'x@kommun.test', name: 'X', role: 'administrator' })).statusCode).toBe(403);
    expect((await reviewer.post('/api/invites', { email: 'x@kommun.test', name: 'X', role: 'administrator' })).statusCode).toBe(403);
    expect((await user.get('/api/users')).statusCode).toBe(403);
    expect((await reviewer.get('/api/users')).statusCode).toBe(200);
    expect((await new Agent(h.app).get('/api/users')).statusCode).toBe(401);
  });

  it('an administrator whose grant covers only one unit may not act installation-wide', async () => {
    const scoped = await addUser(h, admin, 'scoped@kommun.test', 'user');
    const me = (await scoped.get('/api/me')).json();
    const at = h.clock.now().toISOString();
    await h.handle.db.insertInto('org_units').values({ id: 'unit-a', parent_id: null, name: 'Socialförvaltningen', name_search: 'socialförvaltningen', name_sort: sortKey('socialförvaltningen'), code: null, external_id: null, function: null, kind: 'forvaltning', status: 'active', created_at: at, updated_at: at, version: 1 }).execute();
    await h.handle.db.insertInto('permission_grants').values({ id: 'g-scoped', user_id: me.id, app_role: 'administrator', org_unit_id: 'unit-a', include_subunits: 1, created_at: at, created_by: null }).execute();
    await sessionChangesHeard(h.handle.db); // written beside the app: it hears of it a moment later
    expect((await scoped.get('/api/me')).json().permissions).toContain('users:manage');
    expect((await scoped.post('/api/invites', { email: 'x@kommun.test', name: 'X', role: 'administrator' })).statusCode).toBe(403);
    expect((await scoped.get('/api/audit')).statusCode).toBe(403);
  });
});
