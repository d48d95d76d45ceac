import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { grantOnUnit, insertKommun, insertUnit } from '../fixtures/org.ts';
import { type Agent, addUser, createHarness, dialects, setupAdmin, type Harness } from './harness.ts';
import { sortKey } from '../../server/platform/text.ts';

/** The repair of people that are organisations: GET /api/maintenance/suspect-people and its convert. */
describe.each(dialects())('suspect people (%s)', (dialect) => {
  let h: Harness;
  let admin: Agent;
  let treserva: string;
  let procapita: string;
  let cgi: string;
  let tieto: string;
  const LIST = '/api/maintenance/suspect-people';

  beforeEach(async () => {
    h = await createHarness(dialect);
    admin = await setupAdmin(h);
    await insertKommun(h.handle.db);
    await insertUnit(h.handle.db, { id: 'it', name: 'IT-avdelningen', parentId: 'kommun' });
    await h.handle.db.updateTable('org_units').set({ function: 'it_unit' }).where('id', '=', 'it').execute();
    const at = h.clock.now().toISOString();
    const person = (id: string, name: string) => ({
      id, name, name_search: name.toLocaleLowerCase('sv-SE'), name_sort: sortKey(name.toLocaleLowerCase('sv-SE')), email: null, title: null,
      home_unit_id: 'soc', manager_id: null, status: 'active' as const, left_at: null, external_id: null, version: 1, created_at: at, updated_at: at,
    });
    // What earlier imports made of role cells: "people" named like a unit, a supplier, or "the supplier".
    await h.handle.db.insertInto('people').values([
      person('p-it', 'IT-enheten'),
      person('p-cgi', 'CGI'),
      person('p-lev', 'Leverantör'),
      person('p-hem', 'hemtjänsten '),
      person('p-anna', 'Anna Svensson'),
    ]).execute();
    const post = async (url: string, body: object) => {
      const res = await admin.post(url, body);
      if (res.statusCode !== 201) throw new Error(`${url}: ${res.body}`);
      return res.json().id as string;
    };
    cgi = await post('/api/suppliers', { name: 'CGI' });
    tieto = await post('/api/suppliers', { name: 'Tieto Sverige AB' });
    treserva = await post('/api/systems', { name: 'Treserva', kind: 'business', owningUnitId: 'soc' });
    procapita = await post('/api/systems', { name: 'Procapita', kind: 'business', owningUnitId: 'soc' });
    await post('/api/agreements', { kind: 'saas', title: 'Treserva drift', supplierId: tieto, systemIds: [treserva] });
    await post('/api/agreements', { kind: 'saas', title: 'Procapita drift', supplierId: cgi, systemIds: [procapita] });
    // Assignments as the old imports wrote them (straight in: the roles API would refuse some of them now).
    const ra = (id: string, roleKey: string, systemId: string, personId: string, validFrom = '2025-01-01') => ({
      id, role_key: roleKey, subject_kind: 'system' as const, subject_id: systemId, principal_kind: 'person' as const, principal_id: personId,
      principal_contact_id: null, valid_from: validFrom, valid_to: null, created_at: at, created_by: null, ended_at: null, ended_by: null, note: null, version: 1,
    });
    await h.handle.db.insertInto('role_assignments').values([
      ra('a-it-drift', 'driftansvarig', treserva, 'p-it'),
      ra('a-it-beh', 'behorighetsadministrator', procapita, 'p-it', '2026-05-01'),
      ra('a-cgi-drift', 'driftansvarig', procapita, 'p-cgi'),
      ra('a-lev-t', 'driftansvarig', treserva, 'p-lev'),
      ra('a-lev-p', 'driftansvarig', procapita, 'p-lev'),
      ra('a-hem-forv', 'systemforvaltare', treserva, 'p-hem'),
      ra('a-anna', 'systemagare', treserva, 'p-anna'),
    ]).execute();
  });
  afterEach(async () => h.close());

  type SuspectJson = {
    id: string; name: string; version: number; reasons: Array<{ kind: string; name: string | null }>; linkedToUser: boolean;
    suggestedTarget: { kind: string; id: string; name: string } | null;
    assignments: Array<{ id: string; roleName: string; subjectName: string; current: boolean; holderKinds: string[]; suggestedTarget: { id: string } | null }>;
  };
  const suspects = async (as: Agent = admin, query = ''): Promise<SuspectJson[]> => {
    const res = await as.get(`${LIST}${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items;
  };
  const byName = (list: SuspectJson[], name: string) => list.find((s) => s.name === name)!;
  const count = async (table: 'role_assignments' | 'audit_events') =>
    Number((await h.handle.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const personRow = (id: string) => h.handle.db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const holdersOn = async (systemId: string) =>
    (await h.handle.db.selectFrom('role_assignments').selectAll().where('subject_id', '=', systemId).where('ended_at', 'is', null).orderBy('role_key').execute())
      .map((a) => `${a.role_key}:${a.principal_kind}:${a.principal_id}:${a.valid_from}`);

  it('lists people that are organisations with why, a suggested target and their roles; not real people', async () => {
    const list = await suspects();
    expect(list.map((s) => s.name)).toEqual(['CGI', 'hemtjänsten ', 'IT-enheten', 'Leverantör']);
    expect(list.map((s) => s.name)).not.toContain('Anna Svensson');
    expect(byName(list, 'CGI')).toMatchObject({ reasons: [{ kind: 'supplier', name: 'CGI' }], suggestedTarget: { kind: 'supplier', id: cgi, name: 'CGI' } });
    expect(byName(list, 'hemtjänsten ')).toMatchObject({ reasons: [{ kind: 'unit', name: 'Hemtjänsten' }], suggestedTarget: { kind: 'unit', id: 'hem' } });
    const it = byName(list, 'IT-enheten');
    expect(it).toMatchObject({ reasons: [{ kind: 'organisation', name: null }], suggestedTarget: { kind: 'unit', id: 'it', name: 'IT-avdelningen' }, linkedToUser: false });
    expect(it.assignments.map((a) => [a.roleName, a.subjectName, a.current])).toEqual([
      [expect.stringMatching(/^Driftansvarig/), 'Treserva', true],
      ['Behörighetsadministratör', 'Procapita', false],
    ]);
    expect(it.assignments[0]!.holderKinds).toEqual(['person', 'unit', 'supplier']);
    // "Leverantör": each system's own supplier; no single suggestion as the two differ.
    const lev = byName(list, 'Leverantör');
    expect(lev.suggestedTarget).toBeNull();
    expect(Object.fromEntries(lev.assignments.map((a) => [a.subjectName, a.suggestedTarget?.id]))).toEqual({ Treserva: tieto, Procapita: cgi });
    // Paginated: one at a time, in the same order.
    const names: string[] = [];
    let cursor = '';
    for (let i = 0; i < 10; i++) {
      const res = (await admin.get(`${LIST}?limit=1${cursor ? `&cursor=${cursor}` : ''}`)).json();
      names.push(...res.items.map((s: SuspectJson) => s.name));
      if (!res.nextCursor) break;
      cursor = res.nextCursor;
    }
    expect(names).toEqual(list.map((s) => s.name));
    expect((await admin.get(`${LIST}?cursor=nonsense`)).statusCode).toBe(400);
  });

  it('converts: moves each open role to the target as an audited handover, marks the person left with a note, deletes nothing', async () => {
    const it = byName(await suspects(), 'IT-enheten');
    const before = await count('role_assignments');
    const res = await admin.post(`${LIST}/p-it/convert`, { version: it.version, target: { kind: 'unit', id: 'it' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ person: { id: 'p-it', status: 'left' }, note: expect.stringMatching(/^Omvandlad till enheten IT-avdelningen/) });
    expect(res.json().moved.map((m: { roleName: string }) => m.roleName)).toEqual([expect.stringMatching(/^Driftansvarig/), 'Behörighetsadministratör']);
    // The current role: ended today (15 April) for the person, started today for the unit.
    expect(await holdersOn(treserva)).toContain('driftansvarig:unit:it:2026-04-15');
    const old = await h.handle.db.selectFrom('role_assignments').selectAll().where('id', '=', 'a-it-drift').executeTakeFirstOrThrow();
    expect(old).toMatchObject({ valid_from: '2025-01-01', valid_to: '2026-04-15' });
    expect(old.ended_at).not.toBeNull();
    // The planned role moves on its own start day.
    expect(await holdersOn(procapita)).toContain('behorighetsadministrator:unit:it:2026-05-01');
    expect(await count('role_assignments')).toBe(before + 2);
    expect(await personRow('p-it')).toMatchObject({ status: 'left', name: 'IT-enheten' });
    const events = await h.handle.db.selectFrom('audit_events').select(['entity_type', 'entity_id', 'action', 'message']).where('entity_type', 'in', ['person', 'role_assignment']).orderBy('seq').execute();
    const mine = events.filter((e) => e.entity_id === 'p-it' || e.message?.includes('IT-enheten'));
    expect(mine.map((e) => `${e.entity_type}:${e.action}`)).toEqual([
      'role_assignment:end', 'role_assignment:handover', 'role_assignment:end', 'role_assignment:handover', 'person:mark_left',
    ]);
    expect(mine.at(-1)!.message).toMatch(/Omvandlad till enheten IT-avdelningen/);
    expect((await suspects()).map((s) => s.name)).not.toContain('IT-enheten');
    // The audit API shows the person's note.
    const trail = (await admin.get('/api/audit?entityType=person&entityId=p-it')).json();
    expect(JSON.stringify(trail)).toMatch(/Omvandlad till enheten/);
  });

  it('where the target holds the role already, only ends the person\'s; no second holding', async () => {
    const at = h.clock.now().toISOString();
    await h.handle.db.insertInto('role_assignments').values({
      id: 'a-unit-drift', role_key: 'driftansvarig', subject_kind: 'system', subject_id: treserva, principal_kind: 'unit', principal_id: 'it',
      principal_contact_id: null, valid_from: '2025-06-01', valid_to: null, created_at: at, created_by: null, ended_at: null, ended_by: null, note: null, version: 1,
    }).execute();
    const res = await admin.post(`${LIST}/p-it/convert`, { version: 1, target: { kind: 'unit', id: 'it' } });
    expect(res.statusCode, res.body).toBe(200);
    const moved = res.json().moved as Array<{ assignmentId: string; newAssignmentId: string | null }>;
    expect(moved.find((m) => m.assignmentId === 'a-it-drift')!.newAssignmentId).toBeNull();
    expect((await holdersOn(treserva)).filter((x) => x.startsWith('driftansvarig:unit'))).toEqual(['driftansvarig:unit:it:2025-06-01']);
    expect(await holdersOn(treserva)).not.toContain('driftansvarig:person:p-it:2025-01-01');
  });

  it('converts "Leverantör" with each system\'s own supplier', async () => {
    const lev = byName(await suspects(), 'Leverantör');
    const res = await admin.post(`${LIST}/p-lev/convert`, {
      version: lev.version,
      assignments: lev.assignments.map((a) => ({ assignmentId: a.id, target: { kind: 'supplier', id: a.suggestedTarget!.id } })),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().note).toMatch(/^Omvandlad till (CGI, Tieto Sverige AB|Tieto Sverige AB, CGI):/);
    expect(await holdersOn(treserva)).toContain(`driftansvarig:supplier:${tieto}:2026-04-15`);
    expect(await holdersOn(procapita)).toContain(`driftansvarig:supplier:${cgi}:2026-04-15`);
  });

  it('refuses a target the role does not allow, naming the role, and writes nothing', async () => {
    const hem = byName(await suspects(), 'hemtjänsten ');
    const [assignments, events] = [await count('role_assignments'), await count('audit_events')];
    const res = await admin.post(`${LIST}/p-hem/convert`, { version: hem.version, target: { kind: 'unit', id: 'hem' } });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.fields.target).toMatch(/Systemförvaltare/);
    expect(await count('role_assignments')).toBe(assignments);
    expect(await count('audit_events')).toBe(events);
    expect(await personRow('p-hem')).toMatchObject({ status: 'active', version: 1 });
    const a = await h.handle.db.selectFrom('role_assignments').selectAll().where('id', '=', 'a-hem-forv').executeTakeFirstOrThrow();
    expect(a.ended_at).toBeNull();
    // No target at all, an unknown target, an unknown person.
    expect((await admin.post(`${LIST}/p-hem/convert`, { version: 1 })).json().error.fields.target).toMatch(/Välj vart/);
    expect((await admin.post(`${LIST}/p-cgi/convert`, { version: 1, target: { kind: 'supplier', id: 'ghost' } })).statusCode).toBe(400);
    expect((await admin.post(`${LIST}/p-none/convert`, { version: 1, target: { kind: 'unit', id: 'it' } })).statusCode).toBe(404);
  });

  it('is for administrators only', async () => {
    const user = await addUser(h, admin, 'user@kommun.test', 'user');
    const reviewer = await addUser(h, admin, 'granskare@kommun.test', 'reviewer');
    // An administrator of one förvaltning manages people there, but the repair reaches the whole installation.
    const socAdmin = await addUser(h, admin, 'soc-admin@kommun.test', 'administrator');
    await grantOnUnit(h.handle.db, 'soc-admin@kommun.test', 'administrator', 'soc');
    for (const as of [user, reviewer, socAdmin]) {
      expect((await as.get(LIST)).statusCode).toBe(403);
      expect((await as.post(`${LIST}/p-cgi/convert`, { version: 1, target: { kind: 'supplier', id: cgi } })).statusCode).toBe(403);
    }
    expect((await personRow('p-cgi')).status).toBe('active');
  });

  it('refuses a stale version and a person a user account belongs to', async () => {
    await h.handle.db.updateTable('people').set({ version: 2 }).where('id', '=', 'p-cgi').execute();
    expect((await admin.post(`${LIST}/p-cgi/convert`, { version: 1, target: { kind: 'supplier', id: cgi } })).statusCode).toBe(409);
    await addUser(h, admin, 'it@kommun.test', 'user');
    await h.handle.db.updateTable('users').set({ person_id: 'p-it' }).where('email', '=', 'it@kommun.test').execute();
    expect(byName(await suspects(), 'IT-enheten').linkedToUser).toBe(true);
    const linked = await admin.post(`${LIST}/p-it/convert`, { version: 1, target: { kind: 'unit', id: 'it' } });
    expect(linked.statusCode).toBe(409);
    expect(linked.json().error.fields.id).toMatch(/användarkonto/);
    expect((await personRow('p-it')).status).toBe('active');
  });

  it('two converts of one person at once: one wins, the other is a conflict; a converted person is not converted again', async () => {
    const body = { version: 1, target: { kind: 'supplier', id: cgi } };
    const results = await Promise.all([admin.post(`${LIST}/p-cgi/convert`, body), admin.post(`${LIST}/p-cgi/convert`, body)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const moved = await h.handle.db.selectFrom('role_assignments').selectAll().where('principal_id', '=', cgi).execute();
    expect(moved).toHaveLength(1);
    // Converted already: left, so again is a conflict whatever the version.
    expect((await admin.post(`${LIST}/p-cgi/convert`, { ...body, version: 2 })).statusCode).toBe(409);
    expect((await holdersOn(procapita)).filter((x) => x.includes(cgi) || x.includes('p-cgi'))).toEqual([`driftansvarig:supplier:${cgi}:2026-04-15`]);
  });
});
