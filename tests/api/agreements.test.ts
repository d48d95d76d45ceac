import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { grantOnUnit, insertKommun } from '../fixtures/org.ts';
import { type Agent, addUser, createHarness, dialects, setupAdmin, type Harness } from './harness.ts';

interface AgreementJson {
  id: string;
  kind: string;
  title: string;
  reference: string | null;
  supplier: { id: string; name: string } | null;
  startDate: string | null;
  endDate: string | null;
  noticeMonths: number | null;
  noticeFrom: string | null;
  autoRenewal: boolean;
  status: string;
  clauses: { logging: boolean | null; backup: boolean | null; destruction: boolean | null; dpa: boolean | null };
  responsible: { id: string; name: string; status: string } | null;
  documentUrl: string | null;
  systems: Array<{ id: string; name: string; canUnlink: boolean }>;
  hiddenSystemCount: number;
  can: { edit: boolean };
  version: number;
}

describe.each(dialects())('agreements (%s)', (dialect) => {
  let h: Harness;
  let admin: Agent;
  beforeEach(async () => {
    // Long sessions: one test moves the clock by months.
    h = await createHarness(dialect, { SESSION_IDLE_MINUTES: '5256000', SESSION_ABSOLUTE_HOURS: '87600' });
    admin = await setupAdmin(h);
    await insertKommun(h.handle.db);
  });
  afterEach(async () => h.close());

  const post = async <T>(url: string, body: Record<string, unknown>, as: Agent = admin): Promise<T> => {
    const res = await as.post(url, body);
    if (res.statusCode !== 201) throw new Error(`POST ${url} failed: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const system = (name: string, owningUnitId: string, extra: Record<string, unknown> = {}) =>
    post<{ id: string; version: number }>('/api/systems', { name, kind: 'business', owningUnitId, ...extra });
  const agreement = (body: Record<string, unknown>, as: Agent = admin) => post<AgreementJson>('/api/agreements', { kind: 'supplier_agreement', ...body }, as);
  const patch = (id: string, body: Record<string, unknown>, as: Agent = admin) => as.request('PATCH', `/api/agreements/${id}`, body);
  const count = async (table: 'agreements' | 'agreement_systems' | 'audit_events') =>
    Number((await h.handle.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const titles = (res: { json: () => { items: Array<{ title: string }> } }) => res.json().items.map((a) => a.title);

  it('records an agreement with supplier, dates, clauses and systems; lists, filters, changes and links it, audited', async () => {
    const supplier = await post<{ id: string }>('/api/suppliers', { name: 'Tieto Sverige AB', orgNumber: '556016-0680' });
    const person = await post<{ id: string }>('/api/people', { name: 'Åsa Avtalsansvarig', homeUnitId: 'soc' });
    const treserva = await system('Treserva', 'soc');
    const procapita = await system('Procapita', 'soc');
    const res = await admin.post('/api/agreements', {
      kind: 'saas', title: 'Treserva molntjänst', supplierId: supplier.id, reference: 'KS 2024/123', startDate: '2024-01-01', endDate: '2099-12-31',
      noticeMonths: 6, autoRenewal: true, documentUrl: 'https://diarium.kommun.test/2024-123', responsiblePersonId: person.id,
      clauses: { logging: true, backup: false, dpa: true }, note: 'Förlängs med ett år i taget', systemIds: [treserva.id, treserva.id],
    });
    expect(res.statusCode).toBe(201);
    const a: AgreementJson = res.json();
    expect(a).toMatchObject({
      kind: 'saas', title: 'Treserva molntjänst', supplier: { id: supplier.id, name: 'Tieto Sverige AB' }, reference: 'KS 2024/123',
      startDate: '2024-01-01', endDate: '2099-12-31', noticeMonths: 6, noticeFrom: '2099-06-30', autoRenewal: true, status: 'active',
      clauses: { logging: true, backup: false, destruction: null, dpa: true }, responsible: { id: person.id, name: 'Åsa Avtalsansvarig', status: 'active' },
      documentUrl: 'https://diarium.kommun.test/2024-123', systems: [{ id: treserva.id, name: 'Treserva', canUnlink: true }], hiddenSystemCount: 0,
      can: { edit: true }, version: 1,
    });
    const pub = await agreement({ kind: 'dpa', title: 'PUB-avtal Tieto', supplierId: supplier.id, endDate: '2030-06-30' });
    const internal = await agreement({ kind: 'service_agreement', title: 'Tjänsteöverenskommelse IT-drift' });

    expect(titles(await admin.get('/api/agreements'))).toEqual(['PUB-avtal Tieto', 'Treserva molntjänst', 'Tjänsteöverenskommelse IT-drift']);
    expect(titles(await admin.get(`/api/agreements?systemId=${treserva.id}`))).toEqual(['Treserva molntjänst']);
    expect(titles(await admin.get(`/api/agreements?supplierId=${supplier.id}`))).toEqual(['PUB-avtal Tieto', 'Treserva molntjänst']);
    expect(titles(await admin.get('/api/agreements?endingBefore=2031-01-01'))).toEqual(['PUB-avtal Tieto']);
    expect(titles(await admin.get(`/api/agreements?q=${encodeURIComponent('TJÄNSTEÖVER')}`))).toEqual(['Tjänsteöverenskommelse IT-drift']);
    expect(titles(await admin.get('/api/agreements?q=ks%202024'))).toEqual(['Treserva molntjänst']);
    expect(titles(await admin.get('/api/agreements?q=tieto'))).toEqual(['PUB-avtal Tieto', 'Treserva molntjänst']);
    // Keyset pages run through the agreements without an end date last.
    const p1 = (await admin.get('/api/agreements?limit=2')).json();
    const p2 = (await admin.get(`/api/agreements?limit=2&cursor=${p1.nextCursor}`)).json();
    expect([...p1.items, ...p2.items].map((x: AgreementJson) => x.id)).toEqual([pub.id, a.id, internal.id]);
    expect(p2.nextCursor).toBeNull();
    expect((await admin.get('/api/agreements?endingBefore=2031-13-01')).statusCode).toBe(400);

    const changed = await patch(a.id, { version: 1, clauses: { destruction: true }, noticeMonths: 3, reference: '' });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ clauses: { logging: true, backup: false, destruction: true, dpa: true }, noticeMonths: 3, noticeFrom: '2099-09-30', reference: null, version: 2 });
    expect((await patch(a.id, { version: 2, title: 'Treserva molntjänst' })).json().version).toBe(2);

    const linked = await admin.post(`/api/agreements/${a.id}/systems`, { systemId: procapita.id });
    expect(linked.statusCode).toBe(200);
    expect(linked.json().systems.map((s: { name: string }) => s.name)).toEqual(['Procapita', 'Treserva']);
    expect(linked.json().version).toBe(2);
    expect((await admin.post(`/api/agreements/${a.id}/systems`, { systemId: procapita.id })).json().error.fields).toEqual({ systemId: 'Avtalet är redan kopplat till systemet.' });
    expect((await admin.delete(`/api/agreements/${a.id}/systems/${treserva.id}`)).statusCode).toBe(204);
    expect((await admin.delete(`/api/agreements/${a.id}/systems/${treserva.id}`)).statusCode).toBe(404);

    const ofSystem = await admin.get(`/api/systems/${procapita.id}/agreements`);
    expect(ofSystem.json().items).toEqual([expect.objectContaining({ id: a.id, status: 'active', clauses: { logging: true, backup: false, destruction: true, dpa: true } })]);
    expect((await admin.get(`/api/systems/${treserva.id}/agreements`)).json().items).toEqual([]);
    expect((await admin.get('/api/systems/ghost/agreements')).statusCode).toBe(404);
    expect((await admin.get(`/api/suppliers/${supplier.id}`)).json().agreements.map((x: AgreementJson) => x.title)).toEqual(['PUB-avtal Tieto', 'Treserva molntjänst']);

    const trail = await h.handle.db.selectFrom('audit_events').select(['action', 'before_json', 'after_json']).where('entity_id', '=', a.id).orderBy('seq').execute();
    expect(trail.map((e) => e.action)).toEqual(['create', 'update', 'link_system', 'unlink_system']);
    expect(JSON.parse(trail[0]!.after_json!)).toMatchObject({ title: 'Treserva molntjänst', systemIds: [treserva.id] });
    expect(JSON.parse(trail[1]!.before_json!)).toEqual({ reference: 'KS 2024/123', noticeMonths: 6, clauses: { logging: true, backup: false, destruction: null, dpa: true } });
    expect(JSON.parse(trail[3]!.before_json!)).toEqual({ systemId: treserva.id, systemName: 'Treserva' });
  });

  it('refuses bad input with field messages and writes nothing', async () => {
    const left = await post<{ id: string }>('/api/people', { name: 'Lars Slutat', homeUnitId: 'soc' });
    await admin.request('PATCH', `/api/people/${left.id}`, { version: 1, status: 'left' });
    const sys = await system('Lönesystem', 'soc');
    const a = await agreement({ title: 'Giltigt avtal', startDate: '2025-01-01', endDate: '2026-12-31' });
    const before = [await count('agreements'), await count('agreement_systems'), await count('audit_events')];

    const bad = await admin.post('/api/agreements', {
      kind: 'contract', title: ' ', startDate: '2025-02-30', noticeMonths: 61, documentUrl: 'ftp://diarium.kommun.test/1', clauses: { logging: 'ja' }, colour: 'red',
    });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(['clauses.logging', 'colour', 'documentUrl', 'kind', 'noticeMonths', 'startDate', 'title']);
    expect(bad.json().error.fields.documentUrl).toBe('Ange en webbadress som börjar med http:// eller https://.');
    expect(bad.json().error.fields.noticeMonths).toBe('Får vara högst 60.');

    const refs = await admin.post('/api/agreements', { kind: 'license', title: 'X', supplierId: 'ghost', responsiblePersonId: left.id, startDate: '2025-06-01', endDate: '2025-05-31', systemIds: [sys.id] });
    expect(refs.statusCode).toBe(400);
    expect(refs.json().error.fields).toEqual({
      supplierId: 'Leverantören finns inte.', responsiblePersonId: 'Lars Slutat har slutat och kan inte bli ansvarig för avtalet.', endDate: 'Slutdatum kan inte vara före startdatum.',
    });
    const en = await admin.post('/api/agreements', { kind: 'license', title: 'X', responsiblePersonId: 'ghost' }, { headers: { 'accept-language': 'en' } });
    expect(en.json().error.fields).toEqual({ responsiblePersonId: 'The person does not exist.' });
    expect((await admin.post('/api/agreements', { kind: 'license', title: 'X', systemIds: ['ghost'] })).json().error.fields).toEqual({ 'systemIds.0': 'Systemet finns inte.' });

    expect((await patch(a.id, { version: 1, endDate: '2024-12-31' })).json().error.fields).toEqual({ endDate: 'Slutdatum kan inte vara före startdatum.' });
    expect((await patch(a.id, { version: 1, noticeMonths: -1 })).json().error.fields).toHaveProperty('noticeMonths');
    expect((await patch(a.id, { version: 1, responsiblePersonId: left.id })).statusCode).toBe(400);
    expect((await patch(a.id, { title: 'No version' })).json().error.fields).toHaveProperty('version');
    expect((await patch('ghost', { version: 1, title: 'X' })).statusCode).toBe(404);
    expect((await admin.post(`/api/agreements/${a.id}/systems`, { systemId: 'ghost' })).json().error.fields).toEqual({ systemId: 'Systemet finns inte.' });
    expect((await admin.post('/api/agreements/ghost/systems', { systemId: sys.id })).statusCode).toBe(404);

    expect([await count('agreements'), await count('agreement_systems'), await count('audit_events')]).toEqual(before);
    expect((await admin.get(`/api/agreements/${a.id}`)).json()).toMatchObject({ version: 1, endDate: '2026-12-31', systems: [] });
  });

  it('a stale version is a 409; of two edits from the same version exactly one wins', async () => {
    const a = await agreement({ title: 'Supportavtal' });
    const other = await addUser(h, admin, 'other.admin@kommun.test', 'administrator');
    const both = await Promise.all([patch(a.id, { version: 1, note: 'Från admin' }), patch(a.id, { version: 1, note: 'Från other' }, other)]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(both.find((r) => r.statusCode === 409)!.json().error.code).toBe('conflict');
    expect((await admin.get(`/api/agreements/${a.id}`)).json()).toMatchObject({ note: both.find((r) => r.statusCode === 200)!.json().note, version: 2 });
    const updates = await h.handle.db.selectFrom('audit_events').select('id').where('entity_id', '=', a.id).where('action', '=', 'update').execute();
    expect(updates).toHaveLength(1);
  });

  it("keeps another förvaltning's agreements out of sight and its systems out of reach", async () => {
    const socSystem = await system('Treserva', 'soc');
    const utbSystem = await system('Skolplattformen', 'utb');
    const shared = await system('E-post', 'kommun', { kommungemensamt: true });
    const socAgreement = await agreement({ title: 'Treservaavtal', systemIds: [socSystem.id] });
    const mixed = await agreement({ title: 'Ramavtal', systemIds: [socSystem.id, utbSystem.id] });
    const open = await agreement({ title: 'Avtal utan system' });
    const sharedAgreement = await agreement({ title: 'E-postavtal', systemIds: [shared.id] });

    const utbAdmin = await addUser(h, admin, 'utb.admin@kommun.test', 'administrator');
    await grantOnUnit(h.handle.db, 'utb.admin@kommun.test', 'administrator', 'utb');
    expect(titles(await utbAdmin.get('/api/agreements')).sort()).toEqual(['Avtal utan system', 'E-postavtal', 'Ramavtal']);
    expect((await utbAdmin.get(`/api/agreements/${socAgreement.id}`)).statusCode).toBe(404);
    expect((await utbAdmin.get(`/api/agreements?systemId=${socSystem.id}`)).json().items.map((x: AgreementJson) => x.title)).toEqual(['Ramavtal']);
    expect((await utbAdmin.get(`/api/systems/${socSystem.id}/agreements`)).statusCode).toBe(404);
    const mixedSeen = (await utbAdmin.get(`/api/agreements/${mixed.id}`)).json();
    expect(mixedSeen).toMatchObject({ systems: [{ id: utbSystem.id }], hiddenSystemCount: 1, can: { edit: true } });
    expect((await patch(socAgreement.id, { version: 1, title: 'X' }, utbAdmin)).statusCode).toBe(404);
    expect((await utbAdmin.post(`/api/agreements/${socAgreement.id}/systems`, { systemId: utbSystem.id })).statusCode).toBe(404);
    // A system the caller cannot see is as if it did not exist; unlinking it is a 404.
    expect((await utbAdmin.post(`/api/agreements/${open.id}/systems`, { systemId: socSystem.id })).json().error.fields).toEqual({ systemId: 'Systemet finns inte.' });
    expect((await utbAdmin.delete(`/api/agreements/${mixed.id}/systems/${socSystem.id}`)).statusCode).toBe(404);
    expect((await utbAdmin.post('/api/agreements', { kind: 'other', title: 'X', systemIds: [socSystem.id] })).statusCode).toBe(400);
    // A kommungemensamt system is visible but owned by the kommun: no edit rights, so no linking.
    expect((await utbAdmin.post(`/api/agreements/${open.id}/systems`, { systemId: shared.id })).statusCode).toBe(403);
    expect((await patch(sharedAgreement.id, { version: 1, title: 'X' }, utbAdmin)).statusCode).toBe(403);
    expect((await utbAdmin.get(`/api/agreements/${sharedAgreement.id}`)).json().can).toEqual({ edit: false });

    // A plain user in Socialförvaltningen sees its systems but edits only those they hold a role on.
    const socUser = await addUser(h, admin, 'soc.user@kommun.test', 'user');
    await grantOnUnit(h.handle.db, 'soc.user@kommun.test', 'user', 'soc');
    const other = await agreement({ title: 'Nytt avtal' }, socUser);
    expect((await socUser.post(`/api/agreements/${other.id}/systems`, { systemId: socSystem.id })).statusCode).toBe(403);
    expect((await socUser.post('/api/agreements', { kind: 'other', title: 'X', systemIds: [socSystem.id] })).statusCode).toBe(403);
    expect((await patch(socAgreement.id, { version: 1, title: 'X' }, socUser)).statusCode).toBe(403);
    const person = await post<{ id: string }>('/api/people', { name: 'Sara Systemägare', homeUnitId: 'soc' });
    await h.handle.db.updateTable('users').set({ person_id: person.id }).where('email', '=', 'soc.user@kommun.test').execute();
    await h.handle.db.insertInto('role_assignments').values({
      id: 'ra-sa', role_key: 'systemagare', subject_kind: 'system', subject_id: socSystem.id, principal_kind: 'person', principal_id: person.id,
      valid_from: '2000-01-01', valid_to: null, created_at: h.clock.now().toISOString(), created_by: null, ended_at: null, ended_by: null, note: null, version: 1,
    }).execute();
    expect((await socUser.post(`/api/agreements/${other.id}/systems`, { systemId: socSystem.id })).statusCode).toBe(200);
    expect((await patch(socAgreement.id, { version: 1, title: 'Treservaavtal 2' }, socUser)).statusCode).toBe(200);

    // A granskare reads but changes nothing.
    const reviewer = await addUser(h, admin, 'granskare@kommun.test', 'reviewer');
    expect(titles(await reviewer.get('/api/agreements'))).toHaveLength(5);
    expect((await reviewer.post(`/api/agreements/${open.id}/systems`, { systemId: socSystem.id })).statusCode).toBe(403);
    expect((await reviewer.get(`/api/agreements/${open.id}`)).json().can).toEqual({ edit: false });
  });

  it('an avvecklad system gets no new links', async () => {
    const old = await system('Gamla ekonomisystemet', 'soc');
    const a = await agreement({ title: 'Ekonomiavtal', systemIds: [old.id] });
    const b = await agreement({ title: 'Nytt avtal' });
    expect((await admin.post(`/api/systems/${old.id}/lifecycle`, { version: 1, lifecycle: 'retired' })).statusCode).toBe(200);
    const refused = await admin.post(`/api/agreements/${b.id}/systems`, { systemId: old.id });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'refused', fields: { systemId: 'Systemet är avvecklat och kan inte kopplas till fler avtal.' } });
    expect((await admin.post('/api/agreements', { kind: 'other', title: 'X', systemIds: [old.id] })).statusCode).toBe(409);
    // Existing links stay (history), and may be corrected.
    expect((await admin.get(`/api/systems/${old.id}/agreements`)).json().items.map((x: AgreementJson) => x.id)).toEqual([a.id]);
    expect((await admin.delete(`/api/agreements/${a.id}/systems/${old.id}`)).statusCode).toBe(204);
  });

  it('computes the status from the dates in Swedish time, at each boundary', async () => {
    const sys = await system('Ärendehantering', 'soc');
    await agreement({ title: 'Licens', kind: 'license', startDate: '2027-01-01', endDate: '2027-06-30', noticeMonths: 3, systemIds: [sys.id] });
    const statusAt = async (instant: string) => {
      h.clock.advance(Date.parse(instant) - h.clock.now().getTime());
      const items = (await admin.get(`/api/systems/${sys.id}/agreements`)).json().items as AgreementJson[];
      const listed = (await admin.get('/api/agreements')).json().items as AgreementJson[];
      expect(listed[0]!.status).toBe(items[0]!.status);
      return items[0]!.status;
    };
    expect(await statusAt('2026-12-31T22:59:59Z')).toBe('not_started'); // 23:59:59 in Stockholm
    expect(await statusAt('2026-12-31T23:00:00Z')).toBe('active'); // midnight in Stockholm: 1 January
    expect(await statusAt('2027-03-29T12:00:00Z')).toBe('active');
    expect(await statusAt('2027-03-29T22:00:00Z')).toBe('in_notice_period'); // 30 March 00:00 CEST = end − 3 months
    expect(await statusAt('2027-06-30T21:59:59Z')).toBe('in_notice_period'); // the last day, 23:59:59 CEST
    expect(await statusAt('2027-06-30T22:00:00Z')).toBe('ended');
  });
});
