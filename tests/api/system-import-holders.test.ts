import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importPreviewSchema, importResultSchema } from '../../server/modules/system-import/schemas.ts';
import { sortKey } from '../../server/platform/text.ts';
import { insertUnit } from '../fixtures/org.ts';
import { assignRole, createSystem, errorOf, expectBody, insertSystemsKommun } from '../fixtures/systems.ts';
import { date, holdersOf, importApi, importCounts, insertImportPeople, systemByName, workbook } from '../fixtures/system-workbooks.ts';
import { TEST_NOW, createHarness, dialects, setupAdmin, type Agent, type Harness } from './harness.ts';

/** Excel's limit: the sheet's name is the start of the förvaltning's name, the title row has it in full. */
const CUT_SHEET = 'Samhällsbyggnadsförvaltningen i';
const SBF = 'Samhällsbyggnadsförvaltningen i Exempelby';
const HEADER = ['Systemnamn', 'Systemägare', 'Systemförvaltare', 'Driftansvarig', 'Leverantör', 'Antal användare', 'Avtalets slutdatum'];
const DRIFT = 'Driftansvarig – IT-driftsledare';

/**
 * A register written the way kommuner write them (issue 11, part 3): driftansvarig as "IT-enheten", as a
 * supplier's name, as "Leverantör"; "alla" and "se avtal" in optional columns; a sheet name cut at 31
 * characters. No person is made of a unit, a supplier or "Leverantör", every system is imported, and the
 * cells' text is kept.
 */
const kommunWorkbook = () =>
  workbook([
    {
      sheet: CUT_SHEET,
      rows: [
        [SBF],
        HEADER,
        ['Bygglovet', 'Anna Berg', 'Bo Ek', 'IT-enheten', 'Visma', 'alla', 'se avtal'],
        ['Kartan', 'IT-enheten', 'Cecilia Dahl', 'Sokigo AB', 'Sokigo AB', 'ca 40', date('2027-06-30')],
        ['Ärendet', 'Anna Berg', 'Atea Sverige AB', 'Leverantör', 'Tieto Evry', '120', null],
        ['Parkeringen', 'Kalle', 'Greta Nyström', 'Extern leverantör', null, null, null],
        ['Kommunens webb', 'Bo Ek', null, 'CGI Sverige AB', null, null, null],
        ['Diariet', null, null, 'IT-avdelningen', null, null, null],
        ['Gamla webben', null, null, 'IT', null, null, null],
      ],
    },
  ]);

