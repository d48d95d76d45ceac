import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { subjectResponsibilitiesSchema } from '../../server/modules/policy/index.ts';
import { systemSchema, systemsPage } from '../../server/modules/systems/schemas.ts';
import { grantOnUnit, insertUnit } from '../fixtures/org.ts';
import {
  assignRole, auditOf, createSystem, errorOf, expectBody, insertPerson, insertSystemsKommun, linkUserToPerson, registerCounts, systemsApi,
  type SystemJson,
} from '../fixtures/systems.ts';
import { type Agent, addUser, createHarness, dialects, setupAdmin, type Harness } from './harness.ts';

describe.each(dialects())('system register: who sees and changes what, concurrent edits (%s)', (dialect) => {
  let h: Harness;
  let admin: Agent;
  /** name → system. */
  let s: Record<string, SystemJson>;
  beforeEach(async () => {
    h = await createHarness(dialect);
    admin = await setupAdmin(h);
    await insertSystemsKommun(h.handle.db);
    s = {};
    const add = async (key: string, body: Record<string, unknown>) => (s[key] = await createSystem(admin, body));
    await add('soc', { name: 'Procapita', owningUnitId: 'hem', hosting: 'internal_it', criticality: 'high' });
    await add('secret', { name: 'Hemlig elevdatabas', aliases: ['Elevregistret'], owningUnitId: 'skola', hosting: 'saas', criticality: 'high' });
    await add('utb', { name: 'Skolportalen', owningUnitId: 'utb', hosting: 'saas' });
    await add('shared', { name: 'Ärendehantering', owningUnitId: 'klf', kommungemensamt: true });
    await add('used', { name: 'Lönesystem', owningUnitId: 'klf', usingUnitIds: ['hem'] });
    await add('other', { name: 'Växel', owningUnitId: 'klf' });
  });
  afterEach(async () => h.close());

  const db = () => h.handle.db;
  const names = async (agent: Agent, qs = '') =>
    expectBody(await systemsApi(agent).list(`limit=500${qs ? `&${qs}` : ''}`), 200, systemsPage).items.map((x) => x.name).sort();
  const socUser = async (): Promise<Agent> => {
    const agent = await addUser(h, admin, 'soc.user@kommun.test', 'user');
    await grantOnUnit(db(), 'soc.user@kommun.test', 'user', 'soc');
    return agent;
  };
  const fresh = async (key: string) => expectBody(await systemsApi(admin).get(s[key]!.id), 200, systemSchema);

  it("a user of one förvaltning sees its systems and the shared ones it uses, never another förvaltning's", async () => {
    const user = await socUser();
    const api = systemsApi(user);
    const visible = ['Lönesystem', 'Procapita', 'Ärendehantering'];
    expect(await names(user)).toEqual(visible);
    for (const qs of ['q=hemlig', 'q=elevregistret', `q=${s.secret!.registerNo}`, 'q=skolportalen', 'unitId=utb', 'unitId=skola', 'hosting=saas', 'criticality=high&unitId=kommun']) {
      expect(await names(user, qs), qs).toEqual(qs.startsWith('criticality') ? ['Procapita'] : []);
    }
    expect(await names(user, 'unitId=kommun')).toEqual(visible);
    expect(await names(user, 'unitId=soc')).toEqual(['Lönesystem', 'Procapita']);
    expect(await names(user, 'kommungemensamt=true')).toEqual(['Ärendehantering']);
    for (const sort of ['name', 'registerNo', 'updatedAt', 'confirmedAt']) {
      const first = expectBody(await api.list(`sort=${sort}&limit=1`), 200, systemsPage);
      const rest = expectBody(await api.list(`sort=${sort}&limit=5&cursor=${first.nextCursor}`), 200, systemsPage);
      expect([...first.items, ...rest.items].map((x) => x.name).sort(), sort).toEqual(visible);
      expect(rest.nextCursor).toBeNull();
      // The total counts what this caller sees, on the first page only.
      expect([first.total, rest.total], sort).toEqual([visible.length, null]);
    }

    for (const key of ['secret', 'utb', 'other']) {
      const res = await api.get(s[key]!.id);
      expect(res.statusCode).toBe(404);
      expect(errorOf(res).code).toBe('not_found');
      expect((await api.responsibilities(s[key]!.id)).statusCode).toBe(404);
    }
    for (const key of ['soc', 'shared', 'used']) {
      const one = expectBody(await api.get(s[key]!.id), 200, systemSchema);
      expect(one.can).toEqual({ edit: false, confirm: false }); // reading is not changing: no role on the system
      expect(one.transitions).toEqual([]);
      expectBody(await api.responsibilities(s[key]!.id), 200, subjectResponsibilitiesSchema);
    }

    // Nothing outside the förvaltning may be registered or changed.
    const before = await registerCounts(db());
    expect((await api.create({ name: 'Smygsystem', kind: 'business', owningUnitId: 'utb' })).statusCode).toBe(403);
    expect((await api.create({ name: 'Smygsystem', kind: 'business', owningUnitId: 'kommun' })).statusCode).toBe(403);
    const writes = [
      await api.patch(s.secret!.id, { version: 1, name: 'Hackad' }),
      await api.lifecycle(s.secret!.id, 1, 'retired'),
      await api.confirm(s.secret!.id, 1),
      await api.addDependency(s.secret!.id, { dependsOnId: s.soc!.id }),
      await api.removeDependency(s.secret!.id, s.soc!.id),
      await api.patch(s.shared!.id, { version: 1, name: 'Hackad' }),
      await api.patch(s.soc!.id, { version: 1, name: 'Hackad' }),
    ];
    for (const res of writes) {
      expect(res.statusCode, res.body).toBe(403);
      expect(errorOf(res).code).toBe('forbidden');
    }
    expect(await registerCounts(db())).toEqual(before);
    expect(await fresh('secret')).toEqual(s.secret);
    expect(await fresh('soc')).toEqual(s.soc);

    // Registering for a unit of its own förvaltning is allowed.
    const own = expectBody(await api.create({ name: 'Trygghetslarm', kind: 'business', owningUnitId: 'hem' }), 201, systemSchema);
    expect(own.owningUnit.id).toBe('hem');
    expect(await names(user)).toEqual([...visible, 'Trygghetslarm'].sort());
  });

  it("another kommun in the installation sees none of this kommun's systems, not even the kommungemensamma", async () => {
    // An IT-samverkan: a second kommun as a second root, with a common system of its own.
    await insertUnit(db(), { id: 'kommun2', name: 'Grannby kommun', kind: 'kommun' });
    await insertUnit(db(), { id: 'ks2', name: 'Kommunstyrelsen', parentId: 'kommun2', kind: 'kommunstyrelse' });
    await insertUnit(db(), { id: 'soc2', name: 'Socialförvaltningen', parentId: 'ks2', kind: 'forvaltning' });
    const theirs = await createSystem(admin, { name: 'Grannbys e-tjänster', owningUnitId: 'ks2', kommungemensamt: true });
    const neighbour = await addUser(h, admin, 'soc2.user@kommun.test', 'user');
    await grantOnUnit(db(), 'soc2.user@kommun.test', 'user', 'soc2');
    const mine = await socUser();

    expect(await names(neighbour)).toEqual(['Grannbys e-tjänster']);
    expect(await names(neighbour, 'kommungemensamt=true')).toEqual(['Grannbys e-tjänster']);
    expect(await names(mine)).toEqual(['Lönesystem', 'Procapita', 'Ärendehantering']);
    expect((await systemsApi(neighbour).get(s.shared!.id)).statusCode).toBe(404);
    expect((await systemsApi(mine).get(theirs.id)).statusCode).toBe(404);
    expect((await systemsApi(neighbour).get(theirs.id)).statusCode).toBe(200);
    // Nor do the findings about it reach the other kommun.
    const findings = await neighbour.get('/api/findings?limit=500');
    expect(findings.statusCode).toBe(200);
    expect(findings.body).not.toContain(s.shared!.id);
    expect(findings.body).toContain(theirs.id);
  });

  it('does not leak systems of another förvaltning through dependencies', async () => {
    const adminApi = systemsApi(admin);
    expectBody(await adminApi.addDependency(s.soc!.id, { dependsOnId: s.secret!.id, description: 'Elevuppgifter' }), 200, systemSchema);
    expectBody(await adminApi.addDependency(s.secret!.id, { dependsOnId: s.used!.id }), 200, systemSchema);
    expectBody(await adminApi.addDependency(s.soc!.id, { dependsOnId: s.shared!.id }), 200, systemSchema);
    const user = await socUser();
    const api = systemsApi(user);
    const soc = expectBody(await api.get(s.soc!.id), 200, systemSchema);
    expect(soc.dependencies.map((d) => d.name)).toEqual(['Ärendehantering']);
    const used = expectBody(await api.get(s.used!.id), 200, systemSchema);
    expect(used.dependents).toEqual([]);
    expect(JSON.stringify([soc, used])).not.toMatch(/Hemlig|Elevuppgifter/);
    // The administrator sees every link.
    expect((await fresh('soc')).dependencies.map((d) => d.name)).toEqual(['Hemlig elevdatabas', 'Ärendehantering']);
    expect((await fresh('used')).dependents.map((d) => d.name)).toEqual(['Hemlig elevdatabas']);
    // A system the user cannot see cannot be named as a dependency either.
    await assignRole(db(), { roleKey: 'systemforvaltare', personId: await insertPerson(db(), { id: 'p-f', name: 'Frida Förvaltare' }), systemId: s.used!.id });
    await linkUserToPerson(db(), 'soc.user@kommun.test', 'p-f');
    const hidden = await api.addDependency(s.used!.id, { dependsOnId: s.utb!.id });
    expect(hidden.statusCode).toBe(400);
    expect(errorOf(hidden).fields).toEqual({ dependsOnId: 'Systemet finns inte.' });
  });

  it('a systemförvaltare edits their own system only; a role on a system makes it visible', async () => {
    const user = await socUser();
    const api = systemsApi(user);
    await insertPerson(db(), { id: 'p-frida', name: 'Frida Förvaltare', homeUnitId: 'hem' });
    await linkUserToPerson(db(), 'soc.user@kommun.test', 'p-frida');
    const sf = await assignRole(db(), { roleKey: 'systemforvaltare', personId: 'p-frida', systemId: s.soc!.id });
    await assignRole(db(), { roleKey: 'systemagare', personId: 'p-frida', systemId: s.utb!.id });
    await assignRole(db(), { roleKey: 'teknisk_forvaltare', personId: 'p-frida', systemId: s.used!.id });

    const own = expectBody(await api.get(s.soc!.id), 200, systemSchema);
    expect(own).toMatchObject({ can: { edit: true, confirm: true }, transitions: ['implementing', 'in_operation', 'retired'] });
    expect(own.holders).toEqual([{ roleKey: 'systemforvaltare', holder: { kind: 'person', id: 'p-frida', name: 'Frida Förvaltare', status: 'active', contact: null } }]);
    const changed = expectBody(await api.patch(s.soc!.id, { version: 1, userCount: 120, purpose: 'Dokumentation' }), 200, systemSchema);
    expect(changed).toMatchObject({ userCount: 120, purpose: 'Dokumentation', version: 2 });
    expect(expectBody(await api.confirm(s.soc!.id, 2), 200, systemSchema).confirmedAt).toBe(h.clock.now().toISOString());
    expect(expectBody(await api.lifecycle(s.soc!.id, 3, 'implementing'), 200, systemSchema).lifecycle).toBe('implementing');
    expect(expectBody(await api.addDependency(s.soc!.id, { dependsOnId: s.shared!.id }), 200, systemSchema).dependencies).toHaveLength(1);
    expect(expectBody(await api.removeDependency(s.soc!.id, s.shared!.id), 200, systemSchema).dependencies).toEqual([]);
    const actor = await db().selectFrom('users').select('id').where('email', '=', 'soc.user@kommun.test').executeTakeFirstOrThrow();
    const events = await db().selectFrom('audit_events').select('action').where('entity_id', '=', s.soc!.id).where('actor_id', '=', actor.id).execute();
    expect(events.map((e) => e.action)).toEqual(['update', 'confirm', 'change_lifecycle', 'add_dependency', 'remove_dependency']);
    // Not to another förvaltning, though: moving the system there needs the right to register systems there.
    expect((await api.patch(s.soc!.id, { version: 4, owningUnitId: 'utb' })).statusCode).toBe(403);

    // The systemägare role on a system of another förvaltning makes it visible and editable; nothing else there is.
    expect(await names(user)).toEqual(['Lönesystem', 'Procapita', 'Skolportalen', 'Ärendehantering']);
    expect(expectBody(await api.patch(s.utb!.id, { version: 1, note: 'Ses över i vår' }), 200, systemSchema).note).toBe('Ses över i vår');
    expect((await api.get(s.secret!.id)).statusCode).toBe(404);
    // A role that is not an editor role (teknisk förvaltare) gives no change rights; nor does another system's role.
    const before = await registerCounts(db());
    for (const res of [
      await api.patch(s.used!.id, { version: 1, note: 'X' }),
      await api.patch(s.shared!.id, { version: 1, note: 'X' }),
      await api.patch(s.secret!.id, { version: 1, note: 'X' }),
      await api.confirm(s.used!.id, 1),
    ]) expect(res.statusCode, res.body).toBe(403);
    expect(await registerCounts(db())).toEqual(before);

    // When the assignment ends, so do the rights.
    await db().updateTable('role_assignments').set({ valid_to: '2020-06-01' }).where('id', '=', sf).execute();
    expect((await api.patch(s.soc!.id, { version: 4, note: 'X' })).statusCode).toBe(403);
    expect(expectBody(await api.get(s.soc!.id), 200, systemSchema).can.edit).toBe(false);
  });

  it('a granskare sees everything read-only; an administrator of one förvaltning changes only its systems', async () => {
    const reviewer = await addUser(h, admin, 'granskare@kommun.test', 'reviewer');
    const api = systemsApi(reviewer);
    expect(await names(reviewer)).toEqual(Object.values(s).map((x) => x.name).sort());
    for (const key of Object.keys(s)) {
      const one = expectBody(await api.get(s[key]!.id), 200, systemSchema);
      expect(one).toMatchObject({ can: { edit: false, confirm: false }, transitions: [] });
      expectBody(await api.responsibilities(s[key]!.id), 200, subjectResponsibilitiesSchema);
    }
    const before = await registerCounts(db());
    for (const res of [
      await api.create({ name: 'X', kind: 'business', owningUnitId: 'soc' }),
      await api.patch(s.soc!.id, { version: 1, name: 'X' }),
      await api.lifecycle(s.soc!.id, 1, 'implementing'),
      await api.confirm(s.soc!.id, 1),
      await api.addDependency(s.soc!.id, { dependsOnId: s.shared!.id }),
      await api.removeDependency(s.soc!.id, s.shared!.id),
    ]) {
      expect(res.statusCode, res.body).toBe(403);
    }
    expect(await registerCounts(db())).toEqual(before);

    const socAdmin = await addUser(h, admin, 'soc.admin@kommun.test', 'administrator');
    await grantOnUnit(db(), 'soc.admin@kommun.test', 'administrator', 'soc');
    const sa = systemsApi(socAdmin);
    expect(await names(socAdmin)).toEqual(['Lönesystem', 'Procapita', 'Ärendehantering']);
    expect(expectBody(await sa.get(s.soc!.id), 200, systemSchema).can).toEqual({ edit: true, confirm: true });
    expect(expectBody(await sa.get(s.used!.id), 200, systemSchema).can).toEqual({ edit: false, confirm: false });
    expect(expectBody(await sa.patch(s.soc!.id, { version: 1, note: 'Granskad' }), 200, systemSchema).version).toBe(2);
    expect((await sa.patch(s.used!.id, { version: 1, note: 'X' })).statusCode).toBe(403);
    expect((await sa.patch(s.utb!.id, { version: 1, note: 'X' })).statusCode).toBe(403);
    expect((await sa.get(s.utb!.id)).statusCode).toBe(404);
    expect((await sa.patch(s.soc!.id, { version: 2, owningUnitId: 'utb' })).statusCode).toBe(403);
    expect(expectBody(await sa.create({ name: 'Hemtjänstplanering', kind: 'business', owningUnitId: 'hem' }), 201, systemSchema).can.edit).toBe(true);
  });

  it('of two edits from the same version exactly one wins; concurrent registrations get distinct numbers', async () => {
    const other = await addUser(h, admin, 'other.admin@kommun.test', 'administrator');
    const id = s.soc!.id;
    const both = await Promise.all([
      systemsApi(admin).patch(id, { version: 1, name: 'Procapita A' }),
      systemsApi(other).patch(id, { version: 1, name: 'Procapita B', userCount: 7 }),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const winner = expectBody(both.find((r) => r.statusCode === 200)!, 200, systemSchema);
    expect(errorOf(both.find((r) => r.statusCode === 409)!).code).toBe('conflict');
    const stored = await fresh('soc');
    expect(stored).toMatchObject({ name: winner.name, userCount: winner.userCount, version: 2 });
    expect((await auditOf(db(), id)).filter((e) => e.action === 'update')).toHaveLength(1);

    // A patch racing a lifecycle change or a confirmation from the same version: one of them.
    const race = await Promise.all([
      systemsApi(admin).lifecycle(id, 2, 'implementing'),
      systemsApi(other).confirm(id, 2),
      systemsApi(other).patch(id, { version: 2, note: 'Samtidigt' }),
    ]);
    expect(race.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
    expect((await fresh('soc')).version).toBe(3);

    const created = await Promise.all(
      Array.from({ length: 6 }, (_, i) => (i % 2 ? other : admin).post('/api/systems', { name: `Samtidig ${i}`, kind: 'program', owningUnitId: 'soc' })),
    );
    expect(created.map((r) => r.statusCode)).toEqual(Array(6).fill(201));
    const numbers = created.map((r) => expectBody(r, 201, systemSchema).registerNo).sort();
    expect(numbers).toEqual(['SYS-0007', 'SYS-0008', 'SYS-0009', 'SYS-0010', 'SYS-0011', 'SYS-0012']);
    const stored2 = await db().selectFrom('systems').select('register_no').execute();
    expect(new Set(stored2.map((r) => Number(r.register_no))).size).toBe(12);
  });
});
