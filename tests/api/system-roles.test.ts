import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { grantOnUnit, insertKommun } from '../fixtures/org.ts';
import { type Agent, addUser, createHarness, dialects, setupAdmin, type Harness } from './harness.ts';
import { sortKey } from '../../server/platform/text.ts';

/** Roles held on systems (systemägare, systemförvaltare, …) through /api/role-assignments with subjectKind system. */
describe.each(dialects())('roles on systems (%s)', (dialect) => {
  let h: Harness;
  let admin: Agent;
  let procapita: string;
  let skolsystem: string;
  beforeEach(async () => {
    h = await createHarness(dialect);
    admin = await setupAdmin(h);
    await insertKommun(h.handle.db);
    const at = h.clock.now().toISOString();
    const person = (id: string, name: string, status: 'active' | 'left', home: string) => ({
      id, name, name_search: name.toLocaleLowerCase('sv-SE'), name_sort: sortKey(name.toLocaleLowerCase('sv-SE')), email: null, title: null, home_unit_id: home, manager_id: null,
      status, left_at: null, external_id: null, version: 1, created_at: at, updated_at: at,
    });
    await h.handle.db.insertInto('people').values([
      person('p-sara', 'Sara Systemägare', 'active', 'soc'),
      person('p-fred', 'Fredrik Förvaltare', 'active', 'hem'),
      person('p-ulla', 'Ulla Utbildning', 'active', 'skola'),
      person('p-left', 'Lars Lämnat', 'left', 'soc'),
    ]).execute();
    const create = async (name: string, owningUnitId: string) => {
      const res = await admin.post('/api/systems', { name, kind: 'business', owningUnitId });
      if (res.statusCode !== 201) throw new Error(res.body);
      return res.json().id as string;
    };
    procapita = await create('Procapita', 'soc');
    skolsystem = await create('Skolsystemet', 'utb');
  });
  afterEach(async () => h.close());

  const assign = (agent: Agent, body: object) => agent.post('/api/role-assignments', { subjectKind: 'system', ...body });
  const holders = async (systemId: string, as: Agent = admin) =>
    (await as.get(`/api/role-assignments?subjectKind=system&subjectId=${systemId}&current=true`)).json().items.map(
      (a: { roleKey: string; holder: { name: string } }) => `${a.roleKey}:${a.holder.name}`,
    );
  /** A user (app role user) linked to a person, with a grant on a unit. */
  async function userAs(email: string, personId: string, unitId: string): Promise<Agent> {
    const agent = await addUser(h, admin, email, 'user');
    await grantOnUnit(h.handle.db, email, 'user', unitId);
    await h.handle.db.updateTable('users').set({ person_id: personId }).where('email', '=', email).execute();
    return agent;
  }

  it('assigns system roles with the system as subject; the system page and the person page show them', async () => {
    const res = await assign(admin, { roleKey: 'systemagare', subjectId: procapita, personId: 'p-sara' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ roleKey: 'systemagare', subjectKind: 'system', subjectId: procapita, subjectName: 'Procapita', current: true });
    expect(await holders(procapita)).toEqual(['systemagare:Sara Systemägare']);
    const system = (await admin.get(`/api/systems/${procapita}`)).json();
    expect(system.holders).toEqual([{ roleKey: 'systemagare', holder: { kind: 'person', id: 'p-sara', name: 'Sara Systemägare', status: 'active', contact: null } }]);
    const person = (await admin.get('/api/people/p-sara')).json();
    expect(person.roles).toEqual([expect.objectContaining({ subjectKind: 'system', subjectName: 'Procapita' })]);
    // maxHolders 1 for systemägare: a second is refused with a hint to hand over.
    const second = await assign(admin, { roleKey: 'systemagare', subjectId: procapita, personId: 'p-fred' });
    expect(second.statusCode).toBe(400);
    expect(second.json().error.fields.personId).toMatch(/överlämning/);
    // Handover keeps one holder.
    const handover = await admin.post(`/api/role-assignments/${res.json().id}/handover`, { personId: 'p-fred' });
    expect(handover.statusCode, handover.body).toBe(200);
    expect(await holders(procapita)).toEqual(['systemagare:Fredrik Förvaltare']);
  });

  it('refuses roles that do not fit a system, unknown and retired systems, and people who left; writes nothing', async () => {
    const count = async () => (await h.handle.db.selectFrom('role_assignments').select('id').execute()).length;
    const expectField = async (body: object, field: string, text: RegExp, status = 400) => {
      const res = await assign(admin, body);
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json().error.fields[field]).toMatch(text);
    };
    await expectField({ roleKey: 'chef', subjectId: procapita, personId: 'p-sara' }, 'roleKey', /kan inte innehas på ett system/);
    await expectField({ roleKey: 'systemagare', subjectId: 'no-such-system', personId: 'p-sara' }, 'subjectId', /Systemet finns inte/);
    await expectField({ roleKey: 'systemagare', subjectId: procapita, personId: 'p-left' }, 'personId', /slutat/);
    const version = (await admin.get(`/api/systems/${procapita}`)).json().version;
    expect((await admin.post(`/api/systems/${procapita}/lifecycle`, { version, lifecycle: 'retired' })).statusCode).toBe(200);
    await expectField({ roleKey: 'systemagare', subjectId: procapita, personId: 'p-sara' }, 'subjectId', /avvecklat/);
    expect(await count()).toBe(0);
  });

  it('a systemförvaltare manages roles on their own system only; another förvaltning sees nothing', async () => {
    expect((await assign(admin, { roleKey: 'systemforvaltare', subjectId: procapita, personId: 'p-fred' })).statusCode).toBe(201);
    // Fredrik is a user in Hemtjänsten (under Socialförvaltningen) and förvaltare of Procapita.
    const fred = await userAs('fred@kommun.test', 'p-fred', 'hem');
    const own = await assign(fred, { roleKey: 'systemagare', subjectId: procapita, personId: 'p-sara' });
    expect(own.statusCode, own.body).toBe(201);
    // Not his system (another förvaltning's, invisible to him): as if it did not exist.
    const other = await assign(fred, { roleKey: 'systemagare', subjectId: skolsystem, personId: 'p-sara' });
    expect(other.statusCode).toBe(400);
    expect(other.json().error.fields.subjectId).toMatch(/finns inte/);
    expect(await holders(skolsystem, fred)).toEqual([]);
    // Ulla, a user in Utbildningsförvaltningen without a role, sees the school system but may not manage its roles.
    const ulla = await userAs('ulla@kommun.test', 'p-ulla', 'utb');
    expect((await assign(ulla, { roleKey: 'systemagare', subjectId: skolsystem, personId: 'p-ulla' })).statusCode).toBe(403);
    expect(await holders(procapita, ulla)).toEqual([]);
    const all = (await ulla.get('/api/role-assignments')).json().items;
    expect(all).toEqual([]);
    // A reviewer reads every holder but changes nothing.
    const reviewer = await addUser(h, admin, 'granskare@kommun.test', 'reviewer');
    expect(await holders(procapita, reviewer)).toEqual(['systemagare:Sara Systemägare', 'systemforvaltare:Fredrik Förvaltare']);
    expect((await assign(reviewer, { roleKey: 'systemagare', subjectId: skolsystem, personId: 'p-ulla' })).statusCode).toBe(403);
  });

  it('takes a system into operation once the required roles are held', async () => {
    const lifecycle = async () => {
      const { version } = (await admin.get(`/api/systems/${procapita}`)).json();
      return admin.post(`/api/systems/${procapita}/lifecycle`, { version, lifecycle: 'in_operation' });
    };
    const refused = await lifecycle();
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.fields.lifecycle).toMatch(/Systemägare, Systemförvaltare, Driftansvarig/);
    for (const [roleKey, personId] of [['systemagare', 'p-sara'], ['systemforvaltare', 'p-fred'], ['driftansvarig', 'p-fred']] as const) {
      expect((await assign(admin, { roleKey, subjectId: procapita, personId })).statusCode).toBe(201);
    }
    const ok = await lifecycle();
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().lifecycle).toBe('in_operation');
  });
});
