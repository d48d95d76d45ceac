import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureSetupLink } from '../../server/modules/accounts/setup.ts';
import { onboardingSchema, type Onboarding } from '../../server/modules/onboarding/schemas.ts';
import { verifyAuditChain } from '../../server/platform/audit/audit.ts';
import { csv, form } from '../fixtures/files.ts';
import { grantOnUnit, insertUnit } from '../fixtures/org.ts';
import { assignRole, expectBody, insertPerson } from '../fixtures/systems.ts';
import { importApi, workbook } from '../fixtures/system-workbooks.ts';
import { Agent, TEST_PASSWORD, addUser, createHarness, dialects, type Harness } from './harness.ts';

/** Getting started (issue 11, part 1): the kommun at setup, the 409 before it exists, the steps and numbers of the start page. */
describe.each(dialects())('getting started (%s)', (dialect) => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness(dialect);
  });
  afterEach(async () => h.close());

  /** First-time setup through the API, with or without the kommun's name; the administrator signed in. */
  async function setup(kommunName?: string, headers: Record<string, string> = {}): Promise<Agent> {
    const token = new URL((await ensureSetupLink(h.services))!.url).searchParams.get('token')!;
    const agent = new Agent(h.app, headers);
    const body = {
      token,
      email: 'ada@kommun.test',
      name: 'Ada Admin',
      password: TEST_PASSWORD,
      ...(kommunName !== undefined ? { kommunName } : {}),
    };
    const res = await agent.post('/api/setup', body);
    expect(res.statusCode, res.body).toBe(201);
    await agent.login('ada@kommun.test');
    return agent;
  }

  const units = () => h.handle.db.selectFrom('org_units').select(['id', 'name', 'kind', 'parent_id']).orderBy('kind').execute();
  const onboarding = async (agent: Agent): Promise<Onboarding> => expectBody(await agent.get('/api/onboarding'), 200, onboardingSchema);
  const step = (o: Onboarding, key: string) => {
    const s = o.steps.find((x) => x.key === key)!;
    return [s.done, s.count, s.total];
  };
  const register = (name = 'Procapita') =>
    workbook([
      {
        sheet: 'Socialförvaltningen',
        rows: [
          ['Systemnamn', 'Förvaltning', 'Hosting'],
          [name, 'Socialförvaltningen', 'SaaS'],
        ],
      },
    ]);

  it('a fresh installation answers every import and form that needs a kommun with 409 and the kommun message, then creates it from the start page', async () => {
    const admin = await setup();
    const sv = await importApi(admin).upload(await register(), { createMissing: true });
    expect(sv.statusCode).toBe(409);
    expect(sv.json().error).toEqual({
      code: 'kommun_missing',
      message: 'Skapa kommunen först. Det görs på startsidan; därefter kan förvaltningar, personer och system läggas till.',
    });
    const en = await importApi(admin).upload(await register(), { createMissing: true }, { 'accept-language': 'en' });
    expect(en.json().error.message).toMatch(/^Create the kommun first/);
    expect(en.json().error.message).not.toMatch(/permission/);

    const people = await admin.post(
      '/api/people/import',
      form(
        csv([
          ['Anställningsnummer', 'Namn', 'Enhet'],
          ['1', 'Anna', 'Soc'],
        ]),
      ),
    );
    expect([people.statusCode, people.json().error.code]).toEqual([409, 'kommun_missing']);
    const system = await admin.post('/api/systems', {
      name: 'Procapita',
      kind: 'business',
      owningUnitId: '0190d6f0-0000-7000-8000-000000000000',
    });
    expect([system.statusCode, system.json().error.code]).toEqual([409, 'kommun_missing']);
    // A person needs a unit, and every unit is below a kommun.
    const person = await admin.post('/api/people', { name: 'Anna Berg', homeUnitId: '0190d6f0-0000-7000-8000-000000000000' });
    expect([person.statusCode, person.json().error.code]).toEqual([409, 'kommun_missing']);
    expect(await units()).toEqual([]);

    const before = await onboarding(admin);
    expect(before.canCreateKommun).toBe(true);
    expect(before.steps.map((s) => [s.key, s.done, s.count])).toEqual([
      ['kommun', false, 0],
      ['functions', false, 0],
      ['people', false, 0],
      ['kommun_roles', false, 0],
      ['systems', false, 0],
      ['system_roles', false, 0],
      ['confirmation', false, 0],
    ]);
    expect(before.steps.find((s) => s.key === 'systems')!.href).toBe('/systems/import');

    const created = await admin.post('/api/onboarding/kommun', { name: '  Exempelby kommun ' });
    expect(created.statusCode, created.body).toBe(201);
    const [kommun, board] = await units();
    expect(kommun).toMatchObject({ id: created.json().kommunId, name: 'Exempelby kommun', kind: 'kommun', parent_id: null });
    expect(board).toMatchObject({
      id: created.json().kommunstyrelseId,
      name: 'Kommunstyrelsen',
      kind: 'kommunstyrelse',
      parent_id: kommun!.id,
    });
    const closure = await h.handle.db
      .selectFrom('org_unit_closure')
      .select(['ancestor_id', 'depth'])
      .where('descendant_id', '=', board!.id)
      .orderBy('depth')
      .execute();
    expect(closure.map((c) => [c.ancestor_id, Number(c.depth)])).toEqual([
      [board!.id, 0],
      [kommun!.id, 1],
    ]);

    const again = await admin.post('/api/onboarding/kommun', { name: 'Annan kommun' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.fields).toEqual({
      name: 'Kommunen finns redan. Fler kommuner (IT-samverkan) läggs till på sidan Organisation.',
    });
    expect(await units()).toHaveLength(2);

    const after = await onboarding(admin);
    expect(after.canCreateKommun).toBe(false);
    expect(step(after, 'kommun')).toEqual([true, 1, null]);
    expect(after.steps[0]!.href).toBe(`/organisation/${kommun!.id}`);
    // Now the import reads the file: the förvaltning is new below the kommun.
    const dry = await importApi(admin).upload(await register(), { createMissing: true });
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json().counts).toMatchObject({ create: 1, error: 0 });
    const events = await h.handle.db
      .selectFrom('audit_events')
      .select(['entity_type', 'action'])
      .where('entity_type', '=', 'org_unit')
      .execute();
    expect(events).toEqual([
      { entity_type: 'org_unit', action: 'create' },
      { entity_type: 'org_unit', action: 'create' },
    ]);
    expect((await verifyAuditChain(h.handle.db)).ok).toBe(true);
  });

  it('setup with the kommun name creates the kommun with its kommunstyrelse, by the new administrator, in the same step', async () => {
    const admin = await setup('Svenljunga kommun');
    const [kommun, board] = await units();
    expect(kommun).toMatchObject({ name: 'Svenljunga kommun', kind: 'kommun', parent_id: null });
    expect(board).toMatchObject({ name: 'Kommunstyrelsen', kind: 'kommunstyrelse', parent_id: kommun!.id });
    const user = await h.handle.db.selectFrom('users').select('id').executeTakeFirstOrThrow();
    const events = await h.handle.db
      .selectFrom('audit_events')
      .select(['entity_id', 'actor_id'])
      .where('entity_type', '=', 'org_unit')
      .execute();
    expect(events.map((e) => e.entity_id).sort()).toEqual([board!.id, kommun!.id].sort());
    expect(events.every((e) => e.actor_id === user.id)).toBe(true);
    const o = await onboarding(admin);
    expect(step(o, 'kommun')).toEqual([true, 1, null]);
    expect(o.canCreateKommun).toBe(false);
    expect(step(o, 'functions')).toEqual([false, 0, 2]);
  });

  it('refuses bad input with field messages and writes nothing', async () => {
    const token = new URL((await ensureSetupLink(h.services))!.url).searchParams.get('token')!;
    const anon = new Agent(h.app);
    const bad = await anon.post('/api/setup', { token, email: 'ada@kommun.test', name: 'Ada', password: TEST_PASSWORD, kommunName: ' ' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual({ kommunName: 'Fältet måste fyllas i.' });
    expect(await h.handle.db.selectFrom('users').select('id').execute()).toEqual([]);

    const admin = await setup();
    const empty = await admin.post('/api/onboarding/kommun', { name: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields).toEqual({ name: 'Fältet måste fyllas i.' });
    const extra = await admin.post('/api/onboarding/kommun', { name: 'Exempelby kommun', parentId: null });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().error.fields).toEqual({ parentId: 'Okänt fält.' });
    const long = await admin.post('/api/onboarding/kommun', { name: 'x'.repeat(201) });
    expect(long.statusCode).toBe(400);
    expect(await units()).toEqual([]);
  });

  it('counts each step as the data comes, and a step is done when all of it is there', async () => {
    const admin = await setup('Exempelby kommun');
    const kommun = (await units()).find((u) => u.kind === 'kommun')!;
    const board = (await units()).find((u) => u.kind === 'kommunstyrelse')!;

    // The IT unit and the kansli.
    const it = await admin.post('/api/org-units', { name: 'IT-enheten', kind: 'enhet', parentId: board.id, function: 'it_unit' });
    expect(it.statusCode, it.body).toBe(201);
    expect(step(await onboarding(admin), 'functions')).toEqual([false, 1, 2]);
    const ks = await admin.post('/api/org-units', { name: 'Kommunkansliet', kind: 'enhet', parentId: board.id, function: 'kansli' });
    expect(ks.statusCode).toBe(201);
    expect(step(await onboarding(admin), 'functions')).toEqual([true, 2, 2]);

    // People.
    await insertUnit(h.handle.db, { id: 'sn', name: 'Socialnämnden', parentId: kommun.id, kind: 'namnd' });
    await insertUnit(h.handle.db, { id: 'soc', name: 'Socialförvaltningen', parentId: 'sn', kind: 'forvaltning' });
    await insertPerson(h.handle.db, { id: 'p-anna', name: 'Anna Berg', homeUnitId: 'soc' });
    await insertPerson(h.handle.db, { id: 'p-bo', name: 'Bo Ek', homeUnitId: 'soc' });
    await insertPerson(h.handle.db, { id: 'p-left', name: 'Lena Lämnat', homeUnitId: 'soc', status: 'left' });
    expect(step(await onboarding(admin), 'people')).toEqual([true, 2, null]);

    // The kommun-wide roles of the default pack: three (IT-chef, driftansvarig, digitaliseringsstrateg).
    expect(step(await onboarding(admin), 'kommun_roles')).toEqual([false, 0, 3]);
    await assignRole(h.handle.db, { roleKey: 'it_chef', personId: 'p-anna', unitId: kommun.id });
    await assignRole(h.handle.db, { roleKey: 'driftansvarig', personId: 'p-bo', unitId: kommun.id, validTo: '2026-01-01' }); // ended
    expect(step(await onboarding(admin), 'kommun_roles')).toEqual([false, 1, 3]);
    await assignRole(h.handle.db, { roleKey: 'driftansvarig', personId: 'p-bo', unitId: kommun.id });
    await assignRole(h.handle.db, { roleKey: 'digitaliseringsstrateg', personId: 'p-bo', unitId: kommun.id });
    await assignRole(h.handle.db, { roleKey: 'digitaliseringsstrateg', personId: 'p-anna', unitId: kommun.id });
    expect(step(await onboarding(admin), 'kommun_roles')).toEqual([true, 3, 3]);

    // Systems: the register, its required roles, its confirmation.
    const o0 = await onboarding(admin);
    expect([step(o0, 'systems'), step(o0, 'system_roles'), step(o0, 'confirmation')]).toEqual([
      [false, 0, null],
      [false, 0, 0],
      [false, 0, 0],
    ]);
    const created = await admin.post('/api/systems', { name: 'Procapita', kind: 'business', owningUnitId: 'soc' });
    expect(created.statusCode, created.body).toBe(201);
    const system = created.json() as { id: string; version: number };
    const o1 = await onboarding(admin);
    expect([step(o1, 'systems'), step(o1, 'system_roles'), step(o1, 'confirmation')]).toEqual([
      [true, 1, null],
      [false, 1, 1],
      [false, 1, 1],
    ]);
    expect(o1.figures.systems).toBe(1);
    expect(o1.figures.vacantRoles).toBeGreaterThanOrEqual(2);
    expect(o1.figures.findings.high).toBeGreaterThanOrEqual(2);

    for (const roleKey of ['systemagare', 'systemforvaltare']) {
      const res = await admin.post('/api/role-assignments', { roleKey, subjectKind: 'system', subjectId: system.id, personId: 'p-anna' });
      expect(res.statusCode, res.body).toBe(201);
    }
    const o2 = await onboarding(admin);
    expect(step(o2, 'system_roles')).toEqual([true, 0, 1]);
    expect(o2.figures.vacantRoles).toBeLessThan(o1.figures.vacantRoles);

    // A system without its roles counts until it is retired; the figures count it either way.
    const old = await admin.post('/api/systems', { name: 'Gammalt ärendesystem', kind: 'business', owningUnitId: 'soc', lifecycle: 'planned' });
    expect(old.statusCode, old.body).toBe(201);
    const oldSystem = old.json() as { id: string; version: number };
    expect(step(await onboarding(admin), 'system_roles')).toEqual([false, 1, 2]);
    const retired = await admin.post(`/api/systems/${oldSystem.id}/lifecycle`, { lifecycle: 'retired', version: oldSystem.version });
    expect(retired.statusCode, retired.body).toBe(200);
    const afterRetiring = await onboarding(admin);
    expect([step(afterRetiring, 'systems'), step(afterRetiring, 'system_roles')]).toEqual([[true, 2, null], [true, 0, 1]]);
    expect(afterRetiring.figures.systems).toBe(2);

    const current = (await admin.get(`/api/systems/${system.id}`)).json() as { version: number };
    const confirmed = await admin.post(`/api/systems/${system.id}/confirm`, { version: current.version });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const o3 = await onboarding(admin);
    expect(step(o3, 'confirmation')).toEqual([true, 0, 1]);
    expect(o3.steps.every((s) => s.done)).toBe(true);
  });

  it('without rights: a reviewer may not create the kommun; a user of one förvaltning gets no steps and figures only within what they see', async () => {
    const admin = await setup();
    const reviewer = await addUser(h, admin, 'granskare@kommun.test', 'reviewer');
    const ro = await onboarding(reviewer);
    expect(ro.canCreateKommun).toBe(false);
    expect(ro.steps).toHaveLength(7);
    const refused = await reviewer.post('/api/onboarding/kommun', { name: 'Exempelby kommun' });
    expect(refused.statusCode).toBe(403);
    expect(await units()).toEqual([]);

    await admin.post('/api/onboarding/kommun', { name: 'Exempelby kommun' });
    const kommun = (await units()).find((u) => u.kind === 'kommun')!;
    await insertUnit(h.handle.db, { id: 'soc', name: 'Socialförvaltningen', parentId: kommun.id, kind: 'forvaltning' });
    await insertUnit(h.handle.db, { id: 'utb', name: 'Utbildningsförvaltningen', parentId: kommun.id, kind: 'forvaltning' });
    for (const [name, owningUnitId] of [
      ['Procapita', 'soc'],
      ['Skolplattformen', 'utb'],
      ['Tempus', 'utb'],
    ]) {
      expect((await admin.post('/api/systems', { name, kind: 'business', owningUnitId })).statusCode).toBe(201);
    }
    const user = await addUser(h, admin, 'soc@kommun.test', 'user');
    await grantOnUnit(h.handle.db, 'soc@kommun.test', 'user', 'soc');
    const scoped = await onboarding(user);
    expect(scoped.steps).toEqual([]);
    expect(scoped.canCreateKommun).toBe(false);
    expect(scoped.figures.systems).toBe(1);
    const all = await onboarding(admin);
    expect(all.figures.systems).toBe(3);
    expect(scoped.figures.vacantRoles).toBeLessThan(all.figures.vacantRoles);
    const hr = await user.post('/api/people/import', form(csv([['Namn'], ['Anna']])));
    expect(hr.statusCode).toBe(403);

    const anon = new Agent(h.app);
    expect((await anon.get('/api/onboarding')).statusCode).toBe(401);
  });
});