describe.each(dialects())('system register import: who holds a role, as kommuner write it (%s)', (dialect) => {
  let h: Harness;
  let admin: Agent;
  beforeEach(async () => {
    h = await createHarness(dialect);
    admin = await setupAdmin(h);
    await insertSystemsKommun(h.handle.db);
    await insertImportPeople(h.handle.db);
    await insertUnit(h.handle.db, { id: 'sbf', name: SBF, parentId: 'kommun', kind: 'forvaltning' });
    await h.handle.db
      .insertInto('suppliers')
      .values({ id: 's-cgi', name: 'CGI Sverige AB', name_sort: sortKey('cgi sverige ab'), org_number: null, website: null, note: null, created_at: TEST_NOW, updated_at: TEST_NOW, version: 1 })
      .execute();
  });
  afterEach(async () => h.close());

  const preview = async (file: Buffer, fields: Parameters<ReturnType<typeof importApi>['upload']>[1] = {}) =>
    expectBody(await importApi(admin).upload(file, fields), 200, importPreviewSchema);
  const apply = async (id: string) => expectBody(await importApi(admin).apply(id), 200, importResultSchema);
  const supplierId = async (name: string) => (await h.handle.db.selectFrom('suppliers').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;

  /** Diariet's driftansvarig is a person (the file makes it the IT unit); Gamla webben's is the IT unit already. */
  async function existingSystems() {
    const diariet = await createSystem(admin, { name: 'Diariet', owningUnitId: 'sbf' });
    const gamla = await createSystem(admin, { name: 'Gamla webben', owningUnitId: 'sbf' });
    await assignRole(h.handle.db, { roleKey: 'driftansvarig', personId: 'p-dan', systemId: diariet.id });
    const it = await assignRole(h.handle.db, { roleKey: 'driftansvarig', personId: 'it', systemId: gamla.id });
    await h.handle.db.updateTable('role_assignments').set({ principal_kind: 'unit' }).where('id', '=', it).execute();
    return { diariet, gamla };
  }

  it('makes units and suppliers holders, never people; imports every row; keeps the unreadable text; a re-import changes nothing', async () => {
    const { diariet, gamla } = await existingSystems();
    const peopleBefore = (await importCounts(h.handle.db)).people!;
    // Even with createMissing, only what reads as a person's name becomes a person.
    const dry = await preview(await kommunWorkbook(), { createMissing: true });
    expect(dry.rows.map((r) => [r.name, r.action, r.unit])).toEqual([
      ['Bygglovet', 'create', SBF],
      ['Kartan', 'create', SBF],
      ['Ärendet', 'create', SBF],
      ['Parkeringen', 'create', SBF],
      ['Kommunens webb', 'create', SBF],
      ['Diariet', 'update', SBF],
      ['Gamla webben', 'unchanged', SBF],
    ]);
    expect(dry.counts).toEqual({ create: 5, update: 1, unchanged: 1, error: 0 });
    expect(dry.rows[5]!.changes).toEqual(['operations']);
    expect(dry.notices.some((n) => n.includes(CUT_SHEET) && n.includes(SBF))).toBe(true);

    // What each name became, and why; only Greta Nyström is an unknown person.
    const became = Object.fromEntries(dry.unknownHolders.map((u) => [`${u.text}|${u.roles.join(',')}`, [u.became, u.holder]]));
    expect(became).toEqual({
      'IT-enheten|Systemägare': ['vacant', 'IT-enheten'],
      'Atea Sverige AB|Systemförvaltare': ['vacant', null],
      'Kalle|Systemägare': ['vacant', null],
      [`Extern leverantör|${DRIFT}`]: ['vacant', null],
      'Greta Nyström|Systemförvaltare': ['new_person', 'Greta Nyström'],
      [`IT-enheten|${DRIFT}`]: ['unit', 'IT-enheten'],
      [`IT-avdelningen|${DRIFT}`]: ['unit', 'IT-enheten'],
      [`IT|${DRIFT}`]: ['unit', 'IT-enheten'],
      [`Sokigo AB|${DRIFT}`]: ['supplier', 'Sokigo AB'],
      [`Leverantör|${DRIFT}`]: ['supplier', 'Tieto Evry'],
      [`CGI Sverige AB|${DRIFT}`]: ['supplier', 'CGI Sverige AB'],
    });
    expect(dry.unknownHolders[0]!.became).toBe('vacant');
    const atea = dry.unknownHolders.find((u) => u.text === 'Atea Sverige AB')!;
    expect(atea.reason).toContain('organisation');
    expect(atea.rows).toEqual([{ sheet: CUT_SHEET, row: 5, cell: 'C5' }]);
    expect(dry.unknownPeople.map((p) => p.name)).toEqual(['Greta Nyström']);
    expect(dry.effects).toMatchObject({ people: 1, suppliers: 3, roleEnds: 1 });

    // The remarks name the cell; the system is imported all the same.
    expect(dry.rows[1]!.notes).toContainEqual({
      cell: 'B4', column: 'Systemägare', message: '"IT-enheten": Rollen Systemägare kan inte innehas av en enhet: rollen får ingen innehavare härifrån.',
    });
    expect(dry.rows[3]!.notes!.map((n) => n.cell)).toEqual(expect.arrayContaining(['B6', 'D6']));
    expect(dry.rows[0]!.notes).toEqual(expect.arrayContaining([expect.objectContaining({ cell: 'F3', column: 'Antal användare' }), expect.objectContaining({ cell: 'G3', column: 'Avtalets slutdatum' })]));

    await apply(dry.id);
    const people = await h.handle.db.selectFrom('people').select(['id', 'name', 'home_unit_id']).execute();
    expect(people.length).toBe(peopleBefore + 1);
    const greta = people.find((p) => p.name === 'Greta Nyström')!;
    expect(greta.home_unit_id).toBe('sbf');
    for (const name of ['IT-enheten', 'IT-avdelningen', 'IT', 'Sokigo AB', 'Leverantör', 'Extern leverantör', 'Tieto Evry', 'CGI Sverige AB', 'Atea Sverige AB', 'Kalle', 'Visma']) {
      expect(people.some((p) => p.name.toLowerCase() === name.toLowerCase()), name).toBe(false);
    }
    const [sokigo, tieto] = [await supplierId('Sokigo AB'), await supplierId('Tieto Evry')];
    const holders = async (name: string) => holdersOf(h.handle.db, (await systemByName(h.handle.db, name)).id);
    expect(await holders('Bygglovet')).toEqual(['driftansvarig:unit:it', 'systemagare:p-anna', 'systemforvaltare:p-bo']);
    expect(await holders('Kartan')).toEqual([`driftansvarig:supplier:${sokigo}`, 'systemforvaltare:p-cecilia']);
    expect(await holders('Ärendet')).toEqual([`driftansvarig:supplier:${tieto}`, 'systemagare:p-anna']);
    expect(await holders('Parkeringen')).toEqual([`systemforvaltare:${greta.id}`]);
    expect(await holders('Kommunens webb')).toEqual(['driftansvarig:supplier:s-cgi', 'systemagare:p-bo']);
    expect(await holdersOf(h.handle.db, diariet.id)).toEqual(['driftansvarig:unit:it']);
    expect(await holdersOf(h.handle.db, gamla.id)).toEqual(['driftansvarig:unit:it']);
    expect((await h.handle.db.selectFrom('suppliers').select('name').orderBy('name').execute()).map((s) => s.name)).toEqual(['CGI Sverige AB', 'Sokigo AB', 'Tieto Evry', 'Visma']);
    const bygglovet = await systemByName(h.handle.db, 'Bygglovet');
    expect(bygglovet).toMatchObject({ owning_unit_id: 'sbf', user_count: null, note: 'Antal användare: alla\nAvtalets slutdatum: se avtal' });
    const events = await h.handle.db.selectFrom('audit_events').select(['after_json']).where('entity_type', '=', 'role_assignment').where('action', '=', 'create').where('origin', '=', 'import').execute();
    expect(events.map((e) => (JSON.parse(e.after_json!) as { principalKind: string }).principalKind).sort()).toEqual(
      ['person', 'person', 'person', 'person', 'person', 'person', 'supplier', 'supplier', 'supplier', 'unit', 'unit'].sort(),
    );

    // The same file again: every system as it is (the IT unit is the IT unit, the supplier the supplier).
    const again = await preview(await kommunWorkbook(), { createMissing: true });
    expect(again.counts).toEqual({ create: 0, update: 0, unchanged: 7, error: 0 });
    expect(again.effects).toMatchObject({ people: 0, suppliers: 0, roleStarts: 0, roleEnds: 0 });
    const { importEvents: _events, ...before } = await importCounts(h.handle.db);
    await apply(again.id);
    const { importEvents: _after, ...after } = await importCounts(h.handle.db);
    expect(after).toEqual(before);
  });

  it('the caller says how a name is read; a mapping never lets a role be held by a kind the policy does not allow', async () => {
    const dry = await preview(await kommunWorkbook(), {
      holderMappings: [
        { text: 'Kalle', as: { kind: 'person', id: 'p-dan' } },
        { text: 'atea sverige ab', as: { kind: 'unit', id: 'it' } },
        { text: 'Leverantör', as: 'vacant' },
        { text: 'Extern leverantör', as: { kind: 'supplier', id: 's-cgi' } },
      ],
    });
    expect(dry.counts.error).toBe(0);
    const became = Object.fromEntries(dry.unknownHolders.map((u) => [u.text, [u.became, u.holder, u.reason]]));
    expect(became['Kalle']).toEqual(['person', 'Dan Drift', 'Enligt din tolkning.']);
    expect(became['Atea Sverige AB']).toEqual(['vacant', 'IT-enheten', 'Rollen Systemförvaltare kan inte innehas av en enhet: rollen får ingen innehavare härifrån.']);
    expect(became['Leverantör']).toEqual(['vacant', null, 'Enligt din tolkning: ingen innehavare.']);
    expect(became['Extern leverantör']).toEqual(['supplier', 'CGI Sverige AB', 'Enligt din tolkning.']);
    await apply(dry.id);
    const holders = async (name: string) => holdersOf(h.handle.db, (await systemByName(h.handle.db, name)).id);
    expect(await holders('Parkeringen')).toEqual(['driftansvarig:supplier:s-cgi', 'systemagare:p-dan']);
    expect(await holders('Ärendet')).toEqual(['systemagare:p-anna']);
    // Without createMissing the unknown person is listed and not added.
    expect(await h.handle.db.selectFrom('people').select('id').where('name', '=', 'Greta Nyström').execute()).toEqual([]);
  });

  it('the caller gives the förvaltning of a sheet whose name Excel cut, or that names it by an abbreviation', async () => {
    const file = await workbook([
      { sheet: 'Miljö- och hälsoskyddsförvaltni', rows: [['Systemnamn', 'Driftansvarig'], ['Miljöreda', 'IT-enheten']] },
      { sheet: 'Soc', rows: [['Systemnamn', 'Driftansvarig'], ['Omsorgen', 'Leverantör']] },
    ]);
    const without = await preview(file, { createMissing: true });
    expect(without.rows.map((r) => r.unit)).toEqual(['Miljö- och hälsoskyddsförvaltni', 'Soc']);
    // The sheet summaries say which sheets give the förvaltning and which name was probably cut (the page's fields).
    expect(without.sheets.map((s) => [s.name, s.unitFromName, s.nameCut ?? false, s.unitGiven ?? null])).toEqual([
      ['Miljö- och hälsoskyddsförvaltni', true, true, null],
      ['Soc', true, false, null],
    ]);
    const dry = await preview(file, { createMissing: true, sheetUnits: { 'Miljö- och hälsoskyddsförvaltni': 'Miljö- och hälsoskyddsförvaltningen', soc: 'Socialförvaltningen' } });
    expect(dry.rows.map((r) => [r.name, r.action, r.unit])).toEqual([
      ['Miljöreda', 'create', 'Miljö- och hälsoskyddsförvaltningen'],
      ['Omsorgen', 'create', 'Socialförvaltningen'],
    ]);
    expect(dry.notices).toContain('Bladet "Soc" läses som förvaltningen "Socialförvaltningen", som du angav.');
    expect(dry.sheets.map((s) => s.unitGiven)).toEqual(['Miljö- och hälsoskyddsförvaltningen', 'Socialförvaltningen']);
    expect(dry.unknownUnits.map((u) => [u.name, u.create])).toEqual([['Miljö- och hälsoskyddsförvaltningen', true]]);
    // "Leverantör" on a row without a supplier: no holder, no person.
    expect(dry.unknownHolders.find((u) => u.text === 'Leverantör')).toMatchObject({ became: 'vacant', holder: null });
    await apply(dry.id);
    const miljo = await systemByName(h.handle.db, 'Miljöreda');
    expect((await h.handle.db.selectFrom('org_units').select('name').where('id', '=', miljo.owning_unit_id).executeTakeFirstOrThrow()).name).toBe('Miljö- och hälsoskyddsförvaltningen');
    expect(await holdersOf(h.handle.db, miljo.id)).toEqual(['driftansvarig:unit:it']);
    expect((await systemByName(h.handle.db, 'Omsorgen')).owning_unit_id).toBe('soc');
    const res = await importApi(admin).upload(file, { sheetUnits: ['Soc'] });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(errorOf(res).fields ?? {})).toEqual(['sheetUnits']);
  });

  it('a holder mapping that cannot be read is a 400 naming holderMappings', async () => {
    for (const bad of ['not json', [{ text: 'Kalle', as: 'someone' }], [{ text: '', as: 'vacant' }], { Kalle: 'vacant' }]) {
      const res = await importApi(admin).upload(await kommunWorkbook(), { holderMappings: bad });
      expect(res.statusCode).toBe(400);
      expect(Object.keys(errorOf(res).fields ?? {})).toEqual(['holderMappings']);
    }
  });
});
