import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { searchText } from '../../server/modules/org/present.ts';
import { csv, form } from '../fixtures/files.ts';
import { insertKommun, insertUnit } from '../fixtures/org.ts';
import { type Agent, createHarness, dialects, setupAdmin, type Harness } from './harness.ts';

/**
 * Issue 9: the HR import found a unit that has a code only by its search text ("socialförvaltningen soc"),
 * so "Socialförvaltningen" was an unknown unit; and a full import whose rows had unknown units still
 * marked people left. The units here carry the search text as the org module writes it (name + code).
 */
const HEADER = ['Anställningsnummer', 'Namn', 'E-post', 'Enhet'];
const WITH_CODES = [
  ['1001', 'Karin Chef', 'karin@kommun.test', 'HEM'],
  ['1002', 'Åsa Öberg', 'asa@kommun.test', 'HEM'],
  ['1003', 'Bo Ek', 'bo@kommun.test', 'SOC'],
  ['1004', 'Cia Cedar', 'cia@kommun.test', 'SOC'],
  ['1005', 'Dan Dahl', 'dan@kommun.test', 'SOC'],
];

describe.each(dialects())('HR import: units by name, code and external id (%s)', (dialect) => {
  let h: Harness;
  let admin: Agent;
  beforeEach(async () => {
    h = await createHarness(dialect);
    admin = await setupAdmin(h);
    await insertKommun(h.handle.db);
    await searchTextAsOrgWritesIt();
  });
  afterEach(async () => h.close());

  const upload = async (rows: string[][], mode: 'full' | 'partial', lang = 'sv') => {
    const res = await admin.post('/api/people/import', form(csv([HEADER, ...rows]), { mode }), { headers: { 'accept-language': lang } });
    expect(res.statusCode).toBe(200);
    return res.json();
  };
  async function searchTextAsOrgWritesIt() {
    for (const u of await h.handle.db.selectFrom('org_units').select(['id', 'name', 'code']).execute()) {
      await h.handle.db.updateTable('org_units').set({ name_search: searchText(u.name, u.code) }).where('id', '=', u.id).execute();
    }
  }
  const byExternal = (id: string) => h.handle.db.selectFrom('people').selectAll().where('external_id', '=', id).executeTakeFirstOrThrow();
  async function seedStaff() {
    const preview = await upload(WITH_CODES, 'partial');
    expect(preview.counts).toMatchObject({ create: 5, error: 0 });
    expect((await admin.post(`/api/people/import/${preview.id}/apply`)).statusCode).toBe(200);
  }

  it('finds a unit with a code by its plain name in any case and spelling, by code and by external id', async () => {
    const preview = await upload(
      [
        ['2001', 'Ett', '', 'Socialförvaltningen'],
        ['2002', 'Två', '', 'socialförvaltningen'],
        ['2003', 'Tre', '', 'SOCIAL-FÖRVALTNINGEN'],
        ['2004', 'Fyra', '', 'Hemtjänsten'],
        ['2005', 'Fem', '', 'soc'],
        ['2006', 'Sex', '', 'U-100'],
        ['2007', 'Sju', '', 'socialförvaltningen soc'],
      ],
      'partial',
    );
    expect(preview.rows.map((r: { action: string; errors?: unknown }) => [r.action, r.errors])).toEqual([
      ['create', undefined],
      ['create', undefined],
      ['create', undefined],
      ['create', undefined],
      ['create', undefined],
      ['create', undefined],
      ['error', [{ column: 'Enhet', message: 'Okänd enhet "socialförvaltningen soc".' }]],
    ]);
    expect((await admin.post(`/api/people/import/${preview.id}/apply`)).statusCode).toBe(200);
    expect((await byExternal('2001')).home_unit_id).toBe('soc');
    expect((await byExternal('2004')).home_unit_id).toBe('hem');
    expect((await byExternal('2006')).home_unit_id).toBe('hem');
  });

  it('reports two units with the same name as an error on the row, never picks one', async () => {
    await insertUnit(h.handle.db, { id: 'hem2', name: 'Hemtjänsten', parentId: 'utb', code: 'HEM2' });
    await searchTextAsOrgWritesIt();
    const preview = await upload([['2001', 'Ett', '', 'Hemtjänsten'], ['2002', 'Två', '', 'HEM2']], 'partial', 'en');
    expect(preview.rows[0]).toMatchObject({ action: 'error', errors: [{ column: 'Enhet', message: 'Several units match "Hemtjänsten". Give the unit code.' }] });
    expect(preview.rows[1]).toMatchObject({ action: 'create' });
  });

  it('a full import written with plain unit names updates the people it names and marks left only the one missing', async () => {
    await seedStaff();
    const plain = WITH_CODES.slice(0, 4).map(([id, name, email, unit]) => [id!, name!, email!, unit === 'HEM' ? 'Hemtjänsten' : 'Socialförvaltningen']);
    const preview = await upload([...plain, ['1006', 'Ny Person', 'ny@kommun.test', 'Socialförvaltningen']], 'full');
    expect(preview.counts).toEqual({ create: 1, update: 0, unchanged: 4, error: 0, markLeft: 1 });
    expect(preview.markLeft.map((p: { name: string }) => p.name)).toEqual(['Dan Dahl']);
    expect(preview.warnings).toEqual([]);
  });

  it('a full import whose rows name units that are not found marks no one left, and the dry-run says why', async () => {
    await seedStaff();
    const rows = [
      ['1001', 'Karin Chef', 'karin@kommun.test', 'Hemtjänsten'],
      ['1002', 'Åsa Öberg', 'asa@kommun.test', 'Hemtjänst Norr'],
      ['1003', 'Bo Ek', 'bo@kommun.test', 'Socialförvaltningen'],
      ['1007', 'Ny Person', 'ny@kommun.test', 'Socialförvaltningens stab'],
    ];
    const sv = await upload(rows, 'full');
    expect(sv.counts).toEqual({ create: 0, update: 0, unchanged: 2, error: 2, markLeft: 0 });
    expect(sv.markLeft).toEqual([]);
    expect(sv.warnings).toEqual([
      {
        code: 'mark_left_withheld',
        message:
          'Ingen markeras som slutat: filen har enheter som inte hittades (rader: 3, 5), och då går det inte att veta vilka personer filen gäller. Antal som annars hade markerats som slutat: 2. Rätta enheterna och läs in filen igen.',
      },
    ]);
    const en = await upload(rows, 'full', 'en');
    expect(en.warnings[0].message).toMatch(/^No one is marked left: the file names units that were not found \(rows: 3, 5\)/);

    expect((await admin.post(`/api/people/import/${sv.id}/apply`)).json().counts).toMatchObject({ markLeft: 0 });
    for (const id of ['1002', '1004', '1005']) expect(await byExternal(id)).toMatchObject({ status: 'active', version: 1 });
    const markedLeft = await h.handle.db.selectFrom('audit_events').select('id').where('action', '=', 'mark_left').execute();
    expect(markedLeft).toHaveLength(0);
    const dryRun = await h.handle.db.selectFrom('audit_events').select('after_json').where('entity_id', '=', sv.id).where('action', '=', 'dry_run').executeTakeFirstOrThrow();
    expect(JSON.parse(dryRun.after_json!)).toMatchObject({ warnings: ['mark_left_withheld'] });
  });
});
