import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemSchema, systemsPage } from '../../server/modules/systems/schemas.ts';
import {
  assignRole, auditOf, createSystem, errorOf, expectBody, insertPerson, insertSystemsKommun, registerCounts, systemsApi, type SystemJson,
} from '../fixtures/systems.ts';
import { type Agent, createHarness, dialects, setupAdmin, type Harness } from './harness.ts';

const EN = { 'accept-language': 'en' };
const ALL_ROLES_SV = 'Systemägare, Systemförvaltare, Driftansvarig – IT-driftsledare';

describe.each(dialects())('system register: lifecycle and dependencies (%s)', (dialect) => {
  let h: Harness;
  let admin: Agent;
  let api: ReturnType<typeof systemsApi>;
  beforeEach(async () => {
    h = await createHarness(dialect);
    admin = await setupAdmin(h);
    api = systemsApi(admin);
    await insertSystemsKommun(h.handle.db);
    await insertPerson(h.handle.db, { id: 'p-agare', name: 'Agnes Ägare', homeUnitId: 'soc' });
    await insertPerson(h.handle.db, { id: 'p-forv', name: 'Fredrik Förvaltare', homeUnitId: 'soc' });
    await insertPerson(h.handle.db, { id: 'p-drift', name: 'Dora Drift', homeUnitId: 'it' });
    await insertPerson(h.handle.db, { id: 'p-left', name: 'Lars Lämnat', homeUnitId: 'it', status: 'left' });
  });
  afterEach(async () => h.close());

  const db = () => h.handle.db;
  const move = async (sys: { id: string }, version: number, lifecycle: string, status = 200) => {
    const res = await api.lifecycle(sys.id, version, lifecycle);
    expect(res.statusCode, res.body).toBe(status);
    return res;
  };
  const moved = async (sys: { id: string }, version: number, lifecycle: string): Promise<SystemJson> =>
    expectBody(await move(sys, version, lifecycle), 200, systemSchema);
  const refusal = async (sys: { id: string }, version: number, lifecycle: string, headers?: Record<string, string>) => {
    const res = await api.lifecycle(sys.id, version, lifecycle, headers);
    expect(res.statusCode, res.body).toBe(409);
    const err = errorOf(res);
    expect(err.code).toBe('refused');
    return err.fields!.lifecycle!;
  };
  const staff = async (systemId: string, roles: Array<[string, string]>) => {
    for (const [roleKey, personId] of roles) await assignRole(db(), { roleKey, personId, systemId });
  };

  it('moves along the allowed transitions and refuses the others with an explanation', async () => {
    const sys = await createSystem(admin, { name: 'Procapita', owningUnitId: 'soc', hosting: 'saas' });
    const impl = await moved(sys, 1, 'implementing');
    expect(impl).toMatchObject({ lifecycle: 'implementing', version: 2, transitions: ['planned', 'in_operation', 'retired'], retiredAt: null });
    expect((await auditOf(db(), sys.id)).at(-1)).toEqual({ action: 'change_lifecycle', before: { lifecycle: 'planned' }, after: { lifecycle: 'implementing' } });

    const before = await registerCounts(db());
    expect(await refusal(sys, 2, 'retiring')).toBe('Livscykeln kan inte gå från under införande till under avveckling.');
    expect(await refusal(sys, 2, 'retiring', EN)).toBe('The lifecycle cannot go from being implemented to being retired.');
    // The same state again is no change.
    expect(expectBody(await move(sys, 2, 'implementing'), 200, systemSchema)).toMatchObject({ lifecycle: 'implementing', version: 2 });
    expect((await move(sys, 1, 'planned', 409)).json().error.code).toBe('conflict');
    expect((await api.lifecycle('no-such-system', 1, 'planned')).statusCode).toBe(404);

    // I drift needs a systemägare, a systemförvaltare and a driftansvarig.
    expect(await refusal(sys, 2, 'in_operation')).toBe(`Systemet kan inte tas i drift förrän någon har rollen: ${ALL_ROLES_SV}.`);
    expect(await refusal(sys, 2, 'in_operation', EN)).toBe(
      'The system cannot go into operation until someone holds the role: System owner, System administrator, Operations lead – IT operations manager.',
    );
    await staff(sys.id, [['systemagare', 'p-agare']]);
    expect(await refusal(sys, 2, 'in_operation')).toBe('Systemet kan inte tas i drift förrän någon har rollen: Systemförvaltare, Driftansvarig – IT-driftsledare.');
    expect(await registerCounts(db())).toEqual(before);
    await staff(sys.id, [['systemforvaltare', 'p-forv'], ['driftansvarig', 'p-drift']]);
    const running = await moved(sys, 2, 'in_operation');
    expect(running).toMatchObject({ lifecycle: 'in_operation', version: 3, transitions: ['retiring'] });
    expect(running.holders.map((x) => `${x.roleKey}:${x.holder.name}`).sort()).toEqual([
      'driftansvarig:Dora Drift', 'systemagare:Agnes Ägare', 'systemforvaltare:Fredrik Förvaltare',
    ]);

    expect(await refusal(sys, 3, 'planned')).toBe('Livscykeln kan inte gå från i drift till planerad.');
    expect(await refusal(sys, 3, 'retired')).toBe('Livscykeln kan inte gå från i drift till avvecklad.');
    expect((await moved(sys, 3, 'retiring')).transitions).toEqual(['in_operation', 'retired']);
    expect((await moved(sys, 4, 'in_operation')).lifecycle).toBe('in_operation');
    await moved(sys, 5, 'retiring');
    const retired = await moved(sys, 6, 'retired');
    expect(retired).toMatchObject({ lifecycle: 'retired', retiredAt: h.clock.now().toISOString(), transitions: [], can: { edit: false, confirm: false }, version: 7 });
    expect((await auditOf(db(), sys.id)).at(-1)).toEqual({ action: 'retire', before: { lifecycle: 'retiring' }, after: { lifecycle: 'retired' } });
    expect((await auditOf(db(), sys.id)).map((e) => e.action)).toEqual([
      'create', 'change_lifecycle', 'change_lifecycle', 'change_lifecycle', 'change_lifecycle', 'change_lifecycle', 'retire',
    ]);

    // A planned system may also be given up directly.
    const idea = await createSystem(admin, { name: 'Idé', owningUnitId: 'soc' });
    expect((await moved(idea, 1, 'retired')).lifecycle).toBe('retired');
  });

  it('an avvecklad system is final and read-only, and is never deleted', async () => {
    const other = await createSystem(admin, { name: 'Katalogtjänst', owningUnitId: 'klf' });
    const sys = await createSystem(admin, { name: 'Gamla ekonomisystemet', owningUnitId: 'soc' });
    expectBody(await api.addDependency(sys.id, { dependsOnId: other.id }), 200, systemSchema);
    const retired = await moved(sys, 1, 'retired');
    const before = await registerCounts(db());

    for (const res of [
      await api.patch(sys.id, { version: retired.version, name: 'Nytt namn' }),
      await api.confirm(sys.id, retired.version),
      await api.addDependency(sys.id, { dependsOnId: other.id, description: 'x' }),
      await api.removeDependency(sys.id, other.id),
    ]) {
      expect(res.statusCode, res.body).toBe(409);
      expect(errorOf(res)).toMatchObject({ code: 'refused', fields: { lifecycle: 'Systemet är avvecklat. Ett avvecklat system kan inte ändras.' } });
    }
    const en = await admin.request('PATCH', `/api/systems/${sys.id}`, { version: retired.version, name: 'X' }, { headers: EN });
    expect(errorOf(en).fields).toEqual({ lifecycle: 'The system is retired. A retired system cannot be changed.' });
    for (const to of ['planned', 'implementing', 'in_operation', 'retiring']) expect((await api.lifecycle(sys.id, retired.version, to)).statusCode).toBe(409);
    expect(await registerCounts(db())).toEqual(before);

    expect(expectBody(await api.get(sys.id), 200, systemSchema)).toEqual(retired);
    const list = expectBody(await api.list('lifecycle=retired'), 200, systemsPage);
    expect(list.items.map((x) => x.id)).toEqual([sys.id]);
    expect(expectBody(await api.get(other.id), 200, systemSchema).dependents.map((d) => [d.id, d.lifecycle])).toEqual([[sys.id, 'retired']]);
  });

  it('counts the kommun’s driftansvarig for systems the IT unit runs, and never a holder who has left', async () => {
    await assignRole(db(), { roleKey: 'driftansvarig', personId: 'p-drift', unitId: 'kommun' });
    const internal = await createSystem(admin, { name: 'Procapita', owningUnitId: 'hem', hosting: 'internal_it' });
    const saas = await createSystem(admin, { name: 'Skolportalen', owningUnitId: 'skola', hosting: 'saas' });
    const supplier = await createSystem(admin, { name: 'Lönesystem', owningUnitId: 'klf', hosting: 'internal_supplier' });
    for (const sys of [internal, saas, supplier]) await staff(sys.id, [['systemagare', 'p-agare'], ['systemforvaltare', 'p-forv']]);

    expect((await moved(internal, 1, 'in_operation')).lifecycle).toBe('in_operation');
    // Outside the IT unit's operation the kommun's holder does not count.
    expect(await refusal(saas, 1, 'in_operation')).toBe('Systemet kan inte tas i drift förrän någon har rollen: Driftansvarig – IT-driftsledare.');
    expect(await refusal(supplier, 1, 'in_operation')).toMatch(/Driftansvarig/);

    // A holder who has left does not count, on the system or on the kommun.
    await staff(saas.id, [['driftansvarig', 'p-left']]);
    expect(await refusal(saas, 1, 'in_operation')).toMatch(/Driftansvarig/);
    const second = await createSystem(admin, { name: 'Journalsystem', owningUnitId: 'hem', hosting: 'internal_it' });
    await staff(second.id, [['systemagare', 'p-agare'], ['systemforvaltare', 'p-left']]);
    expect(await refusal(second, 1, 'in_operation')).toBe('Systemet kan inte tas i drift förrän någon har rollen: Systemförvaltare.');
    await db().updateTable('role_assignments').set({ valid_to: '2021-01-01' }).where('subject_id', '=', 'kommun').execute();
    await assignRole(db(), { roleKey: 'driftansvarig', personId: 'p-left', unitId: 'kommun' });
    await staff(second.id, [['systemforvaltare', 'p-forv']]);
    expect(await refusal(second, 1, 'in_operation')).toBe('Systemet kan inte tas i drift förrän någon har rollen: Driftansvarig – IT-driftsledare.');
    // An ended assignment does not count either; a driftansvarig on another unit than the kommun is not the kommun's.
    await assignRole(db(), { roleKey: 'driftansvarig', personId: 'p-drift', unitId: 'it' });
    await assignRole(db(), { roleKey: 'driftansvarig', personId: 'p-drift', systemId: second.id, validFrom: '2019-01-01', validTo: '2020-01-01' });
    expect(await refusal(second, 1, 'in_operation')).toMatch(/Driftansvarig/);
    await assignRole(db(), { roleKey: 'driftansvarig', personId: 'p-drift', unitId: 'kommun' });
    expect((await moved(second, 1, 'in_operation')).lifecycle).toBe('in_operation');
  });

  it('records dependencies both ways and refuses self, duplicates and cycles', async () => {
    const [a, b, c] = [
      await createSystem(admin, { name: 'Procapita', owningUnitId: 'soc' }),
      await createSystem(admin, { name: 'Katalogtjänst', owningUnitId: 'klf' }),
      await createSystem(admin, { name: 'Nätverk', owningUnitId: 'it', kind: 'infrastructure' }),
    ];
    const ab = expectBody(await api.addDependency(a.id, { dependsOnId: b.id, description: 'Inloggning via katalogen' }), 200, systemSchema);
    expect(ab.dependencies).toEqual([{ id: b.id, registerNo: 'SYS-0002', name: 'Katalogtjänst', lifecycle: 'planned', description: 'Inloggning via katalogen' }]);
    expect(ab.version).toBe(1); // a dependency is not a change of the record's facts
    expectBody(await api.addDependency(b.id, { dependsOnId: c.id }), 200, systemSchema);
    const bNow = expectBody(await api.get(b.id), 200, systemSchema);
    expect(bNow.dependents).toEqual([{ id: a.id, registerNo: 'SYS-0001', name: 'Procapita', lifecycle: 'planned', description: 'Inloggning via katalogen' }]);
    expect(bNow.dependencies.map((d) => d.id)).toEqual([c.id]);
    expect(bNow.dependencies[0]!.description).toBeNull();
    expect(expectBody(await api.get(c.id), 200, systemSchema).dependents.map((d) => d.name)).toEqual(['Katalogtjänst']);
    expect((await auditOf(db(), a.id)).at(-1)).toEqual({ action: 'add_dependency', before: null, after: { dependsOnId: b.id, description: 'Inloggning via katalogen' } });

    const before = await registerCounts(db());
    const self = await api.addDependency(a.id, { dependsOnId: a.id });
    expect(self.statusCode).toBe(400);
    expect(errorOf(self).fields).toEqual({ dependsOnId: 'Ett system kan inte vara beroende av sig självt.' });
    const dup = await api.addDependency(a.id, { dependsOnId: b.id });
    expect(dup.statusCode).toBe(400);
    expect(errorOf(dup).fields).toEqual({ dependsOnId: 'Beroendet finns redan.' });
    const cycle = await api.addDependency(c.id, { dependsOnId: a.id });
    expect(cycle.statusCode).toBe(400);
    expect(errorOf(cycle).fields).toEqual({ dependsOnId: 'Det andra systemet är redan (direkt eller via andra system) beroende av det här systemet.' });
    const cycleEn = await admin.post(`/api/systems/${b.id}/dependencies`, { dependsOnId: a.id }, { headers: EN });
    expect(errorOf(cycleEn).fields).toEqual({ dependsOnId: 'The other system already depends (directly or through other systems) on this one.' });
    expect(errorOf(await api.addDependency(a.id, { dependsOnId: 'no-such-system' })).fields).toEqual({ dependsOnId: 'Systemet finns inte.' });
    expect((await api.addDependency('no-such-system', { dependsOnId: a.id })).statusCode).toBe(404);
    expect(await registerCounts(db())).toEqual(before);

    const removed = expectBody(await api.removeDependency(a.id, b.id), 200, systemSchema);
    expect(removed.dependencies).toEqual([]);
    expect(expectBody(await api.get(b.id), 200, systemSchema).dependents).toEqual([]);
    expect((await auditOf(db(), a.id)).at(-1)).toEqual({ action: 'remove_dependency', before: { dependsOnId: b.id, description: 'Inloggning via katalogen' }, after: null });
    const again = await api.removeDependency(a.id, b.id);
    expect(again.statusCode).toBe(404);
    expect(errorOf(again).code).toBe('not_found');
    expect((await api.removeDependency('no-such-system', b.id)).statusCode).toBe(404);
    expect((await api.removeDependency(a.id, 'no-such-system')).statusCode).toBe(404);
    // Both systems stay; the link may be made the other way now.
    expectBody(await api.addDependency(c.id, { dependsOnId: a.id }), 200, systemSchema);
    expect(await registerCounts(db())).toMatchObject({ systems: 3, dependencies: 2 });

    // Two links that together would close a cycle, made at the same time: only one is recorded.
    const x = await createSystem(admin, { name: 'X', owningUnitId: 'it' });
    const y = await createSystem(admin, { name: 'Y', owningUnitId: 'it' });
    const race = await Promise.all([api.addDependency(x.id, { dependsOnId: y.id }), api.addDependency(y.id, { dependsOnId: x.id })]);
    expect(race.map((r) => r.statusCode).sort()).toEqual([200, 400]);
    expect(errorOf(race.find((r) => r.statusCode === 400)!).fields).toEqual({ dependsOnId: expect.stringMatching(/redan/) });
    expect(await registerCounts(db())).toMatchObject({ systems: 5, dependencies: 3 });
  });
});
