import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Agent, addUser, createHarness, dialects, setupAdmin, type Harness } from './harness.ts';

type UserGrant = { id: string; role: string; orgUnitId: string | null; orgUnitName: string | null; includeSubunits: boolean; createdAt: string };

describe.each(dialects())('app permission grants (%s)', (dialect) => {
  let h: Harness;
  let admin: Agent;
  let unit: Record<string, string>;
  beforeEach(async () => {
    h = await createHarness(dialect);
    admin = await setupAdmin(h);
    unit = {};
    const add = async (key: string, name: string, kind: string, parent: string | null) => {
      const res = await admin.post('/api/org-units', { name, kind, parentId: parent && unit[parent] });
      if (res.statusCode !== 201) throw new Error(res.body);
      unit[key] = res.json().id;
    };
    await add('kommun', 'Exempelby kommun', 'kommun', null);
    await add('sn', 'Socialnämnden', 'namnd', 'kommun');
    await add('sof', 'Socialförvaltningen', 'forvaltning', 'sn');
    await add('aldre', 'Äldreomsorg', 'enhet', 'sof');
    await add('bun', 'Barn- och utbildningsnämnden', 'namnd', 'kommun');
    await add('utb', 'Utbildningsförvaltningen', 'forvaltning', 'bun');
  });
  afterEach(async () => h.close());

  const idOf = async (agent: Agent): Promise<string> => (await agent.get('/api/me')).json().id;
  const grantsOf = async (userId: string): Promise<UserGrant[]> => (await admin.get(`/api/users/${userId}/grants`)).json().items;
  const grantRows = () => h.handle.db.selectFrom('permission_grants').selectAll().orderBy('id').execute();
  const unitCount = async () => (await h.handle.db.selectFrom('org_units').select('id').execute()).length;

  it('lists, adds and removes grants, with audit events; the change applies at once', async () => {
    const anna = await addUser(h, admin, 'anna@kommun.test', 'user');
    const annaId = await idOf(anna);
    const [wide] = await grantsOf(annaId);
    expect(wide).toMatchObject({ role: 'user', orgUnitId: null, orgUnitName: null, includeSubunits: true });

    const added = await admin.post(`/api/users/${annaId}/grants`, { role: 'administrator', orgUnitId: unit.sof, includeSubunits: false });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ role: 'administrator', orgUnitId: unit.sof, orgUnitName: 'Socialförvaltningen', includeSubunits: false });
    expect((await anna.get('/api/me')).json().permissions).toContain('org:manage');
    expect((await grantsOf(annaId)).map((g) => g.role)).toEqual(['user', 'administrator']);

    expect((await admin.delete(`/api/users/${annaId}/grants/${wide!.id}`)).statusCode).toBe(204);
    expect((await anna.get('/api/me')).json().roles).toEqual([{ role: 'administrator', orgUnitId: unit.sof, includeSubunits: false }]);
    const audit = (await admin.get('/api/audit?entityType=permission_grant')).json().items;
    expect(audit.map((e: { action: string }) => e.action)).toEqual(['delete', 'create']);
    expect(audit[0]).toMatchObject({ entityId: wide!.id, before: { userId: annaId, role: 'user', orgUnitId: null } });
    expect(audit[1]).toMatchObject({ after: { userId: annaId, role: 'administrator', orgUnitId: unit.sof, includeSubunits: false } });
  });

  it('a grant on Socialförvaltningen with sub-units may create under it, not under Utbildningsförvaltningen', async () => {
    const sof = await addUser(h, admin, 'sof@kommun.test', 'user');
    const sofId = await idOf(sof);
    const [wide] = await grantsOf(sofId);
    await admin.post(`/api/users/${sofId}/grants`, { role: 'administrator', orgUnitId: unit.sof, includeSubunits: true });
    await admin.delete(`/api/users/${sofId}/grants/${wide!.id}`);

    const deep = await sof.post('/api/org-units', { name: 'Hemtjänst', kind: 'enhet', parentId: unit.aldre });
    expect(deep.statusCode).toBe(201);
    expect(deep.json().path).toBe('Exempelby kommun / Socialnämnden / Socialförvaltningen / Äldreomsorg / Hemtjänst');
    const before = await unitCount();
    const audits = (await admin.get('/api/audit?limit=500')).json().items.length;
    const other = await sof.post('/api/org-units', { name: 'Gymnasiet', kind: 'enhet', parentId: unit.utb });
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('forbidden');
    expect(await unitCount()).toBe(before);
    expect((await admin.get('/api/audit?limit=500')).json().items.length).toBe(audits);
    expect((await admin.get(`/api/org-units?parentId=${unit.utb}`)).json().items).toEqual([]);

    // Without sub-units the grant covers the unit itself only.
    const only = await addUser(h, admin, 'only@kommun.test', 'user');
    const onlyId = await idOf(only);
    const [onlyWide] = await grantsOf(onlyId);
    await admin.post(`/api/users/${onlyId}/grants`, { role: 'administrator', orgUnitId: unit.sof, includeSubunits: false });
    await admin.delete(`/api/users/${onlyId}/grants/${onlyWide!.id}`);
    expect((await only.post('/api/org-units', { name: 'Boende', kind: 'enhet', parentId: unit.sof })).statusCode).toBe(201);
    expect((await only.post('/api/org-units', { name: 'Boende 2', kind: 'enhet', parentId: unit.aldre })).statusCode).toBe(403);
  });

  it('refuses bad grants with field messages and writes nothing', async () => {
    const anna = await addUser(h, admin, 'anna@kommun.test', 'user');
    const annaId = await idOf(anna);
    const before = await grantRows();
    const bad = await admin.post(`/api/users/${annaId}/grants`, { role: 'superuser', includeSubunits: 'yes', extra: 1 });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(['extra', 'includeSubunits', 'orgUnitId', 'role']);
    const missing = await admin.post(`/api/users/${annaId}/grants`, { role: 'user', orgUnitId: 'no-such-unit' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields.orgUnitId).toBe('Enheten finns inte.');
    const dup = await admin.post(`/api/users/${annaId}/grants`, { role: 'user', orgUnitId: null });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.fields.role).toMatch(/redan den behörigheten/);
    expect((await admin.post('/api/users/no-such-user/grants', { role: 'user', orgUnitId: null })).statusCode).toBe(404);
    expect((await admin.get('/api/users/no-such-user/grants')).statusCode).toBe(404);
    expect((await admin.delete(`/api/users/${annaId}/grants/no-such-grant`)).statusCode).toBe(404);
    // A grant id of another user is not found under this user.
    const [adminGrant] = await grantsOf(await idOf(admin));
    expect((await admin.delete(`/api/users/${annaId}/grants/${adminGrant!.id}`)).statusCode).toBe(404);
    expect(await grantRows()).toEqual(before);
  });

  it('the last installation-wide administrator stays, also when two remove each other at once', async () => {
    const adminId = await idOf(admin);
    const [own] = await grantsOf(adminId);
    const last = await admin.delete(`/api/users/${adminId}/grants/${own!.id}`, {});
    expect(last.statusCode).toBe(409);
    expect(last.json().error.fields.grantId).toMatch(/sista administratören/);

    const bo = await addUser(h, admin, 'bo@kommun.test', 'administrator');
    const boId = await idOf(bo);
    const [boGrant] = await grantsOf(boId);
    // A unit-scoped administrator grant does not count as an installation-wide one.
    await admin.post(`/api/users/${adminId}/grants`, { role: 'administrator', orgUnitId: unit.sof, includeSubunits: true });
    const results = await Promise.all([admin.delete(`/api/users/${boId}/grants/${boGrant!.id}`), bo.delete(`/api/users/${adminId}/grants/${own!.id}`)]);
    // The loser is refused: 409, or 403 when its own grant was already gone as it arrived.
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes[0]).toBe(204);
    expect([403, 409]).toContain(codes[1]);
    const wideAdmins = (await grantRows()).filter((g) => g.app_role === 'administrator' && g.org_unit_id === null);
    expect(wideAdmins).toHaveLength(1);
  });

  it('only installation-wide administrators manage grants', async () => {
    const reviewer = await addUser(h, admin, 'rev@kommun.test', 'reviewer');
    const user = await addUser(h, admin, 'user@kommun.test', 'user');
    const userId = await idOf(user);
    const scoped = await addUser(h, admin, 'scoped@kommun.test', 'user');
    const scopedId = await idOf(scoped);
    await admin.post(`/api/users/${scopedId}/grants`, { role: 'administrator', orgUnitId: unit.kommun, includeSubunits: true });
    const before = await grantRows();
    for (const agent of [reviewer, user, scoped]) {
      expect((await agent.get(`/api/users/${userId}/grants`)).statusCode).toBe(403);
      expect((await agent.post(`/api/users/${userId}/grants`, { role: 'administrator', orgUnitId: null })).statusCode).toBe(403);
      expect((await agent.delete(`/api/users/${userId}/grants/${before[0]!.id}`)).statusCode).toBe(403);
    }
    expect((await scoped.post(`/api/users/${scopedId}/grants`, { role: 'administrator', orgUnitId: null })).statusCode).toBe(403);
    expect((await new Agent(h.app).get(`/api/users/${userId}/grants`)).statusCode).toBe(401);
    expect(await grantRows()).toEqual(before);
  });
});
