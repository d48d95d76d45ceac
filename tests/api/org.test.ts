import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Agent, addUser, createHarness, dialects, setupAdmin, type Harness } from './harness.ts';
import { sortKey } from '../../server/platform/text.ts';

type Unit = { id: string; name: string; parentId: string | null; version: number; depth: number; path: string; status: string; kind: string };

describe.each(dialects())('org units (%s)', (dialect) => {
  let h: Harness;
  let admin: Agent;
  /** The test kommun: name → unit. */
  let u: Record<string, Unit>;
  beforeEach(async () => {
    h = await createHarness(dialect);
    admin = await setupAdmin(h);
    u = {};
    const add = async (key: string, name: string, kind: string, parent: string | null, extra: object = {}) => {
      const res = await admin.post('/api/org-units', { name, kind, parentId: parent && u[parent]!.id, ...extra });
      if (res.statusCode !== 201) throw new Error(`create ${name}: ${res.body}`);
      u[key] = res.json();
    };
    await add('kommun', 'Exempelby kommun', 'kommun', null, { code: '9999' });
    await add('ks', 'Kommunstyrelsen', 'kommunstyrelse', 'kommun');
    await add('klf', 'Kommunledningsförvaltningen', 'forvaltning', 'ks');
    await add('it', 'IT-enheten', 'enhet', 'klf', { function: 'it_unit' });
    await add('sn', 'Socialnämnden', 'namnd', 'kommun');
    await add('sof', 'Socialförvaltningen', 'forvaltning', 'sn', { code: 'SOF' });
    await add('aldre', 'Äldreomsorg', 'enhet', 'sof', { code: 'SOF-ÄO' });
    await add('ifo', 'Individ- och familjeomsorgen', 'enhet', 'sof');
    await add('bun', 'Barn- och utbildningsnämnden', 'namnd', 'kommun');
    await add('utb', 'Utbildningsförvaltningen', 'forvaltning', 'bun');
    await add('skola', 'Grundskolan', 'enhet', 'utb');
  });
  afterEach(async () => h.close());

  const db = () => h.handle.db;
  const counts = async () => ({
    units: (await db().selectFrom('org_units').select('id').execute()).length,
    closure: (await db().selectFrom('org_unit_closure').select('depth').execute()).length,
    audit: (await db().selectFrom('audit_events').select('id').execute()).length,
  });
  const patch = (agent: Agent, id: string, body: object) => agent.request('PATCH', `/api/org-units/${id}`, body);
  const names = (items: Unit[]) => items.map((x) => x.name);

  /** The closure table must equal what the parent links imply: every (ancestor, descendant, distance). */
  async function expectClosureConsistent() {
    const units = await db().selectFrom('org_units').select(['id', 'parent_id']).execute();
    const parent = new Map(units.map((x) => [x.id, x.parent_id]));
    const expected: string[] = [];
    for (const x of units) {
      let cur: string | null = x.id;
      for (let d = 0; cur; d++, cur = parent.get(cur) ?? null) expected.push(`${cur}>${x.id}@${d}`);
    }
    const rows = await db().selectFrom('org_unit_closure').selectAll().execute();
    expect(rows.map((r) => `${r.ancestor_id}>${r.descendant_id}@${Number(r.depth)}`).sort()).toEqual(expected.sort());
  }

  /** A user whose only grant is `role` on one unit (with sub-units), set through the grants API. */
  async function scopedUser(email: string, role: 'administrator' | 'user', unitId: string): Promise<Agent> {
    const agent = await addUser(h, admin, email, role);
    const me = (await agent.get('/api/me')).json();
    const [wide] = (await admin.get(`/api/users/${me.id}/grants`)).json().items;
    expect((await admin.post(`/api/users/${me.id}/grants`, { role, orgUnitId: unitId, includeSubunits: true })).statusCode).toBe(201);
    expect((await admin.delete(`/api/users/${me.id}/grants/${wide.id}`)).statusCode).toBe(204);
    return agent;
  }

  it('creates units with closure rows, depth and path; gets one with its ancestors', async () => {
    expect(u.kommun).toMatchObject({ kind: 'kommun', parentId: null, depth: 0, path: 'Exempelby kommun', version: 1, status: 'active', code: '9999', function: null });
    expect(u.aldre).toMatchObject({ parentId: u.sof!.id, depth: 3, path: 'Exempelby kommun / Socialnämnden / Socialförvaltningen / Äldreomsorg', code: 'SOF-ÄO' });
    const closure = await db().selectFrom('org_unit_closure').select(['ancestor_id', 'depth']).where('descendant_id', '=', u.aldre!.id).orderBy('depth').execute();
    expect(closure.map((c) => [c.ancestor_id, Number(c.depth)])).toEqual([[u.aldre!.id, 0], [u.sof!.id, 1], [u.sn!.id, 2], [u.kommun!.id, 3]]);
    await expectClosureConsistent();

    const one = await admin.get(`/api/org-units/${u.aldre!.id}`);
    expect(one.statusCode).toBe(200);
    expect(one.json().ancestors).toEqual([
      { id: u.kommun!.id, name: 'Exempelby kommun', kind: 'kommun' },
      { id: u.sn!.id, name: 'Socialnämnden', kind: 'namnd' },
      { id: u.sof!.id, name: 'Socialförvaltningen', kind: 'forvaltning' },
    ]);
    expect((await admin.get('/api/org-units/no-such-unit')).statusCode).toBe(404);
    const audit = (await admin.get(`/api/audit?entityType=org_unit&entityId=${u.aldre!.id}`)).json();
    expect(audit.items).toEqual([expect.objectContaining({ action: 'create', after: expect.objectContaining({ name: 'Äldreomsorg', parentId: u.sof!.id }) })]);
  });

  it('refuses bad units with field messages and writes nothing', async () => {
    const before = await counts();
    const bad = await admin.post('/api/org-units', { name: ' ', kind: 'palace', parentId: u.kommun!.id, extra: 1 });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(['extra', 'kind', 'name']);
    const root = await admin.post('/api/org-units', { name: 'Lösa enheten', kind: 'enhet', parentId: null });
    expect(root.statusCode).toBe(400);
    expect(root.json().error.fields.kind).toBe('En enhet överst i organisationen måste vara en kommun.');
    const nested = await admin.post('/api/org-units', { name: 'Kommun i kommunen', kind: 'kommun', parentId: u.sof!.id });
    expect(nested.json().error.fields.kind).toMatch(/kan inte ha en överordnad/);
    const orphan = await admin.post('/api/org-units', { name: 'X', kind: 'enhet', parentId: 'no-such-unit' });
    expect(orphan.json().error.fields.parentId).toBe('Den överordnade enheten finns inte.');
    const missingParent = await admin.post('/api/org-units', { name: 'X', kind: 'enhet' });
    expect(missingParent.json().error.fields.parentId).toBeDefined();
    expect(await counts()).toEqual(before);
    // A förvaltning directly under the kommun is allowed (the policy engine reports it as a finding).
    expect((await admin.post('/api/org-units', { name: 'Miljöförvaltningen', kind: 'forvaltning', parentId: u.kommun!.id })).statusCode).toBe(201);
  });

  it('allows one IT unit and one kansli per kommun', async () => {
    const second = await admin.post(
      '/api/org-units',
      { name: 'IT-avdelningen', kind: 'avdelning', parentId: u.sof!.id, function: 'it_unit' },
      { headers: { 'accept-language': 'en' } },
    );
    expect(second.statusCode).toBe(400);
    expect(second.json().error.fields.function).toBe('The kommun already has an IT unit (IT-enheten). A kommun can have only one unit with that function.');
    const kansli = await admin.post('/api/org-units', { name: 'Kansliet', kind: 'enhet', parentId: u.klf!.id, function: 'kansli' });
    expect(kansli.statusCode).toBe(201);
    const taken = await patch(admin, u.ifo!.id, { version: 1, function: 'kansli' });
    expect(taken.statusCode).toBe(400);
    expect(taken.json().error.fields.function).toMatch(/redan ett kansli \(Kansliet\)/);

    // Another kommun (IT-samverkan: one installation, several kommuner) has its own.
    const other = (await admin.post('/api/org-units', { name: 'Grannby kommun', kind: 'kommun', parentId: null })).json();
    const otherIt = await admin.post('/api/org-units', { name: 'IT', kind: 'enhet', parentId: other.id, function: 'it_unit' });
    expect(otherIt.statusCode).toBe(201);
    // Moving a unit with a function into a kommun that has one is refused too.
    const move = await admin.post(`/api/org-units/${otherIt.json().id}/move`, { version: 1, parentId: u.sof!.id });
    expect(move.statusCode).toBe(400);
    expect(move.json().error.fields.parentId).toMatch(/IT-enhet/);
  });

  it('lists with filters, searches ignoring case (å, ä, ö) and pages by keyset', async () => {
    const list = (qs: string) => admin.get(`/api/org-units?${qs}`).then((r) => r.json().items as Unit[]);
    expect(names(await list(`parentId=${u.sof!.id}`))).toEqual(['Individ- och familjeomsorgen', 'Äldreomsorg']);
    expect(names(await list(`rootId=${u.sn!.id}`)).sort()).toEqual(['Individ- och familjeomsorgen', 'Socialförvaltningen', 'Socialnämnden', 'Äldreomsorg']);
    expect(names(await list('q=ÄLDRE'))).toEqual(['Äldreomsorg']);
    expect(names(await list(`q=${encodeURIComponent('sof-äo')}`))).toEqual(['Äldreomsorg']);
    const forvaltningar = names(await list(`q=${encodeURIComponent('FÖRVALTNINGEN')}&kind=forvaltning`));
    expect(forvaltningar.sort()).toEqual(['Kommunledningsförvaltningen', 'Socialförvaltningen', 'Utbildningsförvaltningen']);
    expect(await list(`q=${encodeURIComponent('%')}`)).toEqual([]);
    expect(await list(`q=_`)).toEqual([]);
    const found = (await list(`q=${encodeURIComponent('äldreomsorg')}`))[0]!;
    expect(found).toMatchObject({ depth: 3, path: 'Exempelby kommun / Socialnämnden / Socialförvaltningen / Äldreomsorg' });

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await admin.get(`/api/org-units?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode).toBe(200);
      const page = res.json();
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((x: Unit) => x.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(11);
    expect(new Set(seen).size).toBe(11);
    // Long names (and codes) still page: the cursor carries the whole search text.
    for (const c of ['Å', 'Ö']) await admin.post('/api/org-units', { name: c.repeat(200), kind: 'enhet', parentId: u.ifo!.id, code: c.repeat(50) });
    const p1 = (await admin.get(`/api/org-units?parentId=${u.ifo!.id}&limit=1`)).json();
    const p2 = await admin.get(`/api/org-units?parentId=${u.ifo!.id}&limit=1&cursor=${p1.nextCursor}`);
    expect(p2.statusCode).toBe(200);
    expect([p1.items[0].name[0], p2.json().items[0].name[0]].sort()).toEqual(['Å', 'Ö']);
    expect(p2.json().nextCursor).toBeNull();
    const bad = await admin.get('/api/org-units?cursor=garbage&limit=501&kind=palace&status=gone');
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(['kind', 'limit', 'status']);
    expect((await admin.get('/api/org-units?cursor=garbage')).json().error.fields.cursor).toBeDefined();
  });

  it('lists units in Swedish alphabetical order: å, ä, ö after z, in that order', async () => {
    const mine = ['Östergården', 'Ängen', 'Åsen', 'Ekbacken', 'Zäta', 'Émilias hus'];
    for (const name of mine) expect((await admin.post('/api/org-units', { name, kind: 'enhet', parentId: u.ifo!.id })).statusCode).toBe(201);
    const listed = (await admin.get(`/api/org-units?parentId=${u.ifo!.id}&limit=50`)).json().items as Unit[];
    expect(names(listed).filter((n) => mine.includes(n))).toEqual(['Ekbacken', 'Émilias hus', 'Zäta', 'Åsen', 'Ängen', 'Östergården']);
  });

  it('serves the tree depth-first with depth and path', async () => {
    const res = await admin.get('/api/org-units/tree');
    expect(res.statusCode).toBe(200);
    const items: Unit[] = res.json().items;
    expect(items.map((x) => `${'  '.repeat(x.depth)}${x.name}`)).toEqual([
      'Exempelby kommun',
      '  Barn- och utbildningsnämnden',
      '    Utbildningsförvaltningen',
      '      Grundskolan',
      '  Kommunstyrelsen',
      '    Kommunledningsförvaltningen',
      '      IT-enheten',
      '  Socialnämnden',
      '    Socialförvaltningen',
      '      Individ- och familjeomsorgen',
      '      Äldreomsorg',
    ]);
    expect(items[10]!.path).toBe('Exempelby kommun / Socialnämnden / Socialförvaltningen / Äldreomsorg');
  });

  it('renames with optimistic concurrency: one of two edits with the same version wins, the other is 409', async () => {
    const renamed = await patch(admin, u.aldre!.id, { version: 1, name: 'Äldreomsorgen', code: 'ÄO' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'Äldreomsorgen', code: 'ÄO', version: 2, path: 'Exempelby kommun / Socialnämnden / Socialförvaltningen / Äldreomsorgen' });
    expect(names((await admin.get('/api/org-units?q=%C3%84O')).json().items)).toEqual(['Äldreomsorgen']);
    const stale = await patch(admin, u.aldre!.id, { version: 1, name: 'Gammal' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('conflict');

    const both = await Promise.all([patch(admin, u.ifo!.id, { version: 1, name: 'IFO A' }), patch(admin, u.ifo!.id, { version: 1, code: 'IFO-B' })]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const winner = both.find((r) => r.statusCode === 200)!.json();
    const stored = (await admin.get(`/api/org-units/${u.ifo!.id}`)).json();
    expect(stored).toMatchObject({ name: winner.name, code: winner.code, version: 2 });
    // The loser re-reads and applies its change on top: nothing is lost.
    const retry = await patch(admin, u.ifo!.id, { version: stored.version, ...(winner.name === 'IFO A' ? { code: 'IFO-B' } : { name: 'IFO A' }) });
    expect(retry.json()).toMatchObject({ name: 'IFO A', code: 'IFO-B', version: 3 });

    const same = await patch(admin, u.ifo!.id, { version: 3, name: 'IFO A' });
    expect(same.json().version).toBe(3);
    const kind = await patch(admin, u.kommun!.id, { version: 1, kind: 'namnd' });
    expect(kind.json().error.fields.kind).toMatch(/måste vara en kommun/);
    expect((await patch(admin, 'no-such-unit', { version: 1, name: 'X' })).statusCode).toBe(404);
    expect((await patch(admin, u.ifo!.id, { version: 0, name: '' })).json().error.fields).toMatchObject({ version: expect.any(String), name: expect.any(String) });
  });

  it('moves a subtree and keeps the closure table right; refuses cycles', async () => {
    const moved = await admin.post(`/api/org-units/${u.sof!.id}/move`, { version: 1, parentId: u.ks!.id });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ parentId: u.ks!.id, version: 2, depth: 2, path: 'Exempelby kommun / Kommunstyrelsen / Socialförvaltningen' });
    expect((await admin.get(`/api/org-units/${u.aldre!.id}`)).json()).toMatchObject({ depth: 3, path: 'Exempelby kommun / Kommunstyrelsen / Socialförvaltningen / Äldreomsorg' });
    expect(names((await admin.get(`/api/org-units?rootId=${u.ks!.id}&q=omsorg`)).json().items).sort()).toEqual(['Individ- och familjeomsorgen', 'Äldreomsorg']);
    await expectClosureConsistent();

    const below = await admin.post(`/api/org-units/${u.sn!.id}/move`, { version: 1, parentId: u.utb!.id });
    expect(below.statusCode).toBe(200);
    const before = await counts();
    const self = await admin.post(`/api/org-units/${u.sof!.id}/move`, { version: 2, parentId: u.sof!.id });
    expect(self.statusCode).toBe(400);
    expect(self.json().error.fields.parentId).toBe('En enhet kan inte flyttas till sig själv eller till en enhet under sig.');
    const cycle = await admin.post(`/api/org-units/${u.bun!.id}/move`, { version: 1, parentId: u.skola!.id }, { headers: { 'accept-language': 'en' } });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().error.fields.parentId).toBe('A unit cannot be moved under itself or under one of its sub-units.');
    expect((await admin.post(`/api/org-units/${u.kommun!.id}/move`, { version: 1, parentId: u.sn!.id })).statusCode).toBe(400);
    expect((await admin.post(`/api/org-units/${u.sof!.id}/move`, { version: 1, parentId: u.sn!.id })).statusCode).toBe(409);
    expect(await counts()).toEqual(before);
    await expectClosureConsistent();
  });

  it('concurrent moves cannot build a cycle', async () => {
    const results = await Promise.all([
      admin.post(`/api/org-units/${u.sn!.id}/move`, { version: 1, parentId: u.utb!.id }),
      admin.post(`/api/org-units/${u.bun!.id}/move`, { version: 1, parentId: u.sof!.id }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 400]);
    expect(results.find((r) => r.statusCode === 400)!.json().error.fields.parentId).toMatch(/under sig/);
    await expectClosureConsistent();
    const tree = (await admin.get('/api/org-units/tree')).json().items as Unit[];
    expect(tree).toHaveLength(11);
  });

  it('deactivates leaves only; units with active sub-units or people stay (409); nothing is deleted', async () => {
    const busy = await admin.post(`/api/org-units/${u.sof!.id}/deactivate`, { version: 1 });
    expect(busy.statusCode).toBe(409);
    expect(busy.json().error.fields.status).toMatch(/aktiva underenheter/);
    const at = h.clock.now().toISOString();
    await db()
      .insertInto('people')
      .values({
        id: 'p1',
        name: 'Åsa Öberg',
        name_search: 'åsa öberg', name_sort: sortKey('åsa öberg'),
        email: null,
        title: null,
        home_unit_id: u.aldre!.id,
        manager_id: null,
        status: 'active',
        left_at: null,
        external_id: null,
        version: 1,
        created_at: at,
        updated_at: at,
      })
      .execute();
    const staffed = await admin.post(`/api/org-units/${u.aldre!.id}/deactivate`, { version: 1 });
    expect(staffed.statusCode).toBe(409);
    expect(staffed.json().error.fields.status).toMatch(/aktiva personer/);
    await db().updateTable('people').set({ status: 'left' }).where('id', '=', 'p1').execute();

    const done = await admin.post(`/api/org-units/${u.aldre!.id}/deactivate`, { version: 1 });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'inactive', version: 2 });
    expect((await admin.post(`/api/org-units/${u.aldre!.id}/deactivate`, { version: 1 })).statusCode).toBe(409);
    expect(names((await admin.get('/api/org-units?status=inactive')).json().items)).toEqual(['Äldreomsorg']);
    const under = await admin.post('/api/org-units', { name: 'Hemtjänst', kind: 'enhet', parentId: u.aldre!.id });
    expect(under.json().error.fields.parentId).toMatch(/inaktiv/);
    expect((await admin.post(`/api/org-units/${u.ifo!.id}/move`, { version: 1, parentId: u.aldre!.id })).statusCode).toBe(400);
    expect((await counts()).units).toBe(11);
  });

  it("another förvaltning's units: 403 on writes, 404 on reads, never in lists", async () => {
    const sof = await scopedUser('sof-admin@kommun.test', 'administrator', u.sof!.id);
    const list = (await sof.get('/api/org-units?limit=100')).json().items as Unit[];
    expect(names(list).sort()).toEqual(['Individ- och familjeomsorgen', 'Socialförvaltningen', 'Äldreomsorg']);
    expect((await sof.get(`/api/org-units?rootId=${u.kommun!.id}&q=skola`)).json().items).toEqual([]);
    const tree = (await sof.get('/api/org-units/tree')).json().items as Unit[];
    expect(tree.map((x) => [x.name, x.depth])).toEqual([['Socialförvaltningen', 2], ['Individ- och familjeomsorgen', 3], ['Äldreomsorg', 3]]);
    expect(tree[0]!.path).toBe('Exempelby kommun / Socialnämnden / Socialförvaltningen');
    expect((await sof.get(`/api/org-units/${u.utb!.id}`)).statusCode).toBe(404);
    expect((await sof.get(`/api/org-units/${u.aldre!.id}`)).statusCode).toBe(200);

    const before = await counts();
    expect((await patch(sof, u.utb!.id, { version: 1, name: 'Hackad' })).statusCode).toBe(403);
    expect((await sof.post(`/api/org-units/${u.utb!.id}/deactivate`, { version: 1 })).statusCode).toBe(403);
    expect((await sof.post(`/api/org-units/${u.aldre!.id}/move`, { version: 1, parentId: u.utb!.id })).statusCode).toBe(403);
    expect((await sof.post(`/api/org-units/${u.skola!.id}/move`, { version: 1, parentId: u.sof!.id })).statusCode).toBe(403);
    expect((await sof.post('/api/org-units', { name: 'Ny kommun', kind: 'kommun', parentId: null })).statusCode).toBe(403);
    expect((await sof.post(`/api/org-units/${u.sof!.id}/move`, { version: 1, parentId: u.ks!.id })).statusCode).toBe(403);
    expect(await counts()).toEqual(before);
    expect((await admin.get(`/api/org-units/${u.utb!.id}`)).json()).toMatchObject({ name: 'Utbildningsförvaltningen', version: 1 });

    // Within their subtree they may change and move.
    expect((await patch(sof, u.ifo!.id, { version: 1, code: 'IFO' })).statusCode).toBe(200);
    expect((await sof.post(`/api/org-units/${u.ifo!.id}/move`, { version: 2, parentId: u.aldre!.id })).statusCode).toBe(200);

    const reader = await scopedUser('reader@kommun.test', 'user', u.sof!.id);
    expect((await reader.get('/api/org-units')).json().items).toHaveLength(3);
    expect((await patch(reader, u.ifo!.id, { version: 3, name: 'X' })).statusCode).toBe(403);
    expect((await new Agent(h.app).get('/api/org-units')).statusCode).toBe(401);
  });
});
