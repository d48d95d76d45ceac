import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { csv, form, xlsx } from '../fixtures/files.ts';
import { grantOnUnit, insertKommun } from '../fixtures/org.ts';
import { type Agent, addUser, createHarness, dialects, setupAdmin, type Harness } from './harness.ts';

type Cell = string | number | null;
interface PreviewRow {
  row: number;
  action: string;
  externalId: string | null;
  name: string | null;
  changes?: string[];
  errors?: Array<{ column: string; message: string }>;
}

const SV_HEADER = ['Anställningsnummer', 'Namn', 'E-post', 'Befattning', 'Enhet', 'Närmaste chef'];
const STAFF: Cell[][] = [
  ['1001', 'Karin Chef', 'karin@kommun.test', 'Enhetschef', 'Hemtjänsten', ''],
  ['1002', 'Åsa Öberg', 'asa@kommun.test', 'Undersköterska', 'HEM', 'karin@kommun.test'],
  ['1003', 'Bo Ek', 'bo@kommun.test', 'Handläggare', 'Socialförvaltningen', '1001'],
];

describe.each(dialects())('HR import of people (%s)', (dialect) => {
  let h: Harness;
  let admin: Agent;
  beforeEach(async () => {
    h = await createHarness(dialect);
    admin = await setupAdmin(h);
    await insertKommun(h.handle.db);
  });
  afterEach(async () => h.close());

  const upload = (file: Buffer | null, mode = 'partial', as: Agent = admin, headers: Record<string, string> = {}, fileName?: string) =>
    as.post('/api/people/import', form(file, { mode }, fileName), { headers });
  const apply = (id: string, as: Agent = admin) => as.post(`/api/people/import/${id}/apply`);
  const people = () => h.handle.db.selectFrom('people').selectAll().orderBy('name_search').execute();
  const byExternal = async (id: string) => h.handle.db.selectFrom('people').selectAll().where('external_id', '=', id).executeTakeFirstOrThrow();
  const importEvents = () => h.handle.db.selectFrom('audit_events').select(['entity_type', 'action', 'origin']).where('origin', '=', 'import').execute();

  async function importAndApply(file: Buffer, mode = 'partial') {
    const res = await upload(file, mode);
    expect(res.statusCode).toBe(200);
    const applied = await apply(res.json().id);
    expect(applied.statusCode).toBe(200);
    return { preview: res.json(), result: applied.json() };
  }

  it('imports a semicolon CSV with BOM: previews, then applies with managers from the file and audit events', async () => {
    const file = csv([SV_HEADER, ...STAFF], { delimiter: ';', bom: true });
    const res = await upload(file);
    expect(res.statusCode).toBe(200);
    const preview = res.json();
    expect(preview).toMatchObject({ mode: 'partial', counts: { create: 3, update: 0, unchanged: 0, error: 0, markLeft: 0 }, markLeft: [] });
    expect(preview.rows.map((r: PreviewRow) => [r.row, r.action, r.externalId, r.name])).toEqual([
      [2, 'create', '1001', 'Karin Chef'],
      [3, 'create', '1002', 'Åsa Öberg'],
      [4, 'create', '1003', 'Bo Ek'],
    ]);
    expect(Date.parse(preview.expiresAt) - h.clock.now().getTime()).toBe(3_600_000);
    expect(await people()).toHaveLength(0);

    const applied = await apply(preview.id);
    expect(applied.statusCode).toBe(200);
    expect(applied.json()).toMatchObject({ id: preview.id, mode: 'partial', counts: { create: 3 } });
    const karin = await byExternal('1001');
    expect(await byExternal('1002')).toMatchObject({ name: 'Åsa Öberg', name_search: 'åsa öberg', email: 'asa@kommun.test', title: 'Undersköterska', home_unit_id: 'hem', manager_id: karin.id, status: 'active' });
    expect(await byExternal('1003')).toMatchObject({ home_unit_id: 'soc', manager_id: karin.id });
    const events = await importEvents();
    expect(events.filter((e) => e.entity_type === 'person' && e.action === 'create')).toHaveLength(3);
    expect(events.filter((e) => e.entity_type === 'people_import')).toEqual([{ entity_type: 'people_import', action: 'apply', origin: 'import' }]);
    expect((await admin.get(`/api/people?q=${encodeURIComponent('ÅSA')}`)).json().items[0].manager).toEqual({ id: karin.id, name: 'Karin Chef' });
  });

  it('reads an XLSX with title rows above English headers, first name and last name', async () => {
    const file = await xlsx([
      { sheet: 'Info', data: [[null]] },
      {
        sheet: 'Staff',
        data: [
          ['Personnel list, Exempelby kommun', null, null, null, null, null, null],
          ['Exported 2026-01-31', null, null, null, null, null, null],
          [null, null, null, null, null, null, null],
          ['EMPLOYEE ID', 'First name', 'Last name', 'Email', 'Job title', 'Department', 'Manager'],
          [2001, 'Dag', 'Dahl', 'Dag.Dahl@Kommun.test', 'Rektor', 'Åbyskolan', null],
          [2002, 'Eva', 'Ek', 'eva@kommun.test', 'Lärare', 'sko', 'Dag Dahl'],
        ],
      },
    ]);
    const res = await upload(file, 'partial', admin, {}, 'staff.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.json().rows.map((r: PreviewRow) => [r.row, r.action, r.externalId, r.name])).toEqual([
      [5, 'create', '2001', 'Dag Dahl'],
      [6, 'create', '2002', 'Eva Ek'],
    ]);
    expect((await apply(res.json().id)).statusCode).toBe(200);
    const dag = await byExternal('2001');
    expect(dag).toMatchObject({ email: 'dag.dahl@kommun.test', home_unit_id: 'skola', title: 'Rektor' });
    expect(await byExternal('2002')).toMatchObject({ manager_id: dag.id, home_unit_id: 'skola' });
  });

  it('reports unknown units, bad e-mail and unknown managers per row, naming column and value in the caller’s language', async () => {
    const rows = [SV_HEADER, STAFF[0]!, ['1004', 'Gun Gran', 'gun@kommun.test', '', 'Socialtjänsten', ''], ['1005', 'Hans Hed', 'inte-en-adress', '', 'SOC', 'Okänd Person']];
    const sv = (await upload(csv(rows))).json();
    expect(sv.counts).toMatchObject({ create: 1, error: 2 });
    expect(sv.rows[1]).toEqual({ row: 3, action: 'error', externalId: '1004', name: 'Gun Gran', errors: [{ column: 'Enhet', message: 'Okänd enhet "Socialtjänsten".' }] });
    expect(sv.rows[2].errors).toEqual([
      { column: 'E-post', message: 'Ogiltig e-postadress "inte-en-adress".' },
      { column: 'Närmaste chef', message: 'Okänd chef "Okänd Person".' },
    ]);
    const en = (await upload(csv(rows), 'partial', admin, { 'accept-language': 'en' })).json();
    expect(en.rows[1].errors).toEqual([{ column: 'Enhet', message: 'Unknown unit "Socialtjänsten".' }]);

    expect((await apply(sv.id)).json().counts).toMatchObject({ create: 1, error: 2 });
    expect((await people()).map((p) => p.external_id)).toEqual(['1001']);
  });

  it('never creates a person named as a unit or a supplier, or whose name reads as an organisation: the row is an error', async () => {
    const at = new Date().toISOString();
    await h.handle.db.insertInto('suppliers').values({ id: 's-1', name: 'Visma', name_sort: 'visma', org_number: null, website: null, note: null, created_at: at, updated_at: at, version: 1 }).execute();
    const rows = [
      SV_HEADER,
      STAFF[0]!,
      ['2001', 'Hemtjänsten', 'hem@kommun.test', '', 'Hemtjänsten', ''],
      ['2002', 'visma', 'visma@kommun.test', '', 'HEM', ''],
      ['2003', 'IT-enheten', 'it@kommun.test', '', 'HEM', ''],
      ['2004', 'Atea Sverige AB', 'atea@kommun.test', '', 'HEM', ''],
      ['2005', 'Anna-Karin Öberg', 'ak@kommun.test', '', 'HEM', ''],
    ];
    const dry = (await upload(csv(rows))).json();
    expect(dry.rows.map((r: PreviewRow) => [r.name, r.action])).toEqual([
      ['Karin Chef', 'create'], ['Hemtjänsten', 'error'], ['visma', 'error'], ['IT-enheten', 'error'], ['Atea Sverige AB', 'error'], ['Anna-Karin Öberg', 'create'],
    ]);
    expect(dry.rows[1].errors).toEqual([
      { column: 'Namn', message: '"Hemtjänsten" är namnet på en enhet eller leverantör, eller läses som en organisation: ingen person skapas med det namnet.' },
    ]);
    await apply(dry.id);
    expect((await people()).map((p) => p.name)).toEqual(['Anna-Karin Öberg', 'Karin Chef']);
  });

  it('a full import marks people missing from the file left (never deleted); re-importing the same file changes nothing', async () => {
    await importAndApply(csv([SV_HEADER, ...STAFF]));
    const manual = (await admin.post('/api/people', { name: 'Manuell Person', homeUnitId: 'soc' })).json();
    const without = csv([SV_HEADER, STAFF[0]!, ['1002', 'Åsa Öberg-Lind', 'asa@kommun.test', 'Samordnare', 'HEM', '1001']]);

    const preview = (await upload(without, 'full')).json();
    const bo = await byExternal('1003');
    expect(preview.counts).toEqual({ create: 0, update: 1, unchanged: 1, error: 0, markLeft: 1 });
    expect(preview.markLeft).toEqual([{ id: bo.id, name: 'Bo Ek' }]);
    expect(preview.rows[1]).toMatchObject({ action: 'update', changes: ['name', 'title'] });
    expect((await apply(preview.id)).statusCode).toBe(200);
    expect(await byExternal('1003')).toMatchObject({ status: 'left', left_at: h.clock.now().toISOString(), version: 2 });
    expect(await byExternal('1002')).toMatchObject({ name: 'Åsa Öberg-Lind', title: 'Samordnare', version: 2 });
    expect((await admin.get(`/api/people/${manual.id}`)).json()).toMatchObject({ status: 'active', version: 1 });
    expect(await people()).toHaveLength(4);
    const leftEvents = await h.handle.db.selectFrom('audit_events').select(['action', 'origin']).where('entity_id', '=', bo.id).where('action', '=', 'mark_left').execute();
    expect(leftEvents).toEqual([{ action: 'mark_left', origin: 'import' }]);

    const again = (await upload(without, 'full')).json();
    expect(again.counts).toEqual({ create: 0, update: 0, unchanged: 2, error: 0, markLeft: 0 });
    const eventsBefore = (await importEvents()).length;
    expect((await apply(again.id)).statusCode).toBe(200);
    expect((await importEvents()).length).toBe(eventsBefore + 1); // only the summary
    expect(await byExternal('1002')).toMatchObject({ version: 2 });
  });

  it('applies once only, for the person who made the dry-run, within the hour', async () => {
    const first = (await upload(csv([SV_HEADER, STAFF[0]!]))).json();
    expect((await apply(first.id)).statusCode).toBe(200);
    const twice = await apply(first.id);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('conflict');
    expect((await apply('no-such-import')).statusCode).toBe(404);

    const other = await addUser(h, admin, 'other.admin@kommun.test', 'administrator');
    const second = (await upload(csv([SV_HEADER, STAFF[1]!]))).json();
    expect((await apply(second.id, other)).statusCode).toBe(404);
    h.clock.advance(3_600_001);
    await admin.login('admin@kommun.test'); // the session's idle limit passed too
    expect((await apply(second.id)).statusCode).toBe(404);
    expect(await people()).toHaveLength(1);
  });

  it('is all or nothing: a person changed since the dry-run makes apply a 409 and nothing is written', async () => {
    await importAndApply(csv([SV_HEADER, STAFF[0]!]));
    const karin = await byExternal('1001');
    const before = (await importEvents()).length;
    const preview = (await upload(csv([SV_HEADER, ...STAFF.slice(1), ['1001', 'Karin Chef', 'karin@kommun.test', 'Avdelningschef', 'Hemtjänsten', '']]))).json();
    expect(preview.counts).toMatchObject({ create: 2, update: 1 });
    expect((await admin.request('PATCH', `/api/people/${karin.id}`, { version: 1, title: 'Ändrad under tiden' })).statusCode).toBe(200);

    const res = await apply(preview.id);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('conflict');
    expect(await people()).toHaveLength(1);
    expect(await byExternal('1001')).toMatchObject({ title: 'Ändrad under tiden', version: 2 });
    expect((await importEvents()).length).toBe(before);
    const batch = await h.handle.db.selectFrom('people_imports').select('applied_at').where('id', '=', preview.id).executeTakeFirstOrThrow();
    expect(batch.applied_at).toBeNull();
  });

  it('a unit-scoped importer imports only into their units and full mode marks left only there', async () => {
    await importAndApply(csv([SV_HEADER, ...STAFF, ['3001', 'Ulla Utb', 'ulla@kommun.test', 'Lärare', 'Åbyskolan', '']]));
    const socAdmin = await addUser(h, admin, 'soc.admin@kommun.test', 'administrator');
    await grantOnUnit(h.handle.db, 'soc.admin@kommun.test', 'administrator', 'soc');
    const res = await upload(csv([SV_HEADER, STAFF[0]!, ['3002', 'Ny Lärare', 'ny@kommun.test', '', 'UTB', ''], ['3001', 'Ulla Utb', 'ulla@kommun.test', 'Rektor', 'Åbyskolan', '']]), 'full', socAdmin);
    const preview = res.json();
    expect(preview.counts).toMatchObject({ unchanged: 1, error: 2, markLeft: 2 });
    expect(preview.rows[1].errors).toEqual([{ column: 'Enhet', message: 'Du har inte behörighet att lägga personer i enheten "UTB".' }]);
    expect(preview.rows[2].errors.map((e: { message: string }) => e.message)).toContain('Personen hör till en enhet som du inte har behörighet till.');
    expect(preview.markLeft.map((p: { name: string }) => p.name).sort()).toEqual(['Bo Ek', 'Åsa Öberg']);
    expect((await apply(preview.id, socAdmin)).statusCode).toBe(200);
    expect(await byExternal('3001')).toMatchObject({ status: 'active', title: 'Lärare' });
    expect(await byExternal('1003')).toMatchObject({ status: 'left' });

    const reader = await addUser(h, admin, 'reader@kommun.test', 'reviewer');
    expect((await upload(csv([SV_HEADER, STAFF[0]!]), 'partial', reader)).statusCode).toBe(403);
  });

  it('refuses files it cannot use with a clear 400, and files over the limits', async () => {
    const noFile = await upload(null);
    expect(noFile.statusCode).toBe(400);
    expect(Object.keys(noFile.json().error.fields)).toEqual(['file']);
    expect((await upload(csv([SV_HEADER, STAFF[0]!]), 'everything')).json().error.fields).toHaveProperty('mode');
    expect((await admin.post('/api/people/import', { mode: 'full' })).json().error.fields).toHaveProperty('file');
    const noHeader = await upload(csv([['a', 'b'], ['1', '2']]));
    expect(noHeader.statusCode).toBe(400);
    expect(noHeader.json().error.fields.file).toMatch(/rubrikrad/);
    expect((await upload(Buffer.from('PK\u0003\u0004 broken zip'))).json().error.fields.file).toMatch(/kunde inte läsas/);

    const tooMany = csv([SV_HEADER, ...Array.from({ length: 20_001 }, (_, i) => [`E${i}`, `Person ${i}`, '', '', 'SOC', ''])]);
    const rows = await upload(tooMany);
    expect(rows.statusCode).toBe(400);
    expect(rows.json().error.fields.file).toBe('Filen har 20001 rader; högst 20000 rader kan importeras åt gången.');

    const big = Buffer.concat([csv([SV_HEADER]), Buffer.alloc(10 * 1024 * 1024 + 1, 0x20)]);
    const tooBig = await upload(big);
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error.code).toBe('payload_too_large');
    const two = form(csv([SV_HEADER, STAFF[0]!]));
    two.append('file', new Blob([csv([SV_HEADER, STAFF[1]!])]), 'second.csv');
    expect((await admin.post('/api/people/import', two)).statusCode).toBe(413);
    expect(await h.handle.db.selectFrom('people_imports').select('id').execute()).toHaveLength(0);
  });
});
