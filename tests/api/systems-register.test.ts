import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { subjectResponsibilitiesSchema } from '../../server/modules/policy/index.ts';
import { systemSchema } from '../../server/modules/systems/schemas.ts';
import { insertUnit } from '../fixtures/org.ts';
import {
  auditOf, createSystem, errorOf, expectBody, insertSystemsKommun, monthsAfter, registerCounts, systemsApi,
} from '../fixtures/systems.ts';
import { type Agent, createHarness, dialects, setupAdmin, type Harness } from './harness.ts';

const EN = { 'accept-language': 'en' };

describe.each(dialects())('system register: create, read, change, confirm, responsibilities (%s)', (dialect) => {
  let h: Harness;
  let admin: Agent;
  let api: ReturnType<typeof systemsApi>;
  beforeEach(async () => {
    h = await createHarness(dialect);
    admin = await setupAdmin(h);
    api = systemsApi(admin);
    await insertSystemsKommun(h.handle.db);
  });
  afterEach(async () => h.close());

  const full = {
    name: '  Procapita  ',
    aliases: ['Lifecare', 'Verksamhetssystemet'],
    kind: 'business',
    description: 'Verksamhetssystem för socialtjänsten',
    purpose: 'Dokumentation av insatser',
    owningUnitId: 'soc',
    usingUnitIds: ['utb', 'soc', 'utb'],
    kommungemensamt: false,
    criticality: 'high',
    samhallsviktig: true,
    hosting: 'internal_it',
    dataLocation: 'sweden',
    thirdCountryTransfer: false,
    thirdCountryBasis: '',
    personalData: 'sensitive',
    authMethod: 'sso',
    userCount: 450,
    links: [{ label: 'Förvaltningsplan', url: 'https://intranat.exempelby.se/procapita' }],
    note: null,
  };

  it('registers systems with the next register number and reads one back', async () => {
    const a = await createSystem(admin, full);
    expect(a).toMatchObject({
      registerNo: 'SYS-0001', name: 'Procapita', aliases: ['Lifecare', 'Verksamhetssystemet'], kind: 'business',
      description: 'Verksamhetssystem för socialtjänsten', purpose: 'Dokumentation av insatser',
      owningUnit: { id: 'soc', name: 'Socialförvaltningen' }, usingUnits: [{ id: 'utb', name: 'Utbildningsförvaltningen' }],
      kommungemensamt: false, lifecycle: 'planned', criticality: 'high', samhallsviktig: true, hosting: 'internal_it', insideNetwork: true,
      dataLocation: 'sweden', thirdCountryTransfer: false, thirdCountryBasis: null, personalData: 'sensitive', authMethod: 'sso', userCount: 450,
      links: [{ label: 'Förvaltningsplan', url: 'https://intranat.exempelby.se/procapita' }], note: null,
      holders: [], dependencies: [], dependents: [], confirmedAt: null, confirmedBy: null, retiredAt: null, version: 1,
      transitions: ['implementing', 'in_operation', 'retired'], can: { edit: true, confirm: true },
    });
    expect(a.createdAt).toBe(h.clock.now().toISOString());
    expect(a.updatedAt).toBe(a.createdAt);
    expect(a.confirmationDue).toBe(monthsAfter(a.createdAt, 6)); // samhällsviktig: every six months

    const b = await createSystem(admin, { name: 'Skolportalen', kind: 'e_service', owningUnitId: 'skola', lifecycle: 'implementing' });
    expect(b).toMatchObject({
      registerNo: 'SYS-0002', aliases: [], usingUnits: [], kommungemensamt: false, lifecycle: 'implementing', criticality: null,
      samhallsviktig: null, hosting: null, insideNetwork: null, dataLocation: null, personalData: null, userCount: null, links: [],
      description: null, purpose: null, transitions: ['planned', 'in_operation', 'retired'],
    });
    expect(b.confirmationDue).toBe(monthsAfter(b.createdAt, 12));
    const c = await createSystem(admin, { name: 'E-tjänsteplattform', kind: 'e_service', owningUnitId: 'klf', kommungemensamt: true, hosting: 'saas' });
    expect(c).toMatchObject({ registerNo: 'SYS-0003', kommungemensamt: true, insideNetwork: false });

    expect(expectBody(await api.get(a.id), 200, systemSchema)).toEqual(a);
    expect(expectBody(await api.get(b.id), 200, systemSchema)).toEqual(b);
    const missing = await api.get('no-such-system');
    expect(missing.statusCode).toBe(404);
    expect(errorOf(missing).code).toBe('not_found');

    const [created] = await auditOf(h.handle.db, a.id);
    expect(created).toMatchObject({ action: 'create', before: null });
    expect(created!.after).toMatchObject({ registerNo: 'SYS-0001', lifecycle: 'planned', name: 'Procapita', owningUnitId: 'soc', usingUnitIds: ['utb'] });
    const stored = await h.handle.db.selectFrom('systems').select('register_no').where('id', '=', a.id).executeTakeFirstOrThrow();
    expect(Number(stored.register_no)).toBe(1);
  });

  it('changes only what the patch changes, audits only the changed fields, and writes nothing for a no-op', async () => {
    const a = await createSystem(admin, full);
    h.clock.advance(60_000);
    const res = await api.patch(a.id, {
      version: 1, name: 'Procapita Lifecare', criticality: 'medium', aliases: ['Lifecare'], usingUnitIds: ['utb'], kind: 'business', hosting: 'internal_it',
    });
    const changed = expectBody(res, 200, systemSchema);
    expect(changed).toMatchObject({ name: 'Procapita Lifecare', criticality: 'medium', aliases: ['Lifecare'], version: 2, updatedAt: h.clock.now().toISOString() });
    const { name: _n, criticality: _c, aliases: _a, version: _v, updatedAt: _u, ...rest } = changed;
    const { name: _n2, criticality: _c2, aliases: _a2, version: _v2, updatedAt: _u2, ...restBefore } = a;
    expect(rest).toEqual(restBefore);

    let events = await auditOf(h.handle.db, a.id);
    expect(events.map((e) => e.action)).toEqual(['create', 'update']);
    expect(events[1]!.before).toEqual({ name: 'Procapita', aliases: ['Lifecare', 'Verksamhetssystemet'], criticality: 'high' });
    expect(events[1]!.after).toEqual({ name: 'Procapita Lifecare', aliases: ['Lifecare'], criticality: 'medium' });

    // The same facts again (using units in another order, text with spaces around): nothing is written.
    const before = await registerCounts(h.handle.db);
    h.clock.advance(60_000);
    const same = expectBody(await api.patch(a.id, { version: 2, name: ' Procapita Lifecare ', usingUnitIds: ['utb', 'utb'], criticality: 'medium' }), 200, systemSchema);
    expect(same).toEqual(changed);
    expect(expectBody(await api.patch(a.id, { version: 2 }), 200, systemSchema)).toEqual(changed);
    expect(await registerCounts(h.handle.db)).toEqual(before);

    // Clearing text and moving ownership to a using unit (it is then no longer listed as using).
    const moved = expectBody(await api.patch(a.id, { version: 2, description: '  ', owningUnitId: 'utb', usingUnitIds: ['utb', 'hem'] }), 200, systemSchema);
    expect(moved).toMatchObject({ description: null, owningUnit: { id: 'utb' }, usingUnits: [{ id: 'hem', name: 'Hemtjänsten' }], version: 3 });
    events = await auditOf(h.handle.db, a.id);
    expect(events[2]).toEqual({
      action: 'update',
      before: { description: 'Verksamhetssystem för socialtjänsten', owningUnitId: 'soc', usingUnitIds: ['utb'] },
      after: { description: null, owningUnitId: 'utb', usingUnitIds: ['hem'] },
    });
    const units = await h.handle.db.selectFrom('system_units').select('unit_id').where('system_id', '=', a.id).execute();
    expect(units.map((u) => u.unit_id)).toEqual(['hem']);

    // A stale version is refused and changes nothing.
    const stale = await api.patch(a.id, { version: 2, name: 'Gammal' });
    expect(stale.statusCode).toBe(409);
    expect(errorOf(stale)).toMatchObject({ code: 'conflict', message: 'Någon annan har ändrat uppgifterna. Ladda om och försök igen.' });
    expect(expectBody(await api.get(a.id), 200, systemSchema)).toMatchObject({ name: 'Procapita Lifecare', version: 3 });
    expect((await api.patch('no-such-system', { version: 1, name: 'X' })).statusCode).toBe(404);
  });

  it('refuses bad input with field messages in Swedish and English and writes nothing', async () => {
    const a = await createSystem(admin, full);
    const before = await registerCounts(h.handle.db);
    const body = {
      name: ' ', kind: 'palace', owningUnitId: 'soc', colour: 'red', userCount: -1, lifecycle: 'in_operation',
      links: [{ label: 'Intranät', url: 'ftp://exempelby.se' }], aliases: 'Lifecare',
    };
    const bad = await api.create(body);
    expect(bad.statusCode).toBe(400);
    const err = errorOf(bad);
    expect(err.code).toBe('validation_failed');
    expect(err.message).toBe('Uppgifterna är inte giltiga. Rätta fälten som är markerade.');
    expect(Object.keys(err.fields!).sort()).toEqual(['aliases', 'colour', 'kind', 'lifecycle', 'links.0.url', 'name', 'userCount']);
    expect(err.fields).toMatchObject({ kind: 'Välj ett av de tillåtna värdena.', colour: 'Okänt fält.', userCount: 'Måste vara minst 0.', aliases: 'Värdet har fel typ.' });
    const en = errorOf(await admin.post('/api/systems', body, { headers: EN }));
    expect(en.message).toBe('The data is not valid. Correct the marked fields.');
    expect(en.fields).toMatchObject({ kind: 'Choose one of the allowed values.', colour: 'Unknown field.', userCount: 'Must be at least 0.' });

    const empty = errorOf(await api.create({}));
    expect(Object.keys(empty.fields!).sort()).toEqual(['kind', 'name', 'owningUnitId']);
    expect(empty.fields!.name).toBe('Fältet måste fyllas i.');

    const noUnit = await api.create({ name: 'X', kind: 'business', owningUnitId: 'ghost' });
    expect(noUnit.statusCode).toBe(400);
    expect(errorOf(noUnit).fields).toEqual({ owningUnitId: 'Enheten finns inte.' });
    const noUnitEn = await admin.post('/api/systems', { name: 'X', kind: 'business', owningUnitId: 'ghost' }, { headers: EN });
    expect(errorOf(noUnitEn).fields).toEqual({ owningUnitId: 'The unit does not exist.' });
    expect(errorOf(await api.create({ name: 'X', kind: 'business', owningUnitId: 'soc', usingUnitIds: ['hem', 'ghost'] })).fields).toEqual({
      'usingUnitIds.1': 'Enheten finns inte.',
    });
    await insertUnit(h.handle.db, { id: 'gammal', name: 'Gamla enheten', parentId: 'soc', status: 'inactive' });
    expect(errorOf(await api.create({ name: 'X', kind: 'business', owningUnitId: 'gammal' })).fields).toEqual({ owningUnitId: 'Enheten är inaktiv.' });
    const inactiveEn = await admin.post('/api/systems', { name: 'X', kind: 'business', owningUnitId: 'soc', usingUnitIds: ['gammal'] }, { headers: EN });
    expect(errorOf(inactiveEn).fields).toEqual({ 'usingUnitIds.0': 'The unit is inactive.' });

    // Changes, lifecycle, confirmation, dependencies and list queries validate the same way.
    const noVersion = errorOf(await api.patch(a.id, { name: 'X' }));
    expect(noVersion.fields).toEqual({ version: 'Fältet måste fyllas i.' });
    const patchBad = errorOf(await api.patch(a.id, { version: 0, kind: 'palace', name: '', links: [{ label: '', url: 'not a url' }], registerNo: 'SYS-9' }));
    expect(Object.keys(patchBad.fields!).sort()).toEqual(['kind', 'links.0.label', 'links.0.url', 'name', 'registerNo', 'version']);
    expect(errorOf(await api.patch(a.id, { version: 1, owningUnitId: 'ghost' })).fields).toEqual({ owningUnitId: 'Enheten finns inte.' });
    expect(errorOf(await api.patch(a.id, { version: 1, usingUnitIds: ['ghost'] })).fields).toEqual({ 'usingUnitIds.0': 'Enheten finns inte.' });
    const patchEn = await admin.request('PATCH', `/api/systems/${a.id}`, { version: 1, owningUnitId: 'gammal' }, { headers: EN });
    expect(errorOf(patchEn).fields).toEqual({ owningUnitId: 'The unit is inactive.' });
    expect(errorOf(await api.lifecycle(a.id, 1, 'gone')).fields).toEqual({ lifecycle: 'Välj ett av de tillåtna värdena.' });
    expect(errorOf(await api.lifecycle(a.id, 1, 'gone', EN)).fields).toEqual({ lifecycle: 'Choose one of the allowed values.' });
    expect(Object.keys(errorOf(await admin.post(`/api/systems/${a.id}/confirm`, {})).fields!)).toEqual(['version']);
    expect(Object.keys(errorOf(await admin.post(`/api/systems/${a.id}/confirm`, { version: '1' })).fields!)).toEqual(['version']);
    expect(Object.keys(errorOf(await api.addDependency(a.id, { description: 'x' })).fields!)).toEqual(['dependsOnId']);
    expect(errorOf(await api.addDependency(a.id, { dependsOnId: 'ghost' })).fields).toEqual({ dependsOnId: 'Systemet finns inte.' });
    const listBad = await api.list('lifecycle=gone&hosting=moon&criticality=extreme&samhallsviktig=yes&kommungemensamt=1&sort=colour&dir=up&limit=501');
    expect(listBad.statusCode).toBe(400);
    expect(Object.keys(errorOf(listBad).fields!).sort()).toEqual(['criticality', 'dir', 'hosting', 'kommungemensamt', 'lifecycle', 'limit', 'samhallsviktig', 'sort']);
    expect(errorOf(await api.list('cursor=garbage')).fields).toEqual({ cursor: 'Ogiltigt värde.' });

    expect(await registerCounts(h.handle.db)).toEqual(before);
    expect(expectBody(await api.get(a.id), 200, systemSchema)).toEqual(a);
  });

  it('confirms a record unchanged: only the confirmation moves, due again in 12 months (6 when samhällsviktig)', async () => {
    const plain = await createSystem(admin, { ...full, samhallsviktig: false });
    const vital = await createSystem(admin, { ...full, name: 'Trygghetslarm', samhallsviktig: true });
    expect(plain.confirmationDue).toBe(monthsAfter(plain.createdAt, 12));
    expect(vital.confirmationDue).toBe(monthsAfter(vital.createdAt, 6));
    h.clock.advance(40 * 24 * 3600_000);
    await admin.login('admin@kommun.test'); // the session has timed out meanwhile
    const me = (await admin.get('/api/me')).json() as { id: string; name: string };

    const confirmed = expectBody(await api.confirm(plain.id, 1), 200, systemSchema);
    const at = h.clock.now().toISOString();
    expect(confirmed).toEqual({
      ...plain,
      confirmedAt: at,
      confirmedBy: { id: me.id, name: 'Ada Admin' },
      confirmationDue: monthsAfter(at, 12),
      version: 2,
    });
    const vitalConfirmed = expectBody(await api.confirm(vital.id, 1), 200, systemSchema);
    expect(vitalConfirmed).toMatchObject({ confirmedAt: at, confirmationDue: monthsAfter(at, 6), updatedAt: vital.updatedAt, version: 2 });
    expect((await auditOf(h.handle.db, plain.id)).at(-1)).toEqual({ action: 'confirm', before: { confirmedAt: null }, after: { confirmedAt: at } });

    const before = await registerCounts(h.handle.db);
    const stale = await api.confirm(plain.id, 1);
    expect(stale.statusCode).toBe(409);
    expect(errorOf(stale).code).toBe('conflict');
    expect((await api.confirm('no-such-system', 1)).statusCode).toBe(404);
    expect(await registerCounts(h.handle.db)).toEqual(before);
    // A change after the confirmation is based on the confirmed version.
    expect(expectBody(await api.patch(plain.id, { version: 2, userCount: 500 }), 200, systemSchema)).toMatchObject({ confirmedAt: at, userCount: 500, version: 3 });
  });

  it('resolves responsibilities per area from the policy pack: kommunstyrelsen inside the network, the nämnd outside', async () => {
    const inside = await createSystem(admin, { name: 'Procapita', owningUnitId: 'hem', hosting: 'internal_it' });
    const saas = await createSystem(admin, { name: 'Skolportalen', owningUnitId: 'skola', hosting: 'saas' });
    const socSaas = await createSystem(admin, { name: 'Trygghetslarm', owningUnitId: 'hem', hosting: 'saas' });

    const res = expectBody(await api.responsibilities(inside.id), 200, subjectResponsibilitiesSchema);
    expect(res.pack).toMatchObject({ id: 'svenljunga-it-sakerhetspolicy', version: '1.0.0', title: { sv: 'IT-säkerhetspolicy – Svenljunga kommun' } });
    expect(res.areas.map((a) => a.area)).toEqual([
      'overgripande_ansvar', 'systemforteckning', 'behorighetsadministration', 'behorighetsbestallning', 'behorighetskontroll',
      'loggning_och_sarbarhet', 'distansarbete', 'drift_och_forvaltning', 'tilltradesskydd', 'sakerhetskopiering_och_lagring',
      'avveckling_av_datamedia', 'informationsklassning', 'lagring_epost_internet', 'systemforvaltarplaner',
    ]);
    const overall = (r: typeof res) => r.areas.find((a) => a.area === 'overgripande_ansvar')!.responsibilities;
    const accountable = (r: typeof res) => overall(r).filter((x) => x.capacity === 'accountable');
    expect(accountable(res)).toEqual([
      expect.objectContaining({ ruleId: 'overgripande.kommunstyrelsen', resolution: 'resolved', parties: [{ type: 'unit', id: 'ks', name: 'Kommunstyrelsen', kind: 'kommunstyrelse' }] }),
    ]);
    const backup = res.areas.find((a) => a.area === 'sakerhetskopiering_och_lagring')!.responsibilities;
    expect(backup).toEqual([expect.objectContaining({ ruleId: 'sakerhetskopiering.it_enheten', parties: [expect.objectContaining({ id: 'it', name: 'IT-enheten' })] })]);
    const classification = res.areas.find((a) => a.area === 'informationsklassning')!.responsibilities;
    expect(classification.find((r) => r.ruleId === 'informationsklassning.forvaltningen')!.parties).toEqual([
      { type: 'unit', id: 'soc', name: 'Socialförvaltningen', kind: 'forvaltning' },
    ]);

    const outside = expectBody(await api.responsibilities(saas.id), 200, subjectResponsibilitiesSchema);
    expect(accountable(outside)).toEqual([
      expect.objectContaining({ ruleId: 'overgripande.namnden', parties: [{ type: 'unit', id: 'bun', name: 'Barn- och utbildningsnämnden', kind: 'namnd' }] }),
    ]);
    const socOutside = expectBody(await api.responsibilities(socSaas.id), 200, subjectResponsibilitiesSchema);
    expect(accountable(socOutside)[0]!.parties).toEqual([{ type: 'unit', id: 'sn', name: 'Socialnämnden', kind: 'namnd' }]);
    expect(outside.areas.find((a) => a.area === 'sakerhetskopiering_och_lagring')?.responsibilities ?? []).toEqual([]);

    // Changing the hosting changes the answer.
    expectBody(await api.patch(saas.id, { version: 1, hosting: 'internal_supplier' }), 200, systemSchema);
    const moved = expectBody(await api.responsibilities(saas.id), 200, subjectResponsibilitiesSchema);
    expect(accountable(moved).map((r) => r.ruleId)).toEqual(['overgripande.kommunstyrelsen']);
    expect((await api.responsibilities('no-such-system')).statusCode).toBe(404);
  });
});

