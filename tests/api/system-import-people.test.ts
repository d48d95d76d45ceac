import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importPreviewSchema, importResultSchema } from '../../server/modules/system-import/schemas.ts';
import { grantOnUnit, insertUnit } from '../fixtures/org.ts';
import { assignRole, createSystem, expectBody, insertSystemsKommun } from '../fixtures/systems.ts';
import { holdersOf, importApi, importCounts, importEvents, insertImportPeople, systemByName, workbook, type WCell } from '../fixtures/system-workbooks.ts';
import { addUser, createHarness, dialects, setupAdmin, type Agent, type Harness } from './harness.ts';
import { sortKey } from '../../server/platform/text.ts';

const HEADER = ['Systemnamn', 'Förvaltning', 'Systemägare', 'Systemförvaltare', 'Driftansvarig'];
const sheet = (...rows: WCell[][]) => workbook([{ sheet: 'Register', rows: [HEADER, ...rows] }]);

/** People and förvaltningar in the import: matched by name or e-mail, vacant roles, unknown ones, and whose rows a caller may import. */
describe.each(dialects())('system register import: people, förvaltningar, permissions (%s)', (dialect) => {
  let h: Harness;
  let admin: Agent;
  const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm' }).format(h.clock.now());
  beforeEach(async () => {
    h = await createHarness(dialect);
    admin = await setupAdmin(h);
    await insertSystemsKommun(h.handle.db);
    await insertImportPeople(h.handle.db);
  });
  afterEach(async () => h.close());

  const preview = async (file: Buffer, fields: Parameters<ReturnType<typeof importApi>['upload']>[1] = {}, as: Agent = admin) =>
    expectBody(await importApi(as).upload(file, fields), 200, importPreviewSchema);
  const apply = async (id: string, as: Agent = admin) => expectBody(await importApi(as).apply(id), 200, importResultSchema);

  it('matches people by name or e-mail in any form; "Vakant" ends a holder, an empty cell leaves one; a new holder replaces the old', async () => {
    const diariet = await createSystem(admin, { name: 'Diariet', owningUnitId: 'soc' });
    const kartan = await createSystem(admin, { name: 'Kartan', owningUnitId: 'soc' });
    const old = await assignRole(h.handle.db, { roleKey: 'systemagare', personId: 'p-anna', systemId: diariet.id });
    await assignRole(h.handle.db, { roleKey: 'driftansvarig', personId: 'p-dan', systemId: diariet.id });
    await assignRole(h.handle.db, { roleKey: 'systemforvaltare', personId: 'p-cecilia', systemId: kartan.id });
    const file = await sheet(
      ['Diariet', 'Socialförvaltningen', 'CECILIA.DAHL@kommun.test', 'Dahl, Cecilia', 'Vakant'],
      ['Kartan', 'Socialförvaltningen', 'Anna Berg (förvaltningschef)', null, '-'],
      ['Nytt', 'Socialförvaltningen', 'Bo Ek <bo.ek@kommun.test>', 'anna berg; Cecilia Dahl', 'dan.drift@kommun.test'],
    );
    const dry = await preview(file);
    expect(dry.rows.map((r) => [r.name, r.action, r.changes ?? null])).toEqual([
      ['Diariet', 'update', ['owner', 'manager', 'operations']],
      ['Kartan', 'update', ['owner']],
      ['Nytt', 'create', null],
    ]);
    expect(dry.rows[0]!.notes).toEqual([{ cell: 'E2', column: 'Driftansvarig', message: 'Rollen Driftansvarig – IT-driftsledare lämnas vakant.' }]);
    expect(dry.effects).toMatchObject({ roleStarts: 7, roleEnds: 2, people: 0 });
    await apply(dry.id);
    expect(await holdersOf(h.handle.db, diariet.id)).toEqual(['systemagare:p-cecilia', 'systemforvaltare:p-cecilia']);
    expect(await holdersOf(h.handle.db, kartan.id)).toEqual(['systemagare:p-anna', 'systemforvaltare:p-cecilia']);
    const nytt = await systemByName(h.handle.db, 'Nytt');
    expect(await holdersOf(h.handle.db, nytt.id)).toEqual(['driftansvarig:p-dan', 'systemagare:p-bo', 'systemforvaltare:p-anna', 'systemforvaltare:p-cecilia']);
    const ended = await h.handle.db.selectFrom('role_assignments').selectAll().where('id', '=', old).executeTakeFirstOrThrow();
    const adminId = (await h.handle.db.selectFrom('users').select('id').executeTakeFirstOrThrow()).id;
    expect(ended).toMatchObject({ valid_to: today(), ended_by: adminId, version: 2 });
    expect(ended.ended_at).not.toBeNull();
    const events = await importEvents(h.handle.db);
    expect(events.filter((e) => e === 'role_assignment:end')).toHaveLength(2);
    expect(events.filter((e) => e === 'role_assignment:create')).toHaveLength(7);
  });

  it('lists unknown people: without createMissing the role is left as it is, with it they are added to the owning förvaltning', async () => {
    const rows = [
      ['Appen', 'Utbildningsförvaltningen', 'Greta Nyström', 'ny.person@kommun.test', null],
      ['Appen 2', 'Utbildningsförvaltningen', 'greta nyström', null, 'Lars Lämnat'],
    ];
    const without = await preview(await sheet(...rows));
    expect(without.unknownPeople).toEqual([
      { name: 'Greta Nyström', email: null, create: false, rows: [{ sheet: 'Register', row: 2, cell: 'C2' }, { sheet: 'Register', row: 3, cell: 'C3' }] },
      { name: 'Ny Person', email: 'ny.person@kommun.test', create: false, rows: [{ sheet: 'Register', row: 2, cell: 'D2' }] },
    ]);
    expect(without.rows[0]!.notes!.map((n) => n.cell)).toEqual(['C2', 'D2', null]);
    expect(without.rows[1]!.notes).toContainEqual({ cell: 'E3', column: 'Driftansvarig', message: 'Lars Lämnat har slutat: rollen ändras inte.' });
    expect(without.effects).toMatchObject({ people: 0, roleStarts: 0 });

    const withMissing = await preview(await sheet(...rows), { createMissing: true });
    expect(withMissing.unknownPeople.map((p) => [p.name, p.create])).toEqual([['Greta Nyström', true], ['Ny Person', true]]);
    expect(withMissing.effects).toMatchObject({ people: 2, roleStarts: 3 });
    expect(withMissing.rows[0]!.notes!.map((n) => n.message)).toContain('Personen "Greta Nyström" finns inte och läggs till.');
    await apply(withMissing.id);
    const greta = await h.handle.db.selectFrom('people').selectAll().where('name', '=', 'Greta Nyström').executeTakeFirstOrThrow();
    expect(greta).toMatchObject({ home_unit_id: 'utb', status: 'active', email: null, name_search: 'greta nyström' });
    expect(await h.handle.db.selectFrom('people').select(['email', 'home_unit_id']).where('name', '=', 'Ny Person').executeTakeFirstOrThrow()).toEqual({ email: 'ny.person@kommun.test', home_unit_id: 'utb' });
    expect(await holdersOf(h.handle.db, (await systemByName(h.handle.db, 'Appen 2')).id)).toEqual([`systemagare:${greta.id}`]);
    expect((await importEvents(h.handle.db)).filter((e) => e === 'person:create')).toHaveLength(2);
  });

  it('an ambiguous person, or more holders than the role allows, is an error naming the cell', async () => {
    const at = h.clock.now().toISOString();
    await h.handle.db.insertInto('people').values({ id: 'p-anna2', name: 'Anna Berg', name_search: 'anna berg', name_sort: sortKey('anna berg'), email: null, title: null, home_unit_id: 'utb', manager_id: null, status: 'active', left_at: null, external_id: null, version: 1, created_at: at, updated_at: at }).execute();
    const dry = await preview(await sheet(['S1', 'Socialförvaltningen', 'Anna Berg', null, null], ['S2', 'Socialförvaltningen', 'Bo Ek; Dan Drift', null, null]));
    expect(dry.rows.map((r) => r.errors)).toEqual([
      [{ cell: 'C2', column: 'Systemägare', message: 'Flera personer matchar "Anna Berg". Ange personens e-postadress.' }],
      [{ cell: 'C3', column: 'Systemägare', message: 'Rollen Systemägare kan ha högst 1 innehavare.' }],
    ]);
  });

  it('an unknown förvaltning is an error until createMissing adds it under the kommun, with its closure rows', async () => {
    await insertUnit(h.handle.db, { id: 'sbf', name: 'Samhällsbyggnadsförvaltningen i Exempelby', parentId: 'kommun', kind: 'forvaltning' });
    const file = await workbook([
      { sheet: 'Kultur- och fritid', rows: [['Systemnamn', 'Systemägare'], ['Bibliotekssystemet', 'Bo Ek'], ['Bokningen', null]] },
      // Excel cuts sheet names at 31 characters: the start of a unit's name still finds it.
      { sheet: 'Samhällsbyggnadsförvaltningen i', rows: [['Systemnamn', 'Systemägare'], ['Bygglov', 'Bo Ek']] },
    ]);
    const without = await preview(file);
    expect(without.unknownUnits).toEqual([
      { name: 'Kultur- och fritid', create: false, rows: [{ sheet: 'Kultur- och fritid', row: 2, cell: null }, { sheet: 'Kultur- och fritid', row: 3, cell: null }] },
    ]);
    expect(without.rows[0]!.errors).toEqual([
      { cell: null, column: 'Kultur- och fritid', message: 'Okänd förvaltning "Kultur- och fritid". Den kan läggas till om du väljer att skapa det som saknas.' },
    ]);
    expect(without.rows[2]).toMatchObject({ action: 'create', unit: 'Samhällsbyggnadsförvaltningen i Exempelby' });
    expect(without.counts).toMatchObject({ create: 1, error: 2 });

    const withMissing = await preview(file, { createMissing: true });
    expect(withMissing.counts).toMatchObject({ create: 3, error: 0 });
    expect(withMissing.effects.units).toBe(1);
    await apply(withMissing.id);
    const unit = await h.handle.db.selectFrom('org_units').selectAll().where('name', '=', 'Kultur- och fritid').executeTakeFirstOrThrow();
    expect(unit).toMatchObject({ parent_id: 'kommun', kind: 'forvaltning', status: 'active', version: 1 });
    const closure = await h.handle.db.selectFrom('org_unit_closure').select(['ancestor_id', 'depth']).where('descendant_id', '=', unit.id).orderBy('depth').execute();
    expect(closure.map((c) => [c.ancestor_id, Number(c.depth)])).toEqual([[unit.id, 0], ['kommun', 1]]);
    expect((await systemByName(h.handle.db, 'Bibliotekssystemet')).owning_unit_id).toBe(unit.id);
    expect((await importEvents(h.handle.db)).filter((e) => e === 'org_unit:create')).toHaveLength(1);
    // The second time the förvaltning is known.
    expect((await preview(file, { createMissing: true })).counts).toMatchObject({ unchanged: 3, create: 0 });
  });

  it('rows of a förvaltning the caller may not write are errors naming the cell; nothing is written for them', async () => {
    const procapita = await createSystem(admin, { name: 'Procapita', owningUnitId: 'soc' });
    const user = await addUser(h, admin, 'ulla@kommun.test', 'user');
    await grantOnUnit(h.handle.db, 'ulla@kommun.test', 'user', 'utb');
    const file = await sheet(
      ['Skolwebben', 'Utbildningsförvaltningen', 'Bo Ek', null, null],
      ['Socialwebben', 'Socialförvaltningen', 'Anna Berg', null, null],
      ['Procapita', 'Utbildningsförvaltningen', null, null, null],
      ['Nya förvaltningens system', 'Miljöförvaltningen', null, null, null],
    );
    const dry = await preview(file, { createMissing: true }, user);
    expect(dry.rows.map((r) => [r.name, r.action])).toEqual([
      ['Skolwebben', 'create'], ['Socialwebben', 'error'], ['Procapita', 'error'], ['Nya förvaltningens system', 'error'],
    ]);
    expect(dry.rows[1]!.errors).toEqual([{ cell: 'B3', column: 'Förvaltning', message: 'Du har inte behörighet att registrera system för Socialförvaltningen.' }]);
    expect(dry.rows[2]!.errors).toEqual([{ cell: 'A4', column: 'Systemnamn', message: 'Ett system med det namnet finns redan i en förvaltning som du inte har behörighet till.' }]);
    expect(dry.rows[3]!.errors).toEqual([{ cell: 'B5', column: 'Förvaltning', message: 'Förvaltningen "Miljöförvaltningen" finns inte, och du har inte behörighet att lägga till förvaltningar.' }]);
    const before = await importCounts(h.handle.db);
    await apply(dry.id, user);
    const after = await importCounts(h.handle.db);
    expect(after).toMatchObject({ systems: before.systems! + 1, org_units: before.org_units, system_units: 0, people: before.people });
    expect((await systemByName(h.handle.db, 'Skolwebben')).owning_unit_id).toBe('utb');
    expect(await h.handle.db.selectFrom('systems').select('name').where('owning_unit_id', '=', 'soc').execute()).toEqual([{ name: 'Procapita' }]);
    expect((await h.handle.db.selectFrom('systems').select('version').where('id', '=', procapita.id).executeTakeFirstOrThrow()).version).toBe(1);

    // A reviewer (no systems:write) may not import at all.
    const reviewer = await addUser(h, admin, 'rita@kommun.test', 'reviewer');
    expect((await importApi(reviewer).upload(file)).statusCode).toBe(403);
  });
});
