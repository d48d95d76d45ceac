import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemSchema } from '../../server/modules/systems/schemas.ts';
import { grantOnUnit } from '../fixtures/org.ts';
import { assignRole, createSystem, expectBody, insertPerson, insertSystemsKommun, systemsApi } from '../fixtures/systems.ts';
import { type Agent, addUser, createHarness, dialects, setupAdmin, type Harness } from './harness.ts';

// The system page's summary "Vem ansvarar": the roles the pack names for systems, required or not, and
// whether the kommun's holder counts (GET /api/systems/{id}, field roles).
describe.each(dialects())('system record: the roles the pack names for systems (%s)', (dialect) => {
  let h: Harness;
  let admin: Agent;
  beforeEach(async () => {
    h = await createHarness(dialect);
    admin = await setupAdmin(h);
    await insertSystemsKommun(h.handle.db);
    await insertPerson(h.handle.db, { id: 'p-agare', name: 'Agnes Ägare', homeUnitId: 'soc' });
    await insertPerson(h.handle.db, { id: 'p-drift', name: 'Dora Drift', homeUnitId: 'it' });
    await insertPerson(h.handle.db, { id: 'p-left', name: 'Lars Lämnat', homeUnitId: 'it', status: 'left' });
  });
  afterEach(async () => h.close());

  const db = () => h.handle.db;
  const get = async (agent: Agent, id: string, headers?: Record<string, string>) =>
    expectBody(await agent.get(`/api/systems/${id}`, headers ? { headers } : undefined), 200, systemSchema);
  const slots = (sys: { roles: Array<{ key: string; required: boolean; kommunHolds: boolean }> }) =>
    sys.roles.map((r) => `${r.key}${r.required ? ' required' : ''}${r.kommunHolds ? ' kommun' : ''}`);

  it("lists the pack's system roles in its order, in the caller's language, with the required ones marked", async () => {
    const sys = await createSystem(admin, { name: 'Procapita', owningUnitId: 'hem', hosting: 'saas' });
    expect(slots(sys)).toEqual([
      'driftansvarig required', 'systemagare required', 'systemforvaltare required', 'informationsagare', 'teknisk_forvaltare',
      'behorighetsadministrator',
    ]);
    expect(sys.roles.map((r) => r.name).slice(0, 3)).toEqual(['Driftansvarig – IT-driftsledare', 'Systemägare', 'Systemförvaltare']);
    const en = await get(admin, sys.id, { 'accept-language': 'en' });
    expect(en.roles.map((r) => r.name).slice(0, 3)).toEqual(['Operations lead – IT operations manager', 'System owner', 'System administrator']);
    // Every answer that returns the record carries them.
    const patched = expectBody(await systemsApi(admin).patch(sys.id, { version: 1, note: 'x' }), 200, systemSchema);
    expect(slots(patched)).toEqual(slots(sys));
  });

  it("says when the kommun's driftansvarig counts: the IT unit runs the system and nobody on it holds the role", async () => {
    await assignRole(db(), { roleKey: 'driftansvarig', personId: 'p-drift', unitId: 'kommun' });
    const internal = await createSystem(admin, { name: 'Procapita', owningUnitId: 'hem', hosting: 'internal_it' });
    const saas = await createSystem(admin, { name: 'Skolportalen', owningUnitId: 'skola', hosting: 'saas' });
    expect(slots(await get(admin, internal.id))[0]).toBe('driftansvarig required kommun');
    expect(slots(await get(admin, saas.id))[0]).toBe('driftansvarig required');
    // Only roles also held for the whole kommun: systemägare never.
    expect(slots(await get(admin, internal.id)).filter((s) => s.endsWith('kommun'))).toEqual(['driftansvarig required kommun']);

    // A holder on the system itself: the kommun's no longer stands in.
    await assignRole(db(), { roleKey: 'driftansvarig', personId: 'p-drift', systemId: internal.id });
    expect(slots(await get(admin, internal.id))[0]).toBe('driftansvarig required');

    // A holder who has left counts neither on the system nor on the kommun.
    const second = await createSystem(admin, { name: 'Journalsystem', owningUnitId: 'hem', hosting: 'internal_it' });
    await assignRole(db(), { roleKey: 'driftansvarig', personId: 'p-left', systemId: second.id });
    expect(slots(await get(admin, second.id))[0]).toBe('driftansvarig required kommun');
    await db().updateTable('role_assignments').set({ valid_to: '2021-01-01' }).where('subject_id', '=', 'kommun').execute();
    await assignRole(db(), { roleKey: 'driftansvarig', personId: 'p-left', unitId: 'kommun' });
    expect(slots(await get(admin, second.id))[0]).toBe('driftansvarig required');
  });

  it("a förvaltning's user gets the same roles on its own systems, and nothing of another förvaltning's", async () => {
    await assignRole(db(), { roleKey: 'driftansvarig', personId: 'p-drift', unitId: 'kommun' });
    const own = await createSystem(admin, { name: 'Procapita', owningUnitId: 'hem', hosting: 'internal_it' });
    const other = await createSystem(admin, { name: 'Elevregistret', owningUnitId: 'skola', hosting: 'internal_it' });
    await assignRole(db(), { roleKey: 'systemagare', personId: 'p-agare', systemId: own.id });
    const user = await addUser(h, admin, 'soc.user@kommun.test', 'user');
    await grantOnUnit(db(), 'soc.user@kommun.test', 'user', 'soc');

    const seen = await get(user, own.id);
    expect(seen.roles).toEqual((await get(admin, own.id)).roles);
    expect(seen.holders.map((x) => `${x.roleKey}:${x.holder.name}`)).toEqual(['systemagare:Agnes Ägare']);
    const hidden = await user.get(`/api/systems/${other.id}`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.body).not.toContain('Elevregistret');
    expect(hidden.body).not.toContain('roles');
  });
});
