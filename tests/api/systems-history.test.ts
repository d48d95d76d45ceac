import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { historyPage, systemSchema } from '../../server/modules/systems/schemas.ts';
import { grantOnUnit } from '../fixtures/org.ts';
import {
  createSystem,
  errorOf,
  expectBody,
  insertPerson,
  insertSystemsKommun,
  linkUserToPerson,
  systemsApi,
  type SystemJson,
} from '../fixtures/systems.ts';
import { Agent, addUser, createHarness, dialects, setupAdmin, type Harness } from './harness.ts';

type Item = ReturnType<typeof historyPage.parse>['items'][number];

/** GET /api/systems/{id}/history: the system's changes and the role events on it, for everyone who may see the system. */
describe.each(dialects())('system history (%s)', (dialect) => {
  let h: Harness;
  let admin: Agent;
  let system: SystemJson;
  let other: SystemJson;
  beforeEach(async () => {
    h = await createHarness(dialect);
    admin = await setupAdmin(h);
    await insertSystemsKommun(h.handle.db);
    await insertPerson(h.handle.db, { id: 'p-anna', name: 'Anna Svensson', homeUnitId: 'hem' });
    await insertPerson(h.handle.db, { id: 'p-bo', name: 'Bo Berg', homeUnitId: 'hem' });
    system = await createSystem(admin, { name: 'Procapita', owningUnitId: 'hem' });
    other = await createSystem(admin, { name: 'Skolportalen', owningUnitId: 'utb' });
  });
  afterEach(async () => h.close());

  const history = async (agent: Agent, qs = '', id = system.id, headers?: Record<string, string>) =>
    expectBody(await agent.get(`/api/systems/${id}/history${qs ? `?${qs}` : ''}`, headers ? { headers } : undefined), 200, historyPage);
  const assign = async (systemId: string, roleKey: string, personId: string, validFrom?: string): Promise<string> => {
    const res = await admin.post('/api/role-assignments', {
      subjectKind: 'system',
      subjectId: systemId,
      roleKey,
      personId,
      ...(validFrom ? { validFrom } : {}),
    });
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as { id: string }).id;
  };
  const summary = (i: Item) => `${i.entityType}:${i.action}${i.role ? `:${i.role.name}:${i.person?.name}` : ''}`;

  it('lists the system’s changes and its role events, newest first, with role and person', async () => {
    expectBody(await systemsApi(admin).patch(system.id, { version: 1, userCount: 40 }), 200, systemSchema);
    const owner = await assign(system.id, 'systemagare', 'p-anna', '2026-11-29');
    const manager = await assign(system.id, 'systemforvaltare', 'p-anna');
    expect((await admin.post(`/api/role-assignments/${owner}/end`, { validTo: '2026-12-31' })).statusCode).toBe(200);
    const handover = await admin.post(`/api/role-assignments/${manager}/handover`, { personId: 'p-bo' });
    expect(handover.statusCode, handover.body).toBe(200);
    const started = (handover.json() as { started: { id: string } }).started.id;
    // Events of another system and its roles stay there.
    await assign(other.id, 'systemagare', 'p-bo');
    expectBody(await systemsApi(admin).patch(other.id, { version: 1, userCount: 5 }), 200, systemSchema);

    const page = await history(admin);
    expect(page.nextCursor).toBeNull();
    expect(page.items.map(summary)).toEqual([
      'role_assignment:handover:Systemförvaltare:Bo Berg',
      'role_assignment:end:Systemförvaltare:Anna Svensson',
      'role_assignment:end:Systemägare:Anna Svensson',
      'role_assignment:create:Systemförvaltare:Anna Svensson',
      'role_assignment:create:Systemägare:Anna Svensson',
      'system:update',
      'system:create',
    ]);
    const seqs = page.items.map((i) => i.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    const [handedOver, , ended, , created, updated] = page.items;
    expect(handedOver).toMatchObject({ entityId: started, role: { key: 'systemforvaltare' }, person: { id: 'p-bo', name: 'Bo Berg' } });
    expect(handedOver!.after).toMatchObject({ roleKey: 'systemforvaltare', principalId: 'p-bo', handedOverFrom: manager });
    expect(ended).toMatchObject({ entityId: owner, before: { validTo: null }, after: { validFrom: '2026-11-29', validTo: '2026-12-31' } });
    expect(created).toMatchObject({
      entityType: 'role_assignment',
      origin: 'api',
      actor: { name: 'Ada Admin' },
      role: { key: 'systemagare', name: 'Systemägare' },
      person: { id: 'p-anna', name: 'Anna Svensson' },
      after: {
        roleKey: 'systemagare',
        subjectKind: 'system',
        subjectId: system.id,
        principalId: 'p-anna',
        validFrom: '2026-11-29',
        validTo: null,
      },
    });
    expect(updated).toMatchObject({ entityId: system.id, role: null, person: null, before: { userCount: null }, after: { userCount: 40 } });
    // The role's name follows the caller's language.
    const en = await history(admin, '', system.id, { 'accept-language': 'en' });
    expect(en.items.at(-3)!.role).toEqual({ key: 'systemagare', name: 'System owner' });
  });

  it('pages with a cursor without gaps or duplicates', async () => {
    for (const [i, person] of ['p-anna', 'p-bo', 'p-anna'].entries()) {
      const id = await assign(system.id, 'teknisk_forvaltare', person);
      expect((await admin.post(`/api/role-assignments/${id}/end`, {})).statusCode).toBe(200);
      expectBody(await systemsApi(admin).patch(system.id, { version: i + 1, userCount: i }), 200, systemSchema);
    }
    const all = await history(admin, 'limit=500');
    expect(all.items).toHaveLength(10);
    const seen: Item[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await history(admin, `limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items);
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(4);
    expect(seen.map((i) => i.id)).toEqual(all.items.map((i) => i.id));
    expect(new Set(seen.map((i) => i.id)).size).toBe(10);
  });

  it('refuses a bad page size or cursor with field messages', async () => {
    for (const [qs, field] of [
      ['limit=0', 'limit'],
      ['limit=501', 'limit'],
      ['limit=abc', 'limit'],
      ['cursor=not-a-cursor', 'cursor'],
      [`cursor=${Buffer.from('{"seq":-1}').toString('base64url')}`, 'cursor'],
    ]) {
      const res = await admin.get(`/api/systems/${system.id}/history?${qs}`);
      expect(res.statusCode, qs).toBe(400);
      const error = errorOf(res);
      expect(error.code).toBe('validation_failed');
      expect(Object.keys(error.fields ?? {}), qs).toEqual([field]);
    }
  });

  it('names the other system of a dependency, and units, only as far as the caller may see them', async () => {
    const shared = await createSystem(admin, { name: 'Ärendehantering', owningUnitId: 'klf', kommungemensamt: true });
    const api = systemsApi(admin);
    expectBody(await api.addDependency(system.id, { dependsOnId: other.id, description: 'Hämtar elever' }), 200, systemSchema);
    expectBody(await api.addDependency(system.id, { dependsOnId: shared.id }), 200, systemSchema);
    expectBody(await api.removeDependency(system.id, other.id), 200, systemSchema);
    const { version } = expectBody(await api.patch(system.id, { version: system.version, usingUnitIds: ['skola'] }), 200, systemSchema);
    expectBody(await api.patch(system.id, { version, usingUnitIds: [] }), 200, systemSchema);
    const soc = await addUser(h, admin, 'soc.user@kommun.test', 'user');
    await grantOnUnit(h.handle.db, 'soc.user@kommun.test', 'user', 'soc');
    expect((await soc.get(`/api/systems/${other.id}`)).statusCode).toBe(404);
    expect((await soc.get('/api/org-units/skola')).statusCode).toBe(404);

    const hiddenSystem = { visible: false, id: null, registerNo: null, name: null };
    const seen = (await history(soc)).items.map((i) => ({ action: i.action, before: i.before, after: i.after, dependsOn: i.dependsOn }));
    expect(seen).toEqual([
      { action: 'update', before: { usingUnitIds: [null] }, after: { usingUnitIds: [] }, dependsOn: null },
      { action: 'update', before: { usingUnitIds: [] }, after: { usingUnitIds: [null] }, dependsOn: null },
      { action: 'remove_dependency', before: { dependsOnId: null, description: 'Hämtar elever' }, after: null, dependsOn: hiddenSystem },
      {
        action: 'add_dependency',
        before: null,
        after: { dependsOnId: shared.id, description: null },
        dependsOn: { visible: true, id: shared.id, registerNo: shared.registerNo, name: 'Ärendehantering' },
      },
      { action: 'add_dependency', before: null, after: { dependsOnId: null, description: 'Hämtar elever' }, dependsOn: hiddenSystem },
      expect.objectContaining({ action: 'create', after: expect.objectContaining({ owningUnitId: 'hem', usingUnitIds: [] }) }),
    ]);
    const body = (await soc.get(`/api/systems/${system.id}/history`)).body;
    for (const word of [other.id, other.registerNo, 'Skolportalen', '"skola"']) expect(body).not.toContain(word);

    // Whoever sees both sides sees the ids.
    const all = (await history(admin)).items;
    expect(all.map((i) => i.dependsOn?.id ?? null)).toEqual([null, null, other.id, shared.id, other.id, null]);
    expect(all.map((i) => i.after)).toContainEqual({ usingUnitIds: ['skola'] });
  });

  it('is shown to whoever may see the system and to nobody else (404, not 403)', async () => {
    await assign(system.id, 'systemagare', 'p-anna');
    const soc = await addUser(h, admin, 'soc.user@kommun.test', 'user');
    await grantOnUnit(h.handle.db, 'soc.user@kommun.test', 'user', 'soc');
    const utb = await addUser(h, admin, 'utb.user@kommun.test', 'user');
    await grantOnUnit(h.handle.db, 'utb.user@kommun.test', 'user', 'utb');

    const seen = await history(soc);
    expect(seen.items.map(summary)).toEqual(['role_assignment:create:Systemägare:Anna Svensson', 'system:create']);
    for (const id of [system.id, 'no-such-system']) {
      const res = await utb.get(`/api/systems/${id}/history`);
      expect(res.statusCode).toBe(404);
      expect(errorOf(res).code).toBe('not_found');
    }
    // A role on the system makes its history visible, as it makes the system visible.
    await linkUserToPerson(h.handle.db, 'utb.user@kommun.test', 'p-anna');
    expect((await history(utb)).items).toHaveLength(2);
    expect((await utb.get(`/api/systems/${other.id}/history`)).statusCode).toBe(200);

    const anonymous = await new Agent(h.app).get(`/api/systems/${system.id}/history`);
    expect(anonymous.statusCode).toBe(401);
    expect(errorOf(anonymous).code).toBe('unauthenticated');
  });
});
