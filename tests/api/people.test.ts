import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { grantOnUnit, insertKommun } from '../fixtures/org.ts';
import { type Agent, addUser, createHarness, dialects, setupAdmin, stockholmDay, type Harness } from './harness.ts';

interface PersonJson {
  id: string;
  name: string;
  email: string | null;
  title: string | null;
  homeUnit: { id: string; name: string } | null;
  manager: { id: string; name: string } | null;
  status: string;
  externalId: string | null;
  leftAt: string | null;
  version: number;
}

describe.each(dialects())('people (%s)', (dialect) => {
  let h: Harness;
  let admin: Agent;
  beforeEach(async () => {
    h = await createHarness(dialect);
    admin = await setupAdmin(h);
    await insertKommun(h.handle.db);
  });
  afterEach(async () => h.close());

  const create = async (body: Record<string, unknown>, as: Agent = admin): Promise<PersonJson> => {
    const res = await as.post('/api/people', body);
    if (res.statusCode !== 201) throw new Error(`create failed: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const patch = (id: string, body: Record<string, unknown>, as: Agent = admin) => as.request('PATCH', `/api/people/${id}`, body);
  const peopleCount = async () => (await h.handle.db.selectFrom('people').select('id').execute()).length;
  const names = (res: { json: () => { items: PersonJson[] } }) => res.json().items.map((p) => p.name);

  it('creates, reads, changes and marks a person left, with audit events', async () => {
    const chef = await create({ name: 'Karin Chef', email: 'karin.chef@kommun.test', homeUnitId: 'soc' });
    const res = await admin.post('/api/people', { name: 'Åsa Öberg', email: ' Asa.Oberg@Kommun.TEST ', title: 'Undersköterska', homeUnitId: 'hem', managerId: chef.id, externalId: 'A-1' });
    expect(res.statusCode).toBe(201);
    const asa: PersonJson = res.json();
    expect(asa).toMatchObject({
      name: 'Åsa Öberg', email: 'asa.oberg@kommun.test', title: 'Undersköterska', homeUnit: { id: 'hem', name: 'Hemtjänsten' },
      manager: { id: chef.id, name: 'Karin Chef' }, status: 'active', externalId: 'A-1', leftAt: null, version: 1,
    });

    const today = stockholmDay(h.clock.now());
    const at = h.clock.now().toISOString();
    const role = { subject_kind: 'unit' as const, subject_id: 'hem', principal_kind: 'person' as const, principal_id: asa.id, created_at: at, created_by: null, ended_at: null, ended_by: null, note: null, version: 1 };
    await h.handle.db.insertInto('role_assignments').values([
      { ...role, id: 'ra-now', role_key: 'chef', valid_from: '2020-01-01', valid_to: null },
      { ...role, id: 'ra-old', role_key: 'systemagare', valid_from: '2019-01-01', valid_to: today },
    ]).execute();
    const detail = (await admin.get(`/api/people/${asa.id}`)).json();
    expect(detail.roles).toEqual([
      { id: 'ra-now', roleKey: 'chef', roleName: 'Chef', subjectKind: 'unit', subjectId: 'hem', subjectName: 'Hemtjänsten', person: { id: asa.id, name: 'Åsa Öberg', status: 'active' }, validFrom: '2020-01-01', validTo: null, current: true },
    ]);

    const changed = await patch(asa.id, { version: 1, title: 'Samordnare', homeUnitId: 'soc' });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ title: 'Samordnare', homeUnit: { id: 'soc' }, version: 2 });

    const left = (await patch(asa.id, { version: 2, status: 'left' })).json();
    expect(left).toMatchObject({ status: 'left', leftAt: h.clock.now().toISOString(), version: 3 });
    const back = (await patch(asa.id, { version: 3, status: 'active', managerId: null })).json();
    expect(back).toMatchObject({ status: 'active', leftAt: null, manager: null, version: 4 });
    expect((await patch(asa.id, { version: 4, title: 'Samordnare' })).json().version).toBe(4); // nothing changed, nothing written

    const events = await h.handle.db.selectFrom('audit_events').select(['action', 'origin', 'before_json', 'after_json']).where('entity_id', '=', asa.id).orderBy('seq').execute();
    expect(events.map((e) => e.action)).toEqual(['create', 'update', 'mark_left', 'update']);
    expect(JSON.parse(events[1]!.before_json!)).toEqual({ title: 'Undersköterska', homeUnitId: 'hem' });
    expect(JSON.parse(events[1]!.after_json!)).toEqual({ title: 'Samordnare', homeUnitId: 'soc' });
  });

  it('refuses bad input with field errors and writes nothing', async () => {
    const p = await create({ name: 'Per Persson', email: 'per@kommun.test', homeUnitId: 'soc', externalId: 'P-1' });
    const sub = await create({ name: 'Sara Sub', homeUnitId: 'soc', managerId: p.id });
    const before = await peopleCount();
    const bad = await admin.post('/api/people', { name: ' ', email: 'nope', homeUnitId: 'soc', colour: 'red' });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(['colour', 'email', 'name']);
    const noUnit = await admin.post('/api/people', { name: 'X', homeUnitId: 'nowhere' });
    expect(noUnit.json().error.fields).toEqual({ homeUnitId: 'Enheten finns inte.' });
    const taken = await admin.post('/api/people', { name: 'X', email: 'PER@kommun.test', homeUnitId: 'soc' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error).toMatchObject({ code: 'email_taken', fields: { email: 'En annan person har redan den e-postadressen.' } });
    const extTaken = await admin.post('/api/people', { name: 'X', homeUnitId: 'soc', externalId: 'P-1' }, { headers: { 'accept-language': 'en' } });
    expect(extTaken.statusCode).toBe(400);
    expect(extTaken.json().error.fields).toEqual({ externalId: 'Another person already has that employee id.' });
    const noManager = await admin.post('/api/people', { name: 'X', homeUnitId: 'soc', managerId: 'ghost' });
    expect(noManager.json().error.fields).toEqual({ managerId: 'Chefen finns inte.' });
    expect(await peopleCount()).toBe(before);

    expect((await patch(p.id, { version: 1, managerId: p.id })).json().error.fields).toEqual({ managerId: 'En person kan inte vara sin egen chef.' });
    const cycle = await patch(p.id, { version: 1, managerId: sub.id });
    expect(cycle.statusCode).toBe(400);
    expect(Object.keys(cycle.json().error.fields)).toEqual(['managerId']);
    expect((await patch(p.id, { version: 1, status: 'gone' })).json().error.fields).toHaveProperty('status');
    expect((await patch(p.id, { name: 'No version' })).json().error.fields).toHaveProperty('version');
    expect((await patch('ghost', { version: 1, name: 'X' })).statusCode).toBe(404);
    expect((await admin.get(`/api/people/${p.id}`)).json()).toMatchObject({ version: 1, manager: null, status: 'active' });
  });

  it('a stale version is a 409; of two edits from the same version exactly one wins', async () => {
    const p = await create({ name: 'Olle Olsson', homeUnitId: 'soc' });
    expect((await patch(p.id, { version: 1, title: 'A' })).statusCode).toBe(200);
    const stale = await patch(p.id, { version: 1, title: 'B' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('conflict');

    const other = await addUser(h, admin, 'other.admin@kommun.test', 'administrator');
    const both = await Promise.all([patch(p.id, { version: 2, title: 'Från admin' }), patch(p.id, { version: 2, title: 'Från other' }, other)]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const winner = both.find((r) => r.statusCode === 200)!.json();
    const now = (await admin.get(`/api/people/${p.id}`)).json();
    expect(now).toMatchObject({ title: winner.title, version: 3 });
    const updates = await h.handle.db.selectFrom('audit_events').select('id').where('entity_id', '=', p.id).where('action', '=', 'update').execute();
    expect(updates).toHaveLength(2);
  });

  it("keeps another förvaltning's people out of reach: 404 to read, 403 to change, absent from lists", async () => {
    const socPerson = await create({ name: 'Siv Social', homeUnitId: 'hem' });
    const utbPerson = await create({ name: 'Ulf Utbildning', homeUnitId: 'skola' });
    const socAdmin = await addUser(h, admin, 'soc.admin@kommun.test', 'administrator');
    await grantOnUnit(h.handle.db, 'soc.admin@kommun.test', 'administrator', 'soc');

    expect(names(await socAdmin.get('/api/people'))).toEqual(['Siv Social']);
    expect((await socAdmin.get('/api/people')).json().total).toBe(1); // the total counts only whom the caller may see
    expect(names(await socAdmin.get('/api/people?unitId=utb&includeSubunits=true'))).toEqual([]);
    expect((await socAdmin.get(`/api/people/${utbPerson.id}`)).statusCode).toBe(404);
    expect((await socAdmin.get(`/api/people/${socPerson.id}`)).statusCode).toBe(200);
    expect((await patch(utbPerson.id, { version: 1, name: 'Hacked' }, socAdmin)).statusCode).toBe(403);
    expect((await socAdmin.post('/api/people', { name: 'Into UTB', homeUnitId: 'skola' })).statusCode).toBe(403);
    expect((await patch(socPerson.id, { version: 1, homeUnitId: 'skola' }, socAdmin)).statusCode).toBe(403);
    expect((await patch(socPerson.id, { version: 1, managerId: utbPerson.id }, socAdmin)).statusCode).toBe(200);
    expect((await socAdmin.post('/api/people', { name: 'Ny i Hemtjänsten', homeUnitId: 'hem' })).statusCode).toBe(201);
    expect((await admin.get(`/api/people/${utbPerson.id}`)).json()).toMatchObject({ name: 'Ulf Utbildning', homeUnit: { id: 'skola' }, version: 1 });

    // Without sub-units the grant covers Socialförvaltningen itself only; a plain user may read but not change.
    await grantOnUnit(h.handle.db, 'soc.admin@kommun.test', 'user', 'soc', false);
    expect(names(await socAdmin.get('/api/people'))).toEqual([]);
    await grantOnUnit(h.handle.db, 'soc.admin@kommun.test', 'user', 'hem', false);
    expect(names(await socAdmin.get('/api/people'))).toEqual(['Ny i Hemtjänsten', 'Siv Social']);
    expect((await patch(socPerson.id, { version: 2, name: 'X' }, socAdmin)).statusCode).toBe(403);
    expect((await socAdmin.post('/api/people', { name: 'X', homeUnitId: 'hem' })).statusCode).toBe(403);
  });

  it("names in a person's roles only the systems and units the caller may read, and leaves the others out without a trace", async () => {
    const siv = await create({ name: 'Siv Social', homeUnitId: 'hem' });
    const system = async (name: string, owningUnitId: string, extra: Record<string, unknown> = {}) => {
      const res = await admin.post('/api/systems', { name, kind: 'business', owningUnitId, ...extra });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as { id: string; registerNo: string };
    };
    const own = await system('Procapita', 'hem');
    const hidden = await system('Hemlig elevdatabas', 'skola');
    const used = await system('Skolportalen', 'utb', { usingUnitIds: ['hem'] });
    const assign = async (subjectKind: string, subjectId: string, roleKey: string) =>
      expect((await admin.post('/api/role-assignments', { subjectKind, subjectId, roleKey, personId: siv.id })).statusCode).toBe(201);
    await assign('system', own.id, 'systemagare');
    await assign('system', hidden.id, 'informationsagare');
    await assign('system', used.id, 'systemforvaltare');
    await assign('unit', 'hem', 'chef');
    await assign('unit', 'skola', 'chef');
    const socUser = await addUser(h, admin, 'soc.user@kommun.test', 'user');
    await grantOnUnit(h.handle.db, 'soc.user@kommun.test', 'user', 'soc');
    const socReviewer = await addUser(h, admin, 'soc.granskare@kommun.test', 'reviewer');
    await grantOnUnit(h.handle.db, 'soc.granskare@kommun.test', 'reviewer', 'soc');

    const subjects = (res: { json: () => { roles: Array<{ subjectName: string }> } }) => res.json().roles.map((r) => r.subjectName).sort();
    expect(subjects(await admin.get(`/api/people/${siv.id}`))).toEqual(['Hemlig elevdatabas', 'Hemtjänsten', 'Procapita', 'Skolportalen', 'Åbyskolan']);
    for (const agent of [socUser, socReviewer]) {
      const res = await agent.get(`/api/people/${siv.id}`);
      expect(res.statusCode).toBe(200);
      // The same rule as GET /api/systems/{id} and GET /api/org-units/{id}: what answers 404 there is not named here.
      expect(subjects(res)).toEqual(['Hemtjänsten', 'Procapita', 'Skolportalen']);
      for (const word of [hidden.id, hidden.registerNo, 'Hemlig', '"skola"', 'Åbyskolan']) expect(res.body).not.toContain(word);
      expect((await agent.get(`/api/systems/${hidden.id}`)).statusCode).toBe(404);
      expect((await agent.get('/api/org-units/skola')).statusCode).toBe(404);
    }
  });

  it('lists people in Swedish alphabetical order: å, ä, ö after z, in that order, accents with their letter', async () => {
    for (const [name, email] of [['Östen Berg', 'osten'], ['Ärla Lind', 'arla'], ['Åke Sund', 'ake'], ['Zara Ek', 'zara'], ['Élise Ahl', 'elise'], ['Eva Dahl', 'eva']]) {
      await create({ name, homeUnitId: 'hem', email: `${email}@kommun.test` });
    }
    expect(names(await admin.get('/api/people?limit=50'))).toEqual(['Élise Ahl', 'Eva Dahl', 'Zara Ek', 'Åke Sund', 'Ärla Lind', 'Östen Berg']);
    const p1 = (await admin.get('/api/people?limit=4')).json();
    expect(names(await admin.get(`/api/people?limit=4&cursor=${p1.nextCursor}`))).toEqual(['Ärla Lind', 'Östen Berg']);
  });

  it('pages by name with keyset cursors and searches ignoring case, å/ä/ö included', async () => {
    for (const [name, unit] of [['Åsa Öberg', 'hem'], ['Bo Ek', 'soc'], ['Cecilia Ahl', 'skola'], ['Anna Berg', 'hem'], ['David Dahl', 'utb']] as const) {
      await create({ name, homeUnitId: unit, email: `${name.split(' ')[0]!.toLowerCase().replace('å', 'a')}@kommun.test` });
    }
    const p1 = (await admin.get('/api/people?limit=2')).json();
    expect(p1.items.map((p: PersonJson) => p.name)).toEqual(['Anna Berg', 'Bo Ek']);
    const p2 = (await admin.get(`/api/people?limit=2&cursor=${p1.nextCursor}`)).json();
    expect(p2.items.map((p: PersonJson) => p.name)).toEqual(['Cecilia Ahl', 'David Dahl']);
    const p3 = (await admin.get(`/api/people?limit=2&cursor=${p2.nextCursor}`)).json();
    expect(p3).toMatchObject({ items: [{ name: 'Åsa Öberg' }], nextCursor: null });
    // The total comes with the first page only; a search counts what it finds.
    expect([p1.total, p2.total, p3.total]).toEqual([5, null, null]);
    expect((await admin.get(`/api/people?q=${encodeURIComponent('berg')}&limit=1`)).json().total).toBe(2);
    expect((await admin.get(`/api/people?q=${encodeURIComponent('ingen sådan')}`)).json()).toMatchObject({ items: [], total: 0 });
    expect((await admin.get('/api/people?cursor=garbage')).statusCode).toBe(400);
    expect((await admin.get('/api/people?limit=501')).statusCode).toBe(400);

    expect(names(await admin.get(`/api/people?q=${encodeURIComponent('ÅSA')}`))).toEqual(['Åsa Öberg']);
    expect(names(await admin.get(`/api/people?q=${encodeURIComponent('öBERG')}`))).toEqual(['Åsa Öberg']);
    expect(names(await admin.get('/api/people?q=%25'))).toEqual([]);
    expect(names(await admin.get('/api/people?q=bo%40kommun'))).toEqual(['Bo Ek']);
    expect(names(await admin.get('/api/people?unitId=soc'))).toEqual(['Bo Ek']);
    expect(names(await admin.get('/api/people?unitId=soc&includeSubunits=true'))).toEqual(['Anna Berg', 'Bo Ek', 'Åsa Öberg']);
    const bo = (await admin.get('/api/people?q=bo%20ek')).json().items[0] as PersonJson;
    await patch(bo.id, { version: 1, status: 'left' });
    expect(names(await admin.get('/api/people?status=left'))).toEqual(['Bo Ek']);
    expect(names(await admin.get('/api/people?status=active&unitId=soc&includeSubunits=true'))).toEqual(['Anna Berg', 'Åsa Öberg']);
    expect((await admin.get('/api/people?includeSubunits=yes')).statusCode).toBe(400);
  });
});
