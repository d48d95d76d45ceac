import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importPreviewSchema, importResultSchema } from '../../server/modules/system-import/schemas.ts';
import { verifyAuditChain } from '../../server/platform/audit/audit.ts';
import { csv, form } from '../fixtures/files.ts';
import { insertUnit } from '../fixtures/org.ts';
import { createSystem, errorOf, expectBody, insertSystemsKommun } from '../fixtures/systems.ts';
import {
  date, holdersOf, importApi, importCounts, importEvents, insertImportPeople, systemByName, workbook, type WSheet,
} from '../fixtures/system-workbooks.ts';
import { createHarness, dialects, setupAdmin, type Agent, type Harness } from './harness.ts';

type Preview = ReturnType<typeof importPreviewSchema.parse>;
type Row = Preview['rows'][number];

const SOC_HEADER = [
  'Systemnamn', 'Beskrivning', 'Systemägare', 'Systemförvaltare', 'Driftansvarig', 'Leverantör', 'Hosting/driftform', 'K/R/T',
  'Personuppgifter', 'Samhällsviktig', 'Avtalets slutdatum', 'Antal användare', 'Kommentar',
];

/** A register as kommuner keep it: instructions, title rows, one sheet per förvaltning, notes below, the same system twice. */
export const MESSY: WSheet[] = [
  { sheet: 'Läs mig', rows: [['Fyll i en rad per system. Ett blad per förvaltning.'], [], ['Frågor: it@kommun.test']] },
  {
    sheet: 'Socialförvaltningen',
    rows: [
      ['Systemförteckning – Socialförvaltningen'],
      [],
      SOC_HEADER,
      ['  Procapita  ', 'Verksamhetssystem för   socialtjänsten', 'Anna Berg', 'cecilia.dahl@kommun.test', 'Vakant', 'Tieto Evry', 'Hos leverantör', '3/3/2', 'Ja, känsliga', 'X', date('2026-12-31'), 'ca 250', 'Ska bytas 2027'],
      ['Office 365', 'Kontorsstöd', 'Berg, Anna', null, null, 'Microsoft', 'M365-tenant', '2/2/2', 'Ja', 'Nej', '31/12 2026', 1200, null],
      [],
      ['Källa: IT-enheten, mars 2026'],
      ['* K/R/T = konfidentialitet/riktighet/tillgänglighet'],
    ],
  },
  {
    sheet: 'Utbildningsförvaltningen',
    rows: [
      ['SYSTEMNAMN', 'systemägare', 'Driftform', 'Personuppgifter', 'Samhällsviktig'],
      ['office 365', 'Bo Ek', 'SaaS', 'J', 'N'],
      ['Skolplattformen', 'Bo Ek <bo.ek@kommun.test>', 'molntjänst', 'Nej', null],
    ],
  },
];

