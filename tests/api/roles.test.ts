import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getRoleCatalogue } from '../../server/modules/policy/catalogue.ts';
import { type Agent, addUser, createHarness, dialects, setupAdmin, type Harness } from './harness.ts';
import { sortKey } from '../../server/platform/text.ts';

type Assignment = {
  id: string;
  roleKey: string;
  roleName: string;
  subjectId: string;
  subjectName: string;
  holder: { kind: string; id: string; name: string; status: string; contact: { id: string; name: string } | null };
  validFrom: string;
  validTo: string | null;
  current: boolean;
};

const DAY = 86_400_000;
const dateOf = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);

describe.each(dialects())('role assignments (%s)', (dialect) => {
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
    await add('utb', 'Utbildningsförvaltningen', 'forvaltning', 'kommun');
    await add('skola', 'Grundskolan', 'enhet', 'utb');
    const at = h.clock.now().toISOString();
    const person = (id: string, name: string, status: 'active' | 'left', home: string) => ({
      id,
      name,
      name_search: name.toLocaleLowerCase('sv-SE'), name_sort: sortKey(name.toLocaleLowerCase('sv-SE')),
      email: null,
      title: null,
      home_unit_id: unit[home]!,
      manager_id: null,
      status,
      left_at: null,
      external_id: null,
      version: 1,
      created_at: at,
      updated_at: at,
    });
    await h.handle.db
      .insertInto('people')
      .values([
        person('p-anna', 'Anna Andersson', 'active', 'aldre'),
        person('p-bjorn', 'Björn Berg', 'active', 'aldre'),
        person('p-cecilia', 'Cecilia Carlsson', 'active', 'skola'),
        person('p-left', 'Lena Lämnat', 'left', 'sof'),
      ])
      .execute();
  });
  afterEach(async () => h.close());

  const today = () => dateOf(h.clock.now());
  /** Role names come from the active policy pack's catalogue. */
  const nameOf = async (key: string, locale: 'sv' | 'en') => (await getRoleCatalogue(h.services)).find((r) => r.key === key)!.name[locale];
  const assign = (agent: Agent, body: object, headers?: Record<string, string>) =>
    agent.post('/api/role-assignments', { subjectKind: 'unit', ...body }, headers ? { headers } : undefined);
  const rows = () => h.handle.db.selectFrom('role_assignments').selectAll().orderBy('created_at').execute();
  const auditCount = async () => (await h.handle.db.selectFrom('audit_events').select('id').execute()).length;

  /** A user whose only grant is an administrator grant on one unit with its sub-units. */
  async function scopedAdmin(email: string, unitId: string): Promise<Agent> {
    const agent = await addUser(h, admin, email, 'administrator');
    const me = (await agent.get('/api/me')).json();
    const [wide] = (await admin.get(`/api/users/${me.id}/grants`)).json().items;
    await admin.post(`/api/users/${me.id}/grants`, { role: 'administrator', orgUnitId: unitId, includeSubunits: true });
    await admin.delete(`/api/users/${me.id}/grants/${wide.id}`);
    return agent;
  }

  it('assigns a role with names from the catalogue, the subject and the person; lists with filters', async () => {
    const res = await assign(admin, { roleKey: 'chef', subjectId: unit.aldre, personId: 'p-anna' });
    expect(res.statusCode).toBe(201);
    const chef: Assignment = res.json();
    expect(chef).toMatchObject({
      roleKey: 'chef',
      roleName: await nameOf('chef', 'sv'),
      subjectKind: 'unit',
      subjectId: unit.aldre,
      subjectName: 'Äldreomsorg',
      holder: { kind: 'person', id: 'p-anna', name: 'Anna Andersson', status: 'active', contact: null },
      validFrom: today(),
      validTo: null,
      current: true,
    });
    const itChef = await assign(admin, { roleKey: 'it_chef', subjectId: unit.kommun, personId: 'p-bjorn', validFrom: '2024-01-01' }, { 'accept-language': 'en' });
    expect(itChef.json()).toMatchObject({ roleName: await nameOf('it_chef', 'en'), subjectName: 'Exempelby kommun', validFrom: '2024-01-01', current: true });

    const list = async (qs: string) => (await admin.get(`/api/role-assignments?${qs}`)).json().items as Assignment[];
    expect((await list(`subjectKind=unit&subjectId=${unit.aldre}`)).map((a) => a.id)).toEqual([chef.id]);
    expect((await list('principalId=p-bjorn')).map((a) => a.roleKey)).toEqual(['it_chef']);
    expect((await list('roleKey=chef&current=true')).map((a) => a.holder.name)).toEqual(['Anna Andersson']);
    expect(await list('current=false')).toEqual([]);
    const en = (await admin.get('/api/role-assignments?roleKey=chef', { headers: { 'accept-language': 'en' } })).json().items[0];
    expect(en.roleName).toBe(await nameOf('chef', 'en'));
    const audit = (await admin.get(`/api/audit?entityType=role_assignment&entityId=${chef.id}`)).json().items;
    expect(audit).toEqual([expect.objectContaining({ action: 'create', after: expect.objectContaining({ roleKey: 'chef', principalId: 'p-anna', subjectId: unit.aldre }) })]);
    const bad = await admin.get('/api/role-assignments?current=maybe&limit=0&cursor=x');
    expect(bad.statusCode).toBe(400);
  });

  it('refuses bad assignments with a message per field and writes nothing', async () => {
    const before = await auditCount();
    const expectField = async (body: object, field: string, text: RegExp) => {
      const res = await assign(admin, body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.fields[field]).toMatch(text);
    };
    await expectField({ roleKey: 'nope', subjectId: unit.aldre, personId: 'p-anna' }, 'roleKey', /rollkatalog/);
    await expectField({ roleKey: 'chef', subjectKind: 'system', subjectId: unit.aldre, personId: 'p-anna' }, 'subjectId', /Systemet finns inte/);
    await expectField({ roleKey: 'it_chef', subjectId: unit.sof, personId: 'p-anna' }, 'subjectId', /tilldelas på kommunen/);
    await expectField({ roleKey: 'systemagare', subjectId: unit.sof, personId: 'p-anna' }, 'roleKey', /kan inte tilldelas en organisationsenhet/);
    await expectField({ roleKey: 'chef', subjectId: unit.aldre, personId: 'p-left' }, 'personId', /har slutat/);
    await expectField({ roleKey: 'chef', subjectId: unit.aldre, personId: 'p-nobody' }, 'personId', /finns inte/);
    await expectField({ roleKey: 'chef', subjectId: 'no-such-unit', personId: 'p-anna' }, 'subjectId', /finns inte/);
    await expectField({ roleKey: 'chef', subjectId: unit.aldre, personId: 'p-anna', validFrom: '2024-13-45' }, 'validFrom', /format/);
    const many = await admin.post('/api/role-assignments', { roleKey: '', subjectKind: 'group', extra: true });
    expect(Object.keys(many.json().error.fields).sort()).toEqual(['extra', 'roleKey', 'subjectId', 'subjectKind']);
    expect(await rows()).toEqual([]);
    expect(await auditCount()).toBe(before);
  });

  it('keeps maxHolders: a second chef is refused with a hint to hand over; the same person twice is refused', async () => {
    const first = await assign(admin, { roleKey: 'chef', subjectId: unit.aldre, personId: 'p-anna' });
    expect(first.statusCode).toBe(201);
    const second = await assign(admin, { roleKey: 'chef', subjectId: unit.aldre, personId: 'p-bjorn' });
    expect(second.statusCode).toBe(400);
    expect(second.json().error.fields.personId).toBe(`Rollen ${await nameOf('chef', 'sv')} kan ha högst 1 innehavare för Äldreomsorg. Gör en överlämning i stället.`);
    // Another unit has its own chef.
    expect((await assign(admin, { roleKey: 'chef', subjectId: unit.sof, personId: 'p-bjorn' })).statusCode).toBe(201);
    // Roles without a maximum take many holders, but not the same person twice.
    expect((await assign(admin, { roleKey: 'driftansvarig', subjectId: unit.kommun, personId: 'p-anna' })).statusCode).toBe(201);
    expect((await assign(admin, { roleKey: 'driftansvarig', subjectId: unit.kommun, personId: 'p-bjorn' })).statusCode).toBe(201);
    const twice = await assign(admin, { roleKey: 'driftansvarig', subjectId: unit.kommun, personId: 'p-anna' }, { 'accept-language': 'en' });
    expect(twice.json().error.fields.personId).toBe(`The chosen holder already holds the role ${await nameOf('driftansvarig', 'en')} for Exempelby kommun.`);
    // A planned successor may start the day the current holder's end date takes effect.
    const skolaChef = (await assign(admin, { roleKey: 'chef', subjectId: unit.skola, personId: 'p-cecilia' })).json();
    const endOn = dateOf(new Date(h.clock.now().getTime() + 30 * DAY));
    await admin.post(`/api/role-assignments/${skolaChef.id}/end`, { validTo: endOn });
    expect((await assign(admin, { roleKey: 'chef', subjectId: unit.skola, personId: 'p-anna', validFrom: dateOf(new Date(h.clock.now().getTime() + 10 * DAY)) })).statusCode).toBe(
      400,
    );
    expect((await assign(admin, { roleKey: 'chef', subjectId: unit.skola, personId: 'p-anna', validFrom: endOn })).statusCode).toBe(201);
  });

  it('two concurrent assignments cannot both take the last place', async () => {
    const results = await Promise.all([
      assign(admin, { roleKey: 'chef', subjectId: unit.aldre, personId: 'p-anna' }),
      assign(admin, { roleKey: 'chef', subjectId: unit.aldre, personId: 'p-bjorn' }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 400]);
    expect(await rows()).toHaveLength(1);
  });

  it('ends an assignment, keeping it as history; current follows the clock', async () => {
    const future = dateOf(new Date(h.clock.now().getTime() + 2 * DAY));
    const planned: Assignment = (await assign(admin, { roleKey: 'chef', subjectId: unit.aldre, personId: 'p-anna', validFrom: future })).json();
    expect(planned.current).toBe(false);
    expect((await admin.post(`/api/role-assignments/${planned.id}/end`, { validTo: today() })).json().error.fields.validTo).toMatch(/före startdatumet/);
    h.clock.advance(3 * DAY);
    await admin.login('admin@kommun.test'); // the session has expired meanwhile
    expect((await admin.get(`/api/role-assignments?current=true`)).json().items.map((a: Assignment) => a.id)).toEqual([planned.id]);

    const ended = await admin.post(`/api/role-assignments/${planned.id}/end`, {});
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toMatchObject({ id: planned.id, validTo: today(), current: false });
    const [row] = await rows();
    expect(row).toMatchObject({ valid_to: today(), ended_at: h.clock.now().toISOString() });
    expect(row!.ended_by).toBe((await admin.get('/api/me')).json().id);
    const again = await admin.post(`/api/role-assignments/${planned.id}/end`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error.fields.id).toMatch(/redan avslutad/);
    expect((await admin.get('/api/role-assignments?current=false')).json().items).toHaveLength(1);
    expect((await admin.post('/api/role-assignments/no-such/end', {})).statusCode).toBe(404);
    expect((await admin.post(`/api/role-assignments/${planned.id}/end`, { validTo: 'tomorrow' })).statusCode).toBe(400);
  });

  it('hands over atomically: one ends and the other starts, or neither', async () => {
    const chef: Assignment = (await assign(admin, { roleKey: 'chef', subjectId: unit.aldre, personId: 'p-anna', validFrom: '2025-01-01' })).json();
    const left = await admin.post(`/api/role-assignments/${chef.id}/handover`, { personId: 'p-left' });
    expect(left.json().error.fields.personId).toMatch(/har slutat/);
    expect((await admin.post(`/api/role-assignments/${chef.id}/handover`, { personId: 'p-anna' })).json().error.fields.personId).toMatch(/någon annan/);
    expect((await admin.post(`/api/role-assignments/${chef.id}/handover`, { personId: 'p-bjorn', date: '2024-12-31' })).json().error.fields.date).toMatch(/2025-01-01/);

    // A failure after the first write (here: the insert of the new holding) undoes the end too.
    if (dialect === 'sqlite') {
      await sql`create trigger fail_ra before insert on role_assignments when new.principal_id = 'p-bjorn' begin select raise(abort, 'boom'); end`.execute(h.handle.db);
    } else {
      await sql`create function fail_ra() returns trigger language plpgsql as $$ begin if new.principal_id = 'p-bjorn' then raise exception 'boom'; end if; return new; end $$`.execute(
        h.handle.db,
      );
      await sql`create trigger fail_ra before insert on role_assignments for each row execute function fail_ra()`.execute(h.handle.db);
    }
    const failed = await admin.post(`/api/role-assignments/${chef.id}/handover`, { personId: 'p-bjorn' });
    expect(failed.statusCode).toBe(500);
    expect(await rows()).toEqual([expect.objectContaining({ id: chef.id, valid_to: null, ended_at: null })]);
    await sql`drop trigger fail_ra${sql.raw(dialect === 'postgres' ? ' on role_assignments' : '')}`.execute(h.handle.db);

    const [a, b] = await Promise.all([
      admin.post(`/api/role-assignments/${chef.id}/handover`, { personId: 'p-bjorn' }),
      admin.post(`/api/role-assignments/${chef.id}/handover`, { personId: 'p-cecilia' }),
    ]);
    expect([a!.statusCode, b!.statusCode].sort()).toEqual([200, 409]);
    const { ended, started } = (a!.statusCode === 200 ? a : b)!.json();
    expect(ended).toMatchObject({ id: chef.id, validTo: today(), current: false, holder: { kind: 'person', id: 'p-anna' } });
    expect(started).toMatchObject({ roleKey: 'chef', subjectId: unit.aldre, validFrom: today(), validTo: null, current: true });
    const all = await rows();
    expect(all).toHaveLength(2);
    expect((await admin.get(`/api/role-assignments?subjectId=${unit.aldre}&current=true`)).json().items.map((x: Assignment) => x.id)).toEqual([started.id]);
    const audit = (await admin.get('/api/audit?entityType=role_assignment&limit=5')).json().items.map((e: { action: string }) => e.action);
    expect(audit.slice(0, 2)).toEqual(['handover', 'end']);
  });

  it("another förvaltning's assignments: 403 on writes, never in lists; pages by keyset", async () => {
    const skolaChef: Assignment = (await assign(admin, { roleKey: 'chef', subjectId: unit.skola, personId: 'p-cecilia' })).json();
    const sof = await scopedAdmin('sof@kommun.test', unit.sof!);
    expect((await assign(sof, { roleKey: 'chef', subjectId: unit.aldre, personId: 'p-anna' })).statusCode).toBe(201);
    const count = (await rows()).length;
    expect((await assign(sof, { roleKey: 'chef', subjectId: unit.utb, personId: 'p-cecilia' })).statusCode).toBe(403);
    expect((await assign(sof, { roleKey: 'it_chef', subjectId: unit.kommun, personId: 'p-anna' })).statusCode).toBe(403);
    expect((await sof.post(`/api/role-assignments/${skolaChef.id}/end`, {})).statusCode).toBe(403);
    expect((await sof.post(`/api/role-assignments/${skolaChef.id}/handover`, { personId: 'p-bjorn' })).statusCode).toBe(403);
    expect(await rows()).toHaveLength(count);
    expect((await rows()).find((r) => r.id === skolaChef.id)!.valid_to).toBeNull();
    const visible = (await sof.get('/api/role-assignments?limit=100')).json().items as Assignment[];
    expect(visible.map((a) => a.subjectName)).toEqual(['Äldreomsorg']);
    expect((await sof.get(`/api/role-assignments?subjectId=${unit.skola}`)).json().items).toEqual([]);

    for (const [i, d] of ['2024-01-01', '2024-02-01', '2024-03-01'].entries()) {
      await assign(admin, { roleKey: 'driftansvarig', subjectId: unit.kommun, personId: ['p-anna', 'p-bjorn', 'p-cecilia'][i], validFrom: d });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Assignment[]; nextCursor: string | null } = (await admin.get(`/api/role-assignments?limit=2${cursor ? `&cursor=${cursor}` : ''}`)).json();
      seen.push(...page.items.map((a) => a.validFrom));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(5);
    expect(seen.slice(2)).toEqual(['2024-03-01', '2024-02-01', '2024-01-01']);
    const reviewer = await addUser(h, admin, 'rev@kommun.test', 'reviewer');
    expect((await reviewer.get('/api/role-assignments')).json().items).toHaveLength(5);
    expect((await assign(reviewer, { roleKey: 'chef', subjectId: unit.sof, personId: 'p-anna' })).statusCode).toBe(403);
  });
});
