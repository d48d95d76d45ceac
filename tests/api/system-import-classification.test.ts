import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemClassificationsSchema } from '../../server/modules/classifications/schemas.ts';
import { importPreviewSchema, importResultSchema } from '../../server/modules/system-import/schemas.ts';
import { verifyAuditChain } from '../../server/platform/audit/audit.ts';
import { csv } from '../fixtures/files.ts';
import { createSystem, expectBody, insertSystemsKommun, systemsApi } from '../fixtures/systems.ts';
import { importApi, importEvents, insertImportPeople, systemByName, workbook, type WCell } from '../fixtures/system-workbooks.ts';
import { createHarness, dialects, setupAdmin, type Agent, type Harness } from './harness.ts';

const sheet = (header: string[], ...rows: WCell[][]) => workbook([{ sheet: 'Blad1', rows: [header, ...rows] }]);

const NOTICE =
  'K/R/T blir ett utkast till informationsklassning för systemet (metod: import). Utkastet behöver kompletteras och godkännas innan det gäller; ett system som någon redan klassar lämnas som det är.';

/** K/R/T in the register becomes a draft classification per system (method import), to be completed and approved. */
describe.each(dialects())('system register import: K/R/T becomes draft classifications (%s)', (dialect) => {
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

  const preview = async (file: Buffer, headers: Record<string, string> = {}, name?: string) =>
    expectBody(await api.upload(file, {}, headers, name), 200, importPreviewSchema);
  const applied = async (id: string) => expectBody(await api.apply(id), 200, importResultSchema);
  const classificationsOf = async (systemName: string) => {
    const system = await systemByName(h.handle.db, systemName);
    return expectBody(await admin.get(`/api/systems/${system.id}/classifications`), 200, systemClassificationsSchema).items;
  };
  const classificationEvents = async () => (await importEvents(h.handle.db)).filter((e) => e.startsWith('classification:'));

  it('reads one K/R/T column ("3/2/2", "K2 R1 T3 S2") into a draft classification per system', async () => {
    const file = await sheet(
      ['Systemnamn', 'Förvaltning', 'K/R/T'],
      ['Procapita', 'Socialförvaltningen', '3/2/2'],
      ['Skolplattformen', 'Utbildningsförvaltningen', 'K2 R1 T3 S2'],
      ['Kartan', 'Kommunledningsförvaltningen', null],
    );
    const dry = await preview(file);
    expect(dry.counts).toEqual({ create: 3, update: 0, unchanged: 0, error: 0 });
    expect(dry.classifications).toEqual({ create: 2, update: 0, unchanged: 0, inProgress: 0 });
    expect(dry.rows.map((r) => [r.name, r.action, r.classification])).toEqual([
      ['Procapita', 'create', 'create'],
      ['Skolplattformen', 'create', 'create'],
      ['Kartan', 'create', null],
    ]);
    expect(dry.notices).toContain(NOTICE);
    expect(await h.handle.db.selectFrom('classifications').selectAll().execute()).toEqual([]);

    const result = await applied(dry.id);
    expect(result.classifications).toEqual(dry.classifications);
    const procapita = await classificationsOf('Procapita');
    expect(procapita).toHaveLength(1);
    expect(procapita[0]).toMatchObject({
      status: 'draft', method: 'import', version: 1, reference: '3/2/2', levels: { confidentiality: 3, integrity: 2, availability: 2, traceability: null },
    });
    expect((await classificationsOf('Skolplattformen'))[0]).toMatchObject({
      status: 'draft', method: 'import', reference: 'K2 R1 T3 S2', levels: { confidentiality: 2, integrity: 1, availability: 3, traceability: 2 },
    });
    expect(await classificationsOf('Kartan')).toEqual([]);
    // K/R/T is no longer kept in the note.
    expect((await systemByName(h.handle.db, 'Procapita')).note).toBeNull();
    expect(await classificationEvents()).toEqual(['classification:create', 'classification:create']);
    expect((await importEvents(h.handle.db)).at(-1)).toBe('system_import:apply');
    expect(await verifyAuditChain(h.handle.db)).toMatchObject({ ok: true });
  });

  it('reads the columns Konfidentialitet, Riktighet, Tillgänglighet (and Spårbarhet) the same way', async () => {
    const file = await sheet(
      ['Systemnamn', 'Förvaltning', 'Konfidentialitet', 'Riktighet', 'Tillgänglighet', 'Spårbarhet'],
      ['Procapita', 'Socialförvaltningen', 3, 2, 2, null],
      ['Skolplattformen', 'Utbildningsförvaltningen', '2', '1', '3', '2'],
      ['Kartan', 'Kommunledningsförvaltningen', '–', '-', null, null],
    );
    const dry = await preview(file);
    expect(dry.mapping.map((m) => m.field)).toEqual(['name', 'unit', 'confidentiality', 'integrity', 'availability', 'traceability']);
    expect(dry.classifications).toEqual({ create: 2, update: 0, unchanged: 0, inProgress: 0 });
    expect(dry.rows.map((r) => r.classification)).toEqual(['create', 'create', null]);
    expect(dry.rows.flatMap((r) => r.notes ?? []).filter((n) => n.column !== null)).toEqual([]);
    expect(dry.notices).toContain(NOTICE);
    await applied(dry.id);
    expect((await classificationsOf('Procapita'))[0]).toMatchObject({
      status: 'draft', method: 'import', reference: '3/2/2', levels: { confidentiality: 3, integrity: 2, availability: 2, traceability: null },
    });
    expect((await classificationsOf('Skolplattformen'))[0]).toMatchObject({
      status: 'draft', method: 'import', reference: '2/1/3/2', levels: { confidentiality: 2, integrity: 1, availability: 3, traceability: 2 },
    });
    expect(await classificationsOf('Kartan')).toEqual([]);
  });

  it('importing the same file again leaves the classification unchanged: no new version, no audit event', async () => {
    const file = csv([
      ['Systemnamn', 'Förvaltning', 'K/R/T'],
      ['Procapita', 'Socialförvaltningen', '3/2/2'],
      ['Skolplattformen', 'Utbildningsförvaltningen', 'K2 R1 T3 S2'],
    ]);
    await applied((await preview(file, {}, 'register.csv')).id);
    expect(await classificationEvents()).toHaveLength(2);

    const again = await preview(file, {}, 'register.csv');
    expect(again.counts).toEqual({ create: 0, update: 0, unchanged: 2, error: 0 });
    expect(again.classifications).toEqual({ create: 0, update: 0, unchanged: 2, inProgress: 0 });
    expect(again.rows.map((r) => [r.action, r.classification])).toEqual([['unchanged', 'unchanged'], ['unchanged', 'unchanged']]);
    const result = await applied(again.id);
    expect(result.classifications).toEqual(again.classifications);
    expect(await classificationsOf('Procapita')).toHaveLength(1);
    expect(await classificationsOf('Skolplattformen')).toHaveLength(1);
    expect(await classificationEvents()).toHaveLength(2);

    // The same levels written another way are the same classification.
    const other = await preview(csv([['Systemnamn', 'Förvaltning', 'K/R/T'], ['Procapita', 'Socialförvaltningen', 'K3 R2 T2']]), {}, 'register.csv');
    expect(other.rows.map((r) => r.classification)).toEqual(['unchanged']);

    // New levels change the import's own draft (no new version); a draft someone is working on is left alone.
    const changed = await preview(
      csv([['Systemnamn', 'Förvaltning', 'K/R/T'], ['Procapita', 'Socialförvaltningen', '4/2/2'], ['Skolplattformen', 'Utbildningsförvaltningen', '1/1/1']]),
      {},
      'register.csv',
    );
    // Someone takes the import's draft of Skolplattformen on (the guide).
    const [open] = await classificationsOf('Skolplattformen');
    expect((await admin.request('PATCH', `/api/classifications/${open!.id}`, { rowVersion: open!.rowVersion, method: 'guided' })).statusCode).toBe(200);
    const mine = await preview(
      csv([['Systemnamn', 'Förvaltning', 'K/R/T'], ['Procapita', 'Socialförvaltningen', '4/2/2'], ['Skolplattformen', 'Utbildningsförvaltningen', '1/1/1']]),
      {},
      'register.csv',
    );
    expect(changed.classifications).toEqual({ create: 0, update: 2, unchanged: 0, inProgress: 0 });
    expect(mine.classifications).toEqual({ create: 0, update: 1, unchanged: 0, inProgress: 1 });
    expect(mine.rows.map((r) => r.classification)).toEqual(['update', 'in_progress']);
    expect(mine.rows[1]!.notes!.map((n) => [n.cell, n.message])).toEqual([
      ['C3', 'Någon arbetar redan med systemets informationsklassning: K/R/T från filen används inte.'],
    ]);
    await applied(mine.id);
    const procapita = await classificationsOf('Procapita');
    expect(procapita).toHaveLength(1);
    expect(procapita[0]).toMatchObject({ status: 'draft', method: 'import', reference: '4/2/2', levels: { confidentiality: 4, integrity: 2, availability: 2 } });
    expect((await classificationsOf('Skolplattformen'))[0]).toMatchObject({ method: 'guided', levels: { confidentiality: 2, integrity: 1, availability: 3, traceability: 2 } });
    expect((await systemByName(h.handle.db, 'Skolplattformen')).version).toBe(1);
    expect(await classificationEvents()).toEqual(['classification:create', 'classification:create', 'classification:update']);
  });

  it('a K/R/T that does not read, or a level off the scale, is a remark naming the cell: the system is imported, with no classification', async () => {
    const file = await sheet(
      ['Systemnamn', 'Förvaltning', 'K/R/T', 'Kommentar'],
      ['Procapita', 'Socialförvaltningen', 'hög', 'Ska bytas'],
      ['Skolplattformen', 'Utbildningsförvaltningen', '7/2/2', null],
      ['Kartan', 'Kommunledningsförvaltningen', '2/2/2', null],
    );
    const dry = await preview(file);
    expect(dry.counts).toEqual({ create: 3, update: 0, unchanged: 0, error: 0 });
    expect(dry.classifications).toEqual({ create: 1, update: 0, unchanged: 0, inProgress: 0 });
    expect(dry.rows.map((r) => [r.name, r.action, r.classification, r.errors ?? null])).toEqual([
      ['Procapita', 'create', null, null],
      ['Skolplattformen', 'create', null, null],
      ['Kartan', 'create', 'create', null],
    ]);
    expect(dry.rows[0]!.notes!.filter((n) => n.cell)).toEqual([
      { cell: 'C2', column: 'K/R/T', message: '"hög" går inte att läsa som K/R/T (skriv till exempel 3/2/2, 3/2/2/1 eller K3 R2 T2): ingen informationsklassning görs från raden.' },
    ]);
    expect(dry.rows[1]!.notes!.filter((n) => n.cell)).toEqual([
      { cell: 'C3', column: 'K/R/T', message: '"7/2/2": nivån K7 finns inte på policyns skala för informationsklassning: ingen informationsklassning görs från raden.' },
    ]);
    await applied(dry.id);
    expect(await classificationsOf('Procapita')).toEqual([]);
    expect(await classificationsOf('Skolplattformen')).toEqual([]);
    expect(await classificationsOf('Kartan')).toHaveLength(1);
    // Like every optional cell that cannot be read, its text is kept in the note.
    expect((await systemByName(h.handle.db, 'Procapita')).note).toBe('Ska bytas\nK/R/T: hög');
    expect((await systemByName(h.handle.db, 'Skolplattformen')).note).toBe('K/R/T: 7/2/2');

    // A column per aspect: the cell that does not read is named, in the caller's language.
    const perAspect = await sheet(
      ['System name', 'Owning unit', 'Confidentiality', 'Integrity', 'Availability'],
      ['Visma', 'Utbildningsförvaltningen', 'high', '2', '2'],
    );
    const en = await preview(perAspect, { 'accept-language': 'en' });
    expect(en.rows.map((r) => [r.action, r.classification])).toEqual([['create', null]]);
    expect(en.rows[0]!.notes!.filter((n) => n.cell)).toEqual([
      { cell: 'C2', column: 'Confidentiality', message: '"high" is not a level (write a digit, or – when the level is not assessed): the row gives no information classification.' },
    ]);
    expect(en.classifications).toEqual({ create: 0, update: 0, unchanged: 0, inProgress: 0 });
  });

  it('gives an existing system a draft without changing the system; an avvecklat system gets none', async () => {
    const procapita = await createSystem(admin, { name: 'Procapita', owningUnitId: 'soc' });
    const gammalt = await createSystem(admin, { name: 'Gammalt', owningUnitId: 'soc' });
    expect((await systemsApi(admin).lifecycle(gammalt.id, 1, 'retired')).statusCode).toBe(200);
    const file = await sheet(['Systemnamn', 'Förvaltning', 'K/R/T'], ['Procapita', 'Socialförvaltningen', '2/2/2'], ['Gammalt', 'Socialförvaltningen', '1/1/1']);
    const dry = await preview(file);
    expect(dry.counts).toEqual({ create: 0, update: 0, unchanged: 2, error: 0 });
    expect(dry.classifications).toEqual({ create: 1, update: 0, unchanged: 0, inProgress: 0 });
    expect(dry.rows.map((r) => [r.name, r.action, r.classification])).toEqual([['Procapita', 'unchanged', 'create'], ['Gammalt', 'unchanged', null]]);
    expect(dry.rows[1]!.notes!.map((n) => n.message)).toEqual(['Systemet är avvecklat: K/R/T blir ingen informationsklassning.']);
    await applied(dry.id);
    expect((await classificationsOf('Procapita'))[0]).toMatchObject({ status: 'draft', method: 'import', levels: { confidentiality: 2, integrity: 2, availability: 2 } });
    expect(await classificationsOf('Gammalt')).toEqual([]);
    expect((await systemByName(h.handle.db, 'Procapita')).version).toBe(procapita.version);
  });
});
