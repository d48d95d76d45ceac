import { parse } from 'csv-parse/sync';
import type { LightMyRequestResponse } from 'fastify';
import readExcelFile from 'read-excel-file/node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { headersOf } from '../../server/modules/systems/export/columns.ts';
import { restoreText } from '../../server/modules/systems/export/neutralise.ts';
import { systemsPage } from '../../server/modules/systems/schemas.ts';
import type { Db } from '../../server/platform/db/index.ts';
import { sortKey } from '../../server/platform/text.ts';
import { grantOnUnit } from '../fixtures/org.ts';
import {
  assignRole, createSystem, errorOf, expectBody, insertPerson, insertSystemsKommun, monthsAfter, registerCounts, systemsApi, type SystemJson,
} from '../fixtures/systems.ts';
import { Agent, TEST_NOW, addUser, createHarness, dialects, setupAdmin, type Harness } from './harness.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const stockholmDate = (d: Date) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);

/** The CSV body as rows of cells, after checking the bytes Swedish Excel needs: BOM, semicolons, CRLF. */
function csvRows(res: LightMyRequestResponse): string[][] {
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
  const bytes = res.rawPayload;
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.subarray(3).toString('utf8');
  expect(text.endsWith('\r\n')).toBe(true);
  expect(text.replace(/"[^"]*"/g, '').split('\n').every((line) => line === '' || line.endsWith('\r'))).toBe(true); // CRLF outside quotes
  return parse(text, { delimiter: ';', record_delimiter: '\r\n' }) as string[][];
}

/** The XLSX body read back as text cells, the way the CSV writes them (dates YYYY-MM-DD, numbers as digits). */
async function xlsxRows(res: LightMyRequestResponse): Promise<{ sheet: string; rows: string[][] }> {
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toBe(XLSX);
  const sheets = await readExcelFile(res.rawPayload);
  expect(sheets).toHaveLength(1);
  const text = (c: unknown) => (c === null || c === undefined ? '' : c instanceof Date ? c.toISOString().slice(0, 10) : String(c));
  return { sheet: sheets[0]!.sheet, rows: sheets[0]!.data.map((row) => row.map(text)) };
}

/** Systems straight into the database, for volume: `count` systems named System 0001… owned by `unitId`. */
async function insertManySystems(db: Db, count: number, unitId: string, from = 1000): Promise<void> {
  const at = TEST_NOW;
  const { kommun } = await db
    .selectFrom('org_unit_closure as c')
    .innerJoin('org_units as r', 'r.id', 'c.ancestor_id')
    .select('r.id as kommun')
    .where('c.descendant_id', '=', unitId)
    .where('r.parent_id', 'is', null)
    .executeTakeFirstOrThrow();
  const rows = Array.from({ length: count }, (_, i) => {
    const name = `System ${String(i + 1).padStart(4, '0')}`;
    return {
      id: `bulk-${String(i).padStart(5, '0')}`, register_no: from + i, name, name_sort: sortKey(name),
      search_text: name.toLocaleLowerCase('sv-SE'), aliases_json: '[]', kind: 'business', description: null, purpose: null,
      owning_unit_id: unitId, kommun_id: kommun, kommungemensamt: 0, lifecycle: 'planned', criticality: null, samhallsviktig: null, hosting: i % 2 ? 'saas' : null,
      data_location: null, third_country_transfer: null, third_country_basis: null, personal_data: null, auth_method: null,
      user_count: i, links_json: '[]', note: null, confirmed_at: null, confirmed_by: null, retired_at: null, created_at: at,
      created_by: null, updated_at: at, version: 1,
    };
  });
  for (let i = 0; i < rows.length; i += 100) await db.insertInto('systems').values(rows.slice(i, i + 100)).execute();
}

describe.each(dialects())('system register: CSV and XLSX export (%s)', (dialect) => {
  let h: Harness;
  let admin: Agent;
  let s: Record<string, SystemJson>;
  beforeEach(async () => {
    h = await createHarness(dialect);
    admin = await setupAdmin(h);
    const db = h.handle.db;
    await insertSystemsKommun(db);
    s = {};
    const add = async (key: string, body: Record<string, unknown>) => {
      h.clock.advance(1000);
      s[key] = await createSystem(admin, body);
    };
    await add('procapita', {
      name: 'Procapita', aliases: ['Lifecare', 'Omsorg, verkställighet'], owningUnitId: 'hem', usingUnitIds: ['skola', 'it'],
      hosting: 'internal_it', criticality: 'high', samhallsviktig: true, dataLocation: 'sweden', thirdCountryTransfer: false,
      personalData: 'sensitive', authMethod: 'sso', userCount: 420, description: 'Verksamhetssystem för "omsorg"; stöd',
      purpose: 'Dokumentation\noch planering', links: [{ label: 'Manual', url: 'https://example.se/manual' }], note: 'Byts 2027',
    });
    await add('oppna', { name: 'Öppna skolan', kind: 'e_service', owningUnitId: 'skola', hosting: 'saas', criticality: 'medium', samhallsviktig: false });
    await add('arende', { name: 'Ärendehantering', owningUnitId: 'klf', kommungemensamt: true });
    await add('elev', { name: 'Elevhälsa', owningUnitId: 'utb', hosting: 'saas', personalData: 'sensitive', lifecycle: 'implementing' });
    await add('lon', { name: 'Lönesystem', owningUnitId: 'klf', usingUnitIds: ['hem'], hosting: 'cloud_tenant' });
    await insertPerson(db, { id: 'p-anna', name: 'Anna Ägare' });
    await insertPerson(db, { id: 'p-bo', name: 'Bo Förvaltare' });
    await insertPerson(db, { id: 'p-cia', name: 'Cia Förvaltare' });
    await insertPerson(db, { id: 'p-dan', name: 'Dan Drift' });
    await assignRole(db, { roleKey: 'systemagare', personId: 'p-anna', systemId: s.procapita!.id });
    await assignRole(db, { roleKey: 'systemforvaltare', personId: 'p-cia', systemId: s.procapita!.id });
    await assignRole(db, { roleKey: 'systemforvaltare', personId: 'p-bo', systemId: s.procapita!.id });
    await assignRole(db, { roleKey: 'driftansvarig', personId: 'p-dan', systemId: s.procapita!.id });
    await assignRole(db, { roleKey: 'systemagare', personId: 'p-bo', systemId: s.procapita!.id, validTo: '2021-01-01' }); // ended: not current
    h.clock.advance(1000);
    await systemsApi(admin).confirm(s.procapita!.id, 1);
  });
  afterEach(async () => h.close());

  const csv = (agent: Agent, qs = '', headers?: Record<string, string>) => agent.get(`/api/systems/export.csv${qs ? `?${qs}` : ''}`, headers ? { headers } : undefined);
  const xlsx = (agent: Agent, qs = '', headers?: Record<string, string>) => agent.get(`/api/systems/export.xlsx${qs ? `?${qs}` : ''}`, headers ? { headers } : undefined);
  const listed = async (agent: Agent, qs: string) =>
    expectBody(await systemsApi(agent).list(`limit=500${qs ? `&${qs}` : ''}`), 200, systemsPage).items.map((x) => x.registerNo);

  it('writes CSV for Swedish Excel: BOM, semicolons, CRLF, Swedish headers, values as people read them, a dated attachment', async () => {
    const before = await registerCounts(h.handle.db);
    const res = await csv(admin);
    const rows = csvRows(res);
    const today = stockholmDate(h.clock.now());
    expect(res.headers['content-disposition']).toBe(`attachment; filename="systemforteckning-${today}.csv"`);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(rows[0]).toEqual(headersOf('sv'));
    expect(rows[0]!.slice(0, 6)).toEqual(['Registernummer', 'Namn', 'Andra namn', 'Typ av system', 'Livscykel', 'Ägande förvaltning']);
    expect(rows.slice(1).map((r) => r[1])).toEqual(['Elevhälsa', 'Lönesystem', 'Procapita', 'Ärendehantering', 'Öppna skolan']); // the list's order (name)
    const p = s.procapita!;
    const confirmed = stockholmDate(h.clock.now());
    const procapita = Object.fromEntries(rows[0]!.map((header, i) => [header, rows.find((r) => r[1] === 'Procapita')![i]]));
    expect(procapita).toEqual({
      Registernummer: p.registerNo,
      Namn: 'Procapita',
      'Andra namn': 'Lifecare\nOmsorg, verkställighet',
      'Typ av system': 'Verksamhetssystem',
      Livscykel: 'Planerad',
      'Ägande förvaltning': 'Hemtjänsten',
      'Används av': 'IT-enheten, Åbyskolan',
      Kommungemensamt: 'Nej',
      Kritikalitet: 'Hög',
      Samhällsviktigt: 'Ja',
      Driftform: 'IT-enheten, i kommunens nät',
      Datalagring: 'Sverige',
      'Överföring till tredje land': 'Nej',
      'Rättslig grund för överföringen': '',
      Personuppgifter: 'Känsliga personuppgifter',
      Inloggning: 'Gemensam inloggning (SSO)',
      'Antal användare': '420',
      Systemägare: 'Anna Ägare',
      Systemförvaltare: 'Bo Förvaltare; Cia Förvaltare',
      Driftansvarig: 'Dan Drift',
      'Senast bekräftad': confirmed,
      'Bekräftas senast': monthsAfter(stockholmDate(h.clock.now()), 6), // samhällsviktigt: every 6 months
      Beskrivning: 'Verksamhetssystem för "omsorg"; stöd',
      Syfte: 'Dokumentation\noch planering',
      Länkar: 'Manual <https://example.se/manual>',
      Anteckningar: 'Byts 2027',
    });
    const arende = rows.find((r) => r[1] === 'Ärendehantering')!;
    expect(arende[rows[0]!.indexOf('Kommungemensamt')]).toBe('Ja');
    expect(arende[rows[0]!.indexOf('Samhällsviktigt')]).toBe(''); // not assessed
    expect(arende[rows[0]!.indexOf('Senast bekräftad')]).toBe('');
    expect(rows.find((r) => r[1] === 'Elevhälsa')![rows[0]!.indexOf('Livscykel')]).toBe('Under införande');
    expect(await registerCounts(h.handle.db)).toEqual(before); // reading writes nothing
  });

  it('uses English headers and words for a caller whose language is English', async () => {
    admin.cookies.set('ansvar_lang', 'en');
    const rows = csvRows(await csv(admin));
    expect(rows[0]).toEqual(headersOf('en'));
    expect(rows[0]!.slice(0, 5)).toEqual(['Register number', 'Name', 'Other names', 'System type', 'Lifecycle']);
    const procapita = rows.find((r) => r[1] === 'Procapita')!;
    const col = (h: string) => procapita[rows[0]!.indexOf(h)];
    expect([col('Lifecycle'), col('Vital to society'), col('Shared by kommun'), col('Hosting'), col('Personal data')]).toEqual([
      'Planned', 'Yes', 'No', 'IT unit, in the municipal network', 'Sensitive personal data',
    ]);
    expect((await xlsxRows(await xlsx(admin))).rows[0]).toEqual(headersOf('en'));
  });

  it('exports exactly the filtered list, in its order, for every filter, search and sort', async () => {
    for (const qs of [
      '', 'hosting=saas', 'hosting=unknown', 'unitId=soc', 'unitId=utb&sort=registerNo&dir=desc', 'q=lifecare', `q=${s.lon!.registerNo}`,
      'criticality=high', 'samhallsviktig=false', 'kommungemensamt=true', 'lifecycle=implementing', 'sort=updatedAt&dir=desc',
      'sort=confirmedAt', 'q=finns-inte',
    ]) {
      const rows = csvRows(await csv(admin, qs));
      expect(rows.slice(1).map((r) => r[0]), qs).toEqual(await listed(admin, qs));
    }
    // Paging parameters of the list are not part of the export: the whole list comes back.
    expect(csvRows(await csv(admin, 'limit=1')).length).toBe(6);
  });

  it("never exports another förvaltning's systems to a user with a grant on one förvaltning", async () => {
    const user = await addUser(h, admin, 'soc.user@kommun.test', 'user');
    await grantOnUnit(h.handle.db, 'soc.user@kommun.test', 'user', 'soc');
    const visible = await listed(user, '');
    const names = (rows: string[][]) => rows.slice(1).map((r) => r[1]).sort();
    const rows = csvRows(await csv(user));
    expect(rows.slice(1).map((r) => r[0])).toEqual(visible);
    expect(names(rows)).toEqual(['Lönesystem', 'Procapita', 'Ärendehantering']);
    for (const qs of ['unitId=utb', 'q=elevh', 'hosting=saas', 'unitId=kommun&sort=registerNo']) {
      const filtered = names(csvRows(await csv(user, qs)));
      expect(filtered, qs).not.toContain('Elevhälsa');
      expect(filtered, qs).not.toContain('Öppna skolan');
    }
    const book = await xlsxRows(await xlsx(user));
    expect(book.rows.slice(1).map((r) => r[1]).sort()).toEqual(['Lönesystem', 'Procapita', 'Ärendehantering']);
  });

  it('neutralises cells that a spreadsheet would run as a formula, reversibly', async () => {
    const evil = await createSystem(admin, {
      name: '=HYPERLINK("https://evil.example","Klicka")', aliases: ['+46 8 123', '@SUM(1)'], owningUnitId: 'klf',
      description: '-2+3', purpose: "'=already quoted", note: "'Tis fine, O'Brien = ok",
      links: [{ label: '=cmd', url: 'https://example.se/' }],
    });
    await insertPerson(h.handle.db, { id: 'p-evil', name: '@Mallory' });
    await assignRole(h.handle.db, { roleKey: 'systemagare', personId: 'p-evil', systemId: evil.id });
    const expected = {
      name: `'=HYPERLINK("https://evil.example","Klicka")`, aliases: "'+46 8 123\n@SUM(1)", description: "'-2+3",
      purpose: "''=already quoted", note: "'Tis fine, O'Brien = ok", owner: "'@Mallory", links: "'=cmd <https://example.se/>",
    };
    const check = (header: string[], row: string[]) => {
      const col = (h: string) => row[header.indexOf(h)]!;
      expect({
        name: col('Namn'), aliases: col('Andra namn'), description: col('Beskrivning'), purpose: col('Syfte'), note: col('Anteckningar'),
        owner: col('Systemägare'), links: col('Länkar'),
      }).toEqual(expected);
    };
    const rows = csvRows(await csv(admin, 'q=hyperlink'));
    check(rows[0]!, rows[1]!);
    const book = await xlsxRows(await xlsx(admin, 'q=hyperlink'));
    check(book.rows[0]!, book.rows[1]!);
    // What the import does with a guarded cell gives back the stored text.
    expect(restoreText(expected.name)).toBe(evil.name);
    expect(restoreText(expected.purpose)).toBe("'=already quoted");
    expect(restoreText(expected.description)).toBe('-2+3');
    expect(restoreText(expected.note)).toBe(expected.note);
  });

  it('writes XLSX with one sheet "System", the same rows as the CSV, real dates and numbers', async () => {
    const res = await xlsx(admin, 'sort=registerNo');
    const today = stockholmDate(h.clock.now());
    expect(res.headers['content-disposition']).toBe(`attachment; filename="systemforteckning-${today}.xlsx"`);
    expect(res.headers['cache-control']).toBe('no-store');
    const book = await xlsxRows(res);
    expect(book.sheet).toBe('System');
    const fromCsv = csvRows(await csv(admin, 'sort=registerNo'));
    expect(book.rows.map((r) => [...r, ...Array(fromCsv[0]!.length - r.length).fill('')])).toEqual(fromCsv);
    const raw = (await readExcelFile(res.rawPayload))[0]!.data;
    const row = raw.find((r) => r[1] === 'Procapita')!;
    const header = raw[0] as string[];
    expect(row[header.indexOf('Senast bekräftad')]).toBeInstanceOf(Date);
    expect(row[header.indexOf('Bekräftas senast')]).toBeInstanceOf(Date);
    expect(row[header.indexOf('Antal användare')]).toBe(420);
  });

  it('exports more than one page (500) completely, in order, as CSV and as XLSX', async () => {
    await insertManySystems(h.handle.db, 1203, 'hem');
    const total = 1203 + 5;
    const rows = csvRows(await csv(admin, 'sort=registerNo'));
    expect(rows.length - 1).toBe(total);
    const numbers = rows.slice(1).map((r) => Number(r[0]!.slice(4)));
    expect(new Set(numbers).size).toBe(total);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    const byName = csvRows(await csv(admin, 'unitId=hem&dir=desc')).slice(1).map((r) => r[1]);
    expect(byName.length).toBe(1203 + 2);
    expect([byName[0], byName[1202], byName[1203], byName[1204]]).toEqual(['System 1203', 'System 0001', 'Procapita', 'Lönesystem']);
    expect(csvRows(await csv(admin, 'hosting=saas')).length - 1).toBe(601 + 2);
    const book = await xlsxRows(await xlsx(admin));
    expect(book.rows.length - 1).toBe(total);
    expect(new Set(book.rows.slice(1).map((r) => r[0])).size).toBe(total);
  });

  it('refuses without a session (401) and a bad filter (400), and the static paths win over /api/systems/:id', async () => {
    const anonymous = new Agent(h.app);
    for (const res of [await csv(anonymous), await xlsx(anonymous)]) {
      expect(res.statusCode).toBe(401);
      expect(errorOf(res).code).toBe('unauthenticated');
    }
    for (const qs of ['lifecycle=bogus', 'sort=colour', 'samhallsviktig=kanske', `q=${'x'.repeat(201)}`]) {
      for (const res of [await csv(admin, qs), await xlsx(admin, qs)]) {
        expect(res.statusCode, qs).toBe(400);
        expect(res.headers['content-type']).toMatch(/^application\/json/);
        expect(errorOf(res).code).toBe('validation_failed');
      }
    }
    expect((await admin.get('/api/systems/export.pdf')).statusCode).toBe(404);
    const doc = (await h.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.paths['/api/systems/export.csv'].get.responses['200'].content)).toEqual(['text/csv']);
    expect(Object.keys(doc.paths['/api/systems/export.xlsx'].get.responses['200'].content)).toEqual([XLSX]);
  });
});
