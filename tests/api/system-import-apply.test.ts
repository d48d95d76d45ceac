import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importPreviewSchema, importResultSchema } from '../../server/modules/system-import/schemas.ts';
import { assignRole, createSystem, errorOf, expectBody, insertSystemsKommun, systemsApi } from '../fixtures/systems.ts';
import { holdersOf, importApi, importCounts, insertImportPeople, systemByName, workbook, type WCell } from '../fixtures/system-workbooks.ts';
import { addUser, createHarness, dialects, setupAdmin, type Agent, type Harness } from './harness.ts';

const sheet = (header: string[], ...rows: WCell[][]) => workbook([{ sheet: 'Blad1', rows: [header, ...rows] }]);

/** Correcting the mapping, and what apply refuses: changes since the dry-run, someone else's or an expired dry-run. */
describe.each(dialects())('system register import: mapping and apply (%s)', (dialect) => {
  let h: Harness;
  let admin: Agent;
  let api: ReturnType<typeof importApi>;
  beforeEach(async () => {
    h = await createHarness(dialect);
    admin = await setupAdmin(h);
    await insertSystemsKommun(h.handle.db);
    await insertImportPeople(h.handle.db);
    api = importApi(admin);
  });
  afterEach(async () => h.close());

  const preview = async (file: Buffer, fields: Parameters<typeof api.upload>[1] = {}, headers: Record<string, string> = {}) =>
    expectBody(await api.upload(file, fields, headers), 200, importPreviewSchema);

  it('shows how each column was read and re-reads the file with the caller’s corrections', async () => {
    const file = await sheet(
      ['Applikation', 'Förvaltning', 'Ansvarig chef', 'Beskrivning', 'Plattform'],
      ['Lönesystemet', 'Kommunledningsförvaltningen', 'Anna Berg', 'Lön och personal', 'Azure'],
    );
    const first = await preview(file);
    expect(first.mapping).toEqual([
      { column: 'Applikation', field: 'name', sheets: ['Blad1'] },
      { column: 'Förvaltning', field: 'unit', sheets: ['Blad1'] },
      { column: 'Ansvarig chef', field: null, sheets: ['Blad1'] },
      { column: 'Beskrivning', field: 'description', sheets: ['Blad1'] },
      { column: 'Plattform', field: null, sheets: ['Blad1'] },
    ]);
    expect(first.fields).toContain('owner');
    expect(first.effects.roleStarts).toBe(0);

    const corrected = await preview(file, { mapping: { 'Ansvarig chef': 'owner', plattform: 'hosting', Beskrivning: null } });
    expect(corrected.mapping.map((m) => [m.column, m.field])).toEqual([
      ['Applikation', 'name'], ['Förvaltning', 'unit'], ['Ansvarig chef', 'owner'], ['Beskrivning', null], ['Plattform', 'hosting'],
    ]);
    expect(corrected.effects.roleStarts).toBe(1);
    expectBody(await api.apply(corrected.id), 200, importResultSchema);
    const system = await systemByName(h.handle.db, 'Lönesystemet');
    expect(system).toMatchObject({ owning_unit_id: 'klf', hosting: 'cloud_tenant', description: null });
    expect(await holdersOf(h.handle.db, system.id)).toEqual(['systemagare:p-anna']);

    // A mapping can also find a header row nothing else recognises.
    const odd = await sheet(['Vad', 'Var'], ['Kassan', 'Socialförvaltningen']);
    expect((await api.upload(odd)).statusCode).toBe(400);
    expect((await preview(odd, { mapping: { Vad: 'name', Var: 'unit' } })).counts).toMatchObject({ create: 1 });
  });

  it('refuses with 409 and writes nothing when a system changed between the dry-run and apply', async () => {
    const procapita = await createSystem(admin, { name: 'Procapita', owningUnitId: 'soc' });
    const file = await sheet(['Systemnamn', 'Förvaltning', 'Kritikalitet', 'Systemägare'], ['Procapita', 'Socialförvaltningen', 'Hög', 'Anna Berg'], ['Nytt', 'Socialförvaltningen', null, null]);
    const dry = await preview(file);
    expect(dry.counts).toMatchObject({ create: 1, update: 1 });
    expect((await systemsApi(admin).patch(procapita.id, { version: 1, description: 'Ändrad under tiden' })).statusCode).toBe(200);
    const before = await importCounts(h.handle.db);
    const res = await api.apply(dry.id);
    expect(res.statusCode).toBe(409);
    expect(errorOf(res).code).toBe('conflict');
    expect(await importCounts(h.handle.db)).toEqual(before);
    expect((await systemByName(h.handle.db, 'Procapita')).criticality).toBeNull();

    // A new dry-run sees the change; a role given meanwhile also makes apply refuse.
    const second = await preview(file);
    await assignRole(h.handle.db, { roleKey: 'systemforvaltare', personId: 'p-bo', systemId: procapita.id });
    expect((await api.apply(second.id)).statusCode).toBe(409);
    const third = await preview(file);
    expectBody(await api.apply(third.id), 200, importResultSchema);
    expect(await holdersOf(h.handle.db, procapita.id)).toEqual(['systemagare:p-anna', 'systemforvaltare:p-bo']);
  });

  it('a dry-run is applied once, by the one who made it, within the hour', async () => {
    const file = await sheet(['Systemnamn', 'Förvaltning'], ['Ett', 'Socialförvaltningen']);
    const other = await addUser(h, admin, 'annan@kommun.test', 'administrator');
    const dry = await preview(file);
    expect((await importApi(other).apply(dry.id)).statusCode).toBe(404);
    expect((await api.apply('no-such-import')).statusCode).toBe(404);
    expectBody(await api.apply(dry.id), 200, importResultSchema);
    expect((await api.apply(dry.id)).statusCode).toBe(409);
    const late = await preview(file);
    h.clock.advance(3_600_001);
    await admin.login('admin@kommun.test'); // the session's idle limit passed too
    expect((await api.apply(late.id)).statusCode).toBe(404);
  });

  it('refuses lifecycle moves the register does not allow and changes to avvecklade systems, naming the cell', async () => {
    const live = await createSystem(admin, { name: 'Levande', owningUnitId: 'soc', lifecycle: 'implementing' });
    const old = await createSystem(admin, { name: 'Gammalt', owningUnitId: 'soc' });
    expect((await systemsApi(admin).lifecycle(old.id, 1, 'retired')).statusCode).toBe(200);
    const file = await sheet(
      ['Systemnamn', 'Förvaltning', 'Status', 'Kritikalitet'],
      ['Gammalt', 'Socialförvaltningen', 'Avvecklad', 'Hög'],
      ['Levande', 'Socialförvaltningen', 'Under avveckling', null],
      ['Levande', 'Utbildningsförvaltningen', null, 'Låg'],
    );
    const dry = await preview(file, {}, { 'accept-language': 'en' });
    expect(dry.rows.map((r) => [r.name, r.action])).toEqual([['Gammalt', 'error'], ['Levande', 'error'], ['Levande', 'error']]);
    expect(dry.rows[0]!.errors).toEqual([{ cell: 'A2', column: 'Systemnamn', message: 'The system is retired and cannot be changed.' }]);
    expect(dry.rows[1]!.errors).toEqual([{ cell: 'C3', column: 'Status', message: 'The lifecycle cannot go from being implemented to being retired.' }]);
    expect(dry.rows[2]!.errors).toEqual([{ cell: null, column: null, message: 'The same system as row 3 on the sheet Blad1, which has errors: the system is not imported.' }]);
    // Re-stating an avvecklat system as it is changes nothing and is no error.
    expect((await preview(await sheet(['Systemnamn', 'Status'], ['Gammalt', 'avvecklad']))).rows[0]).toMatchObject({ action: 'unchanged' });

    // implementing → in operation is allowed (the import records what is in use; missing roles become findings).
    const ok = await preview(await sheet(['Systemnamn', 'Status'], ['Levande', 'i drift']));
    expect(ok.rows[0]).toMatchObject({ action: 'update', changes: ['lifecycle'] });
    expectBody(await api.apply(ok.id), 200, importResultSchema);
    expect(await systemByName(h.handle.db, 'Levande')).toMatchObject({ lifecycle: 'in_operation', version: 2 });
    const move = await preview(await sheet(['Systemnamn', 'Status'], ['Levande', 'Planerad']));
    expect(move.rows[0]!.errors).toEqual([{ cell: 'B2', column: 'Status', message: 'Livscykeln kan inte gå från i drift till planerad.' }]);
    expect(live.id).toBeTruthy();
  });
});