describe.each(dialects())('system register import (%s)', (dialect) => {
  let h: Harness;
  let admin: Agent;
  let api: ReturnType<typeof importApi>;
  const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm' }).format(h.clock.now());
  beforeEach(async () => {
    h = await createHarness(dialect);
    admin = await setupAdmin(h);
    await insertSystemsKommun(h.handle.db);
    await insertImportPeople(h.handle.db);
    api = importApi(admin);
  });
  afterEach(async () => h.close());

  const preview = async (file: Buffer, fields: Parameters<typeof api.upload>[1] = {}, headers: Record<string, string> = {}, name?: string) =>
    expectBody(await api.upload(file, fields, headers, name), 200, importPreviewSchema);
  const applied = async (id: string) => expectBody(await api.apply(id), 200, importResultSchema);
  const brief = (rows: Row[]) => rows.map((r) => [r.sheet, r.row, r.action, r.name, r.unit]);

  it('reads a messy multi-sheet workbook: header below titles, a sheet per förvaltning, notes below, one system on two sheets', async () => {
    const dry = await preview(await workbook(MESSY));
    expect(brief(dry.rows)).toEqual([
      ['Socialförvaltningen', 4, 'create', 'Procapita', 'Socialförvaltningen'],
      ['Socialförvaltningen', 5, 'create', 'Office 365', 'Socialförvaltningen'],
      ['Utbildningsförvaltningen', 2, 'create', 'Office 365', 'Socialförvaltningen'],
      ['Utbildningsförvaltningen', 3, 'create', 'Skolplattformen', 'Utbildningsförvaltningen'],
    ]);
    expect(dry.counts).toEqual({ create: 3, update: 0, unchanged: 0, error: 0 });
    expect(dry.effects).toEqual({ units: 0, people: 0, roleStarts: 4, roleEnds: 0, suppliers: 2, agreements: 2 });
    expect(dry.classifications).toEqual({ create: 2, update: 0, unchanged: 0, inProgress: 0 });
    expect(dry.rows.map((r) => r.classification)).toEqual(['create', 'create', null, null]);
    expect(dry.notices).toContain(
      'K/R/T blir ett utkast till informationsklassning för systemet (metod: import). Utkastet behöver kompletteras och godkännas innan det gäller; ett system som någon redan klassar lämnas som det är.',
    );
    expect(dry.sheets).toEqual([
      { name: 'Läs mig', headerRow: null, rows: 0, notes: 0, unitFromName: false },
      { name: 'Socialförvaltningen', headerRow: 3, rows: 2, notes: 2, unitFromName: true },
      { name: 'Utbildningsförvaltningen', headerRow: 1, rows: 2, notes: 0, unitFromName: true },
    ]);
    expect(dry.shared).toEqual([
      {
        name: 'Office 365', owner: 'Socialförvaltningen', usedBy: ['Utbildningsförvaltningen'],
        rows: [{ sheet: 'Socialförvaltningen', row: 5, cell: null }, { sheet: 'Utbildningsförvaltningen', row: 2, cell: null }],
      },
    ]);
    const office = dry.rows[1]!.notes!.map((n) => n.message);
    expect(office[0]).toBe('Ett system som används av flera förvaltningar: ägs av Socialförvaltningen, används också av Utbildningsförvaltningen.');
    expect(dry.rows[2]!.notes!.map((n) => [n.cell, n.message])).toEqual([
      [null, 'Samma system som rad 5 på bladet Socialförvaltningen.'],
      ['C2', 'Värdet skiljer sig från rad 5 på bladet Socialförvaltningen; värdet på rad 5 används.'],
      ['B2', 'Värdet skiljer sig från rad 5 på bladet Socialförvaltningen; värdet på rad 5 används.'],
    ]);
    expect(dry.rows[0]!.notes!.map((n) => n.message)).toContain('Livscykel saknas: systemet tas som i drift.');
    expect(dry.notices).toContain('Filen har ingen kolumn för livscykel: nya system tas som i drift (de används).');
    expect(dry.notices).toContain('Bladet "Läs mig" har ingen rubrikrad och hoppas över.');
    expect(dry.mapping.find((m) => m.column === 'Hosting/driftform')).toEqual({ column: 'Hosting/driftform', field: 'hosting', sheets: ['Socialförvaltningen'] });
    expect(await importCounts(h.handle.db)).toMatchObject({ systems: 0, role_assignments: 0, importEvents: 0 });

    const result = await applied(dry.id);
    expect(result).toMatchObject({ id: dry.id, counts: dry.counts, effects: dry.effects, classifications: dry.classifications });
    const procapita = await systemByName(h.handle.db, 'Procapita');
    expect(procapita).toMatchObject({
      register_no: 1, owning_unit_id: 'soc', kind: 'business', lifecycle: 'in_operation', description: 'Verksamhetssystem för socialtjänsten',
      hosting: 'supplier_hosted', personal_data: 'sensitive', samhallsviktig: 1, user_count: 250, note: 'Ska bytas 2027', version: 1,
    });
    const office365 = await systemByName(h.handle.db, 'Office 365');
    expect(office365).toMatchObject({ owning_unit_id: 'soc', hosting: 'cloud_tenant', personal_data: 'personal', samhallsviktig: 0, user_count: 1200, note: null });
    // K/R/T is no longer a line of the note: each becomes a draft classification (method import).
    const drafts = await h.handle.db.selectFrom('classifications').select(['system_id', 'status', 'method', 'level_confidentiality', 'level_integrity', 'level_availability', 'reference']).orderBy('reference').execute();
    expect(drafts).toEqual([
      { system_id: office365.id, status: 'draft', method: 'import', level_confidentiality: 2, level_integrity: 2, level_availability: 2, reference: '2/2/2' },
      { system_id: procapita.id, status: 'draft', method: 'import', level_confidentiality: 3, level_integrity: 3, level_availability: 2, reference: '3/3/2' },
    ]);
    const skol = await systemByName(h.handle.db, 'Skolplattformen');
    expect(skol).toMatchObject({ owning_unit_id: 'utb', hosting: 'saas', personal_data: 'none', samhallsviktig: null, register_no: 3 });
    expect(await h.handle.db.selectFrom('system_units').selectAll().execute()).toEqual([{ system_id: office365.id, unit_id: 'utb' }]);
    expect(await holdersOf(h.handle.db, procapita.id)).toEqual(['systemagare:p-anna', 'systemforvaltare:p-cecilia']);
    expect(await holdersOf(h.handle.db, office365.id)).toEqual(['systemagare:p-anna']);
    expect(await holdersOf(h.handle.db, skol.id)).toEqual(['systemagare:p-bo']);
    const assignment = await h.handle.db.selectFrom('role_assignments').selectAll().where('subject_id', '=', skol.id).executeTakeFirstOrThrow();
    expect(assignment).toMatchObject({ subject_kind: 'system', principal_kind: 'person', valid_from: today(), valid_to: null, version: 1 });

    const agreements = await h.handle.db
      .selectFrom('agreements as a')
      .innerJoin('suppliers as s', 's.id', 'a.supplier_id')
      .innerJoin('agreement_systems as l', 'l.agreement_id', 'a.id')
      .select(['s.name as supplier', 'a.end_date', 'a.kind', 'a.title', 'l.system_id'])
      .orderBy('s.name')
      .execute();
    expect(agreements).toEqual([
      { supplier: 'Microsoft', end_date: '2026-12-31', kind: 'supplier_agreement', title: 'Office 365 – Microsoft', system_id: office365.id },
      { supplier: 'Tieto Evry', end_date: '2026-12-31', kind: 'supplier_agreement', title: 'Procapita – Tieto Evry', system_id: procapita.id },
    ]);
    const events = await importEvents(h.handle.db);
    expect(events.filter((e) => e === 'system:create')).toHaveLength(3);
    expect(events.filter((e) => e === 'role_assignment:create')).toHaveLength(4);
    expect(events.filter((e) => e.startsWith('classification:'))).toEqual(['classification:create', 'classification:create']);
    expect(events.filter((e) => e.startsWith('supplier:') || e.startsWith('agreement:'))).toEqual(['supplier:create', 'supplier:create', 'agreement:create', 'agreement:create']);
    expect(events.at(-1)).toBe('system_import:apply');
    expect(await verifyAuditChain(h.handle.db)).toMatchObject({ ok: true });
  });

  it('re-importing the same file changes nothing', async () => {
    const file = await workbook(MESSY);
    await applied((await preview(file)).id);
    const before = await importCounts(h.handle.db);
    const versions = await h.handle.db.selectFrom('systems').select(['name', 'version', 'updated_at']).orderBy('name').execute();
    const again = await preview(file);
    expect(again.counts).toEqual({ create: 0, update: 0, unchanged: 3, error: 0 });
    expect(again.effects).toEqual({ units: 0, people: 0, roleStarts: 0, roleEnds: 0, suppliers: 0, agreements: 0 });
    expect(again.classifications).toEqual({ create: 0, update: 0, unchanged: 2, inProgress: 0 });
    expect(again.rows.map((r) => [r.action, r.registerNo])).toEqual([
      ['unchanged', 'SYS-0001'], ['unchanged', 'SYS-0002'], ['unchanged', 'SYS-0002'], ['unchanged', 'SYS-0003'],
    ]);
    await applied(again.id);
    expect(await importCounts(h.handle.db)).toEqual({ ...before, importEvents: before.importEvents! + 1 });
    expect(await h.handle.db.selectFrom('systems').select(['name', 'version', 'updated_at']).orderBy('name').execute()).toEqual(versions);
  });

  it('reads a CSV with English headers in odd case, a title line, English words and ISO dates', async () => {
    const file = csv([
      ['IT SYSTEM INVENTORY 2026'],
      [],
      ['system NAME', 'Owning Unit', 'SYSTEM owner', 'LifeCycle', 'criticality', 'Contract End Date', 'Personal Data', 'HOSTING', 'Number of users'],
      ['Visma', 'Utbildningsförvaltningen', 'bo.ek@kommun.test', 'In Operation', 'HIGH', '2027-06-30', 'no', 'On-prem', '1 500'],
      ['Tempus', 'utbildningsförvaltningen', '', 'planned', 'low', '', 'yes, sensitive', 'saas', ''],
    ], { delimiter: ',' });
    const dry = await preview(file, {}, { 'accept-language': 'en' }, 'inventory.csv');
    expect(dry.mapping.map((m) => m.field)).toEqual(['name', 'unit', 'owner', 'lifecycle', 'criticality', 'agreementEnd', 'personalData', 'hosting', 'userCount']);
    expect(brief(dry.rows)).toEqual([
      [null, 4, 'create', 'Visma', 'Utbildningsförvaltningen'],
      [null, 5, 'create', 'Tempus', 'Utbildningsförvaltningen'],
    ]);
    await applied(dry.id);
    expect(await systemByName(h.handle.db, 'Visma')).toMatchObject({ lifecycle: 'in_operation', criticality: 'high', personal_data: 'none', hosting: 'internal_it', user_count: 1500 });
    expect(await systemByName(h.handle.db, 'Tempus')).toMatchObject({ lifecycle: 'planned', criticality: 'low', personal_data: 'sensitive', hosting: 'saas' });
    const agreement = await h.handle.db.selectFrom('agreements').selectAll().executeTakeFirstOrThrow();
    expect(agreement).toMatchObject({ supplier_id: null, end_date: '2027-06-30', title: 'Agreement – Visma' });
  });

  it('reads yes/no as Ja/Nej/J/N/X/yes/no and "Ja, känsliga"; a word it cannot read is a remark naming the cell, and the system is imported with the text in its note', async () => {
    const rows = [
      ['Systemnamn', 'Förvaltning', 'Samhällsviktig', 'Kommungemensamt', 'Personuppgifter'],
      ['A1', 'Socialförvaltningen', 'Ja', 'nej', 'Ja, känsliga'],
      ['A2', 'Socialförvaltningen', 'J', 'N', 'ja'],
      ['A3', 'Socialförvaltningen', 'X', '', 'NEJ'],
      ['A4', 'Socialförvaltningen', 'yes', 'no', 'Känsliga'],
      ['A5', 'Socialförvaltningen', 'Kanske', 'ja', 'Ibland'],
    ];
    const dry = await preview(await workbook([{ sheet: 'Blad1', rows }]));
    expect(dry.rows.map((r) => r.action)).toEqual(['create', 'create', 'create', 'create', 'create']);
    expect(dry.rows[4]!.errors).toBeUndefined();
    expect(dry.rows[4]!.notes).toEqual(
      expect.arrayContaining([
        { cell: 'C6', column: 'Samhällsviktig', message: '"Kanske" är inte ja eller nej (skriv Ja, Nej, J, N eller X).' },
        { cell: 'E6', column: 'Personuppgifter', message: '"Ibland" går inte att tolka. Skriv Ja, Nej eller "Ja, känsliga".' },
        {
          cell: null,
          column: null,
          message: 'Systemet importeras. Det som inte gick att läsa (Samhällsviktig, Personuppgifter) lämnas tomt, och cellernas text sparas i systemets anteckning.',
        },
      ]),
    );
    await applied(dry.id);
    const got = await h.handle.db.selectFrom('systems').select(['name', 'samhallsviktig', 'kommungemensamt', 'personal_data', 'note']).orderBy('name').execute();
    expect(got.map((s) => [s.name, s.samhallsviktig, s.kommungemensamt, s.personal_data])).toEqual([
      ['A1', 1, 0, 'sensitive'],
      ['A2', 1, 0, 'personal'],
      ['A3', 1, 0, 'none'],
      ['A4', 1, 0, 'sensitive'],
      ['A5', null, 1, null],
    ]);
    expect(got[4]!.note).toBe('Samhällsviktig: Kanske\nPersonuppgifter: Ibland');
  });

  it('imports every system when optional cells say what kommuner write ("alla", "ca 200", "se avtal", "?", "Q3 2027"), keeping the text in the note', async () => {
    const rows = [
      ['Systemnamn', 'Förvaltning', 'Antal användare', 'Driftform', 'Leverantör', 'Avtalets slutdatum', 'Kritikalitet', 'Kommentar'],
      ['Procapita', 'Socialförvaltningen', 'alla', 'SaaS', 'Lev A', 'se avtal', 'Hög', ''],
      ['Tieto Edu', 'Socialförvaltningen', 'ca 200', '?', 'Lev A', 'Q3 2027', 'hög?', 'Byts 2027'],
      ['Visma', 'Socialförvaltningen', '120', 'Intern', '', '', 'Låg', ''],
    ];
    const dry = await preview(await workbook([{ sheet: 'Blad1', rows }]));
    expect(dry.rows.map((r) => r.action)).toEqual(['create', 'create', 'create']);
    expect(dry.counts).toMatchObject({ create: 3, error: 0 });
    expect(dry.rows[0]!.notes).toEqual(expect.arrayContaining([expect.objectContaining({ cell: 'C2', column: 'Antal användare' }), expect.objectContaining({ cell: 'F2', column: 'Avtalets slutdatum' })]));
    await applied(dry.id);
    const got = await h.handle.db.selectFrom('systems').select(['name', 'user_count', 'hosting', 'criticality', 'note']).orderBy('name').execute();
    expect(got.map((r) => [r.name, r.user_count, r.hosting, r.criticality, r.note])).toEqual([
      ['Procapita', null, 'saas', 'high', 'Antal användare: alla\nAvtalets slutdatum: se avtal'],
      // "ca 200" and "hög?" are read (as 200 and high); "?" and "Q3 2027" are not.
      ['Tieto Edu', 200, null, 'high', 'Byts 2027\nDriftform: ?\nAvtalets slutdatum: Q3 2027'],
      ['Visma', 120, 'internal_it', 'low', null],
    ]);
  });

  it('adds kept texts to the note a system has when the file has no note column, once', async () => {
    const first = await preview(await workbook([{ sheet: 'Blad1', rows: [['Systemnamn', 'Förvaltning', 'Antal användare', 'Kommentar'], ['Procapita', 'Socialförvaltningen', 'alla', 'Byts 2027']] }]));
    await applied(first.id);
    const again = [['Systemnamn', 'Förvaltning', 'Antal användare', 'Avtalets slutdatum', 'Leverantör'], ['Procapita', 'Socialförvaltningen', 'alla', 'se avtal', 'Lev A']];
    const dry = await preview(await workbook([{ sheet: 'Blad1', rows: again }]));
    expect(dry.rows[0]).toMatchObject({ action: 'update', changes: ['note', 'agreement'] });
    await applied(dry.id);
    const note = async () => (await h.handle.db.selectFrom('systems').select('note').where('name', '=', 'Procapita').executeTakeFirstOrThrow()).note;
    expect(await note()).toBe('Byts 2027\nAntal användare: alla\nAvtalets slutdatum: se avtal');
    const third = await preview(await workbook([{ sheet: 'Blad1', rows: again }]));
    expect(third.rows[0]).toMatchObject({ action: 'unchanged' });
  });

  it('reads a sheet name Excel cut at 31 characters from the title row that completes it, and flags one that nothing completes', async () => {
    await insertUnit(h.handle.db, { id: 'sbf', name: 'Samhällsbyggnadsförvaltningen Teknik', parentId: 'kommun', kind: 'forvaltning' });
    const cut = 'Samhällsbyggnadsförvaltningen T';
    const lone = 'Kultur- och fritidsförvaltninge';
    expect([cut.length, lone.length]).toEqual([31, 31]);
    const dry = await preview(
      await workbook([
        { sheet: cut, rows: [['Samhällsbyggnadsförvaltningen Teknik'], [], ['Systemnamn', 'Systemägare'], ['GIS', '']] },
        { sheet: lone, rows: [['Systemnamn', 'Systemägare'], ['Bokningen', '']] },
      ]),
    );
    expect(brief(dry.rows)).toEqual([
      [cut, 4, 'create', 'GIS', 'Samhällsbyggnadsförvaltningen Teknik'],
      [lone, 2, 'error', 'Bokningen', lone],
    ]);
    expect(dry.notices).toContain(
      `Bladet "${cut}" har ingen kolumn för förvaltning, och Excel har kortat bladets namn till 31 tecken: förvaltningen läses som "Samhällsbyggnadsförvaltningen Teknik" från bladets rubrik.`,
    );
    expect(dry.notices).toContain(
      `Bladet "${lone}" har ingen kolumn för förvaltning, och bladets namn är 31 tecken långt, Excels gräns: det är troligen avkortat. Kontrollera förvaltningen nedan, eller lägg till en kolumn Förvaltning på bladet.`,
    );
  });

  it('reads real Excel dates, ISO text, "31/12 2026", "31.12.2026", Excel day numbers; a non-date is a remark naming its cell, kept in the note', async () => {
    const rows = [
      ['System', 'Förvaltning', 'Leverantör', 'Avtalet gäller t.o.m.'],
      ['D1', 'SOC', 'Lev A', date('2026-12-31')],
      ['D2', 'SOC', 'Lev A', '2027-01-15'],
      ['D3', 'SOC', 'Lev B', '31/12 2026'],
      ['D4', 'SOC', 'Lev B', '30.06.2028'],
      ['D5', 'SOC', 'Lev B', 45658],
      ['D6', 'SOC', 'Lev B', 'snart'],
    ];
    await h.handle.db.updateTable('org_units').set({ code: 'SOC' }).where('id', '=', 'soc').execute();
    const dry = await preview(await workbook([{ sheet: 'Avtal', rows }]));
    expect(dry.rows[5]).toMatchObject({ action: 'create', notes: expect.arrayContaining([{ cell: 'D7', column: 'Avtalet gäller t.o.m.', message: '"snart" är inget datum (skriv till exempel 2026-12-31 eller 31/12 2026).' }]) });
    expect(dry.effects).toMatchObject({ suppliers: 2, agreements: 6 });
    await applied(dry.id);
    const ends = await h.handle.db.selectFrom('agreements').select(['title', 'end_date']).orderBy('title').execute();
    expect(ends.map((a) => a.end_date)).toEqual(['2026-12-31', '2027-01-15', '2026-12-31', '2028-06-30', '2025-01-01', null]);
    const d6 = await h.handle.db.selectFrom('systems').select('note').where('name', '=', 'D6').executeTakeFirstOrThrow();
    expect(d6.note).toBe('Avtalet gäller t.o.m.: snart');
  });

  it('reconciles rows by register number before name: a new name renames the system; an unknown number is an error', async () => {
    const ekonomi = await createSystem(admin, { name: 'Ekonomisystemet', owningUnitId: 'klf' });
    const rows = [
      ['Reg.nr', 'Systemnamn', 'Förvaltning', 'Kritikalitet'],
      [ekonomi.registerNo, 'Raindance', 'Kommunledningsförvaltningen', 'Hög'],
      ['sys 99', 'Okänt', 'Kommunledningsförvaltningen', 'låg'],
    ];
    const dry = await preview(await workbook([{ sheet: 'KLF', rows }]));
    expect(dry.rows[0]).toMatchObject({ action: 'update', registerNo: 'SYS-0001', name: 'Raindance', changes: ['name', 'criticality'] });
    expect(dry.rows[1]).toMatchObject({ action: 'error', errors: [{ cell: 'A3', column: 'Reg.nr', message: 'Inget system har registernummer sys 99.' }] });
    await applied(dry.id);
    const row = await h.handle.db.selectFrom('systems').selectAll().where('id', '=', ekonomi.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ name: 'Raindance', name_sort: 'raindance', criticality: 'high', version: 2 });
    expect(row.search_text).toContain('sys-0001');
    const event = await h.handle.db.selectFrom('audit_events').selectAll().where('entity_id', '=', ekonomi.id).where('origin', '=', 'import').executeTakeFirstOrThrow();
    expect(JSON.parse(event.before_json!)).toEqual({ name: 'Ekonomisystemet', criticality: null });
    expect(JSON.parse(event.after_json!)).toEqual({ name: 'Raindance', criticality: 'high' });
  });

  it('refuses a file it cannot read with 400 naming the file, and bad options naming them', async () => {
    const bad = async (file: Buffer | null, field: string, fields: Record<string, string> = {}) => {
      const res = await admin.post('/api/imports/systems', form(file, fields));
      expect(res.statusCode, res.body).toBe(400);
      expect(Object.keys(errorOf(res).fields ?? {})).toEqual([field]);
      return errorOf(res).fields![field];
    };
    expect(await bad(Buffer.from('PK\u0003\u0004 not really a zip'), 'file')).toBe('Filen kunde inte läsas som Excel (.xlsx) eller CSV.');
    expect(await bad(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]), 'file')).toMatch(/\.xls/);
    expect(await bad(Buffer.from('bara lite text\nutan rubriker\n'), 'file')).toMatch(/Hittade ingen rubrikrad/);
    expect(await bad(null, 'file')).toMatch(/Välj en Excelfil/);
    expect(await bad(csv([['Systemnamn', 'Förvaltning']]), 'file')).toBe('Filen har inga system under rubrikraden.');
    const ok = csv([['Systemnamn', 'Förvaltning'], ['X', 'SOC']]);
    expect(await bad(ok, 'mapping', { mapping: '{not json' })).toMatch(/Kolumnvalen/);
    expect(await bad(ok, 'mapping', { mapping: '{"Systemnamn": "colour"}' })).toBe('Okänt fält "colour" för kolumnen "Systemnamn".');
    expect(await bad(ok, 'createMissing', { createMissing: 'kanske' })).toBe('Ange true eller false.');
    expect((await importCounts(h.handle.db)).systems).toBe(0);
  });
});
