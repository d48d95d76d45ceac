import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemSchema, systemsPage } from '../../server/modules/systems/schemas.ts';
import { grantOnUnit, insertUnit } from '../fixtures/org.ts';
import { assignRole, createSystem, expectBody, insertPerson, insertSystemsKommun, linkUserToPerson, systemsApi } from '../fixtures/systems.ts';
import { importPreviewSchema, importResultSchema } from '../../server/modules/system-import/schemas.ts';
import { importApi, workbook } from '../fixtures/system-workbooks.ts';
import { type Agent, addUser, createHarness, dialects, setupAdmin, type Harness } from './harness.ts';

/**
 * An installation of two kommuner (an IT-samverkan): a kommun's administrator reads its systems by kommun
 * (systems.kommun_id, migration 0025) and, beside them, what else they see — another kommun's system used by one of
 * their units, or one on which their person holds a role. The kommun follows the owning unit when a system changes
 * owner and when a unit moves to another kommun.
 */
describe.each(dialects())('system register: one kommun of several (%s)', (dialect) => {
  let h: Harness;
  let admin: Agent;
  let kommunAdmin: Agent;
  let neighbourAdmin: Agent;
  const db = () => h.handle.db;

  beforeEach(async () => {
    h = await createHarness(dialect);
    admin = await setupAdmin(h);
    await insertSystemsKommun(db());
    await insertUnit(db(), { id: 'kommun2', name: 'Grannby kommun', kind: 'kommun' });
    await insertUnit(db(), { id: 'ks2', name: 'Kommunstyrelsen', parentId: 'kommun2', kind: 'kommunstyrelse' });
    await insertUnit(db(), { id: 'soc2', name: 'Socialförvaltningen', parentId: 'ks2', kind: 'forvaltning' });
    const own: Array<[string, string]> = [
      ['Alfa', 'hem'], ['Beta', 'klf'], ['Gamma', 'skola'], ['Delta', 'utb'], ['Epsilon', 'soc'], ['Zeta', 'it'], ['Öresystemet', 'klf'],
    ];
    const ids: Record<string, string> = {};
    for (const [name, unit] of own) ids[name] = (await createSystem(admin, { name, owningUnitId: unit, ...(name === 'Beta' ? { usingUnitIds: ['hem'] } : {}) })).id;
    await createSystem(admin, { name: 'Grannbys gemensamma', owningUnitId: 'ks2', kommungemensamt: true });
    await createSystem(admin, { name: 'Grannbys hemliga', owningUnitId: 'soc2' });
    const used = await createSystem(admin, { name: 'Delad larmcentral', owningUnitId: 'soc2' });
    await db().insertInto('system_units').values({ system_id: used.id, unit_id: 'hem' }).execute();
    const held = await createSystem(admin, { name: 'Kommunens roll hos grannen', owningUnitId: 'ks2' });

    kommunAdmin = await addUser(h, admin, 'kommun.admin@kommun.test', 'administrator');
    await insertPerson(db(), { id: 'p-kom', name: 'Karin Kommunadmin' });
    await linkUserToPerson(db(), 'kommun.admin@kommun.test', 'p-kom');
    await assignRole(db(), { roleKey: 'systemagare', personId: 'p-kom', systemId: held.id });
    // Seen twice over (in the kommun, and used by its unit or held a role on): listed and counted once.
    await assignRole(db(), { roleKey: 'systemagare', personId: 'p-kom', systemId: ids.Alfa! });
    await grantOnUnit(db(), 'kommun.admin@kommun.test', 'administrator', 'kommun');
    neighbourAdmin = await addUser(h, admin, 'grannby.admin@kommun.test', 'administrator');
    await grantOnUnit(db(), 'grannby.admin@kommun.test', 'administrator', 'kommun2');
  });
  afterEach(async () => h.close());

  const page = async (agent: Agent, qs: string) => expectBody(await systemsApi(agent).list(qs), 200, systemsPage);
  /** Every page of the list, `limit` at a time, and the total the first page gave. */
  async function walk(agent: Agent, qs: string, limit: number): Promise<{ names: string[]; total: number | null; ids: string[] }> {
    const first = await page(agent, `limit=${limit}&${qs}`);
    const items = [...first.items];
    for (let cursor = first.nextCursor; cursor; ) {
      const next = await page(agent, `limit=${limit}&${qs}&cursor=${encodeURIComponent(cursor)}`);
      items.push(...next.items);
      cursor = next.nextCursor;
    }
    return { names: items.map((x) => x.name), total: first.total, ids: items.map((x) => x.id) };
  }
  type FindingItem = { id: string; systemId: string | null; unitId: string | null };
  type FindingsPage = { items: FindingItem[]; nextCursor: string | null; total: number | null };
  /** Every finding the agent sees, `limit` at a time, checked to come once each; and the first page's total. */
  async function findings(agent: Agent, limit: number): Promise<{ ids: string[]; total: number | null }> {
    const read = async (cursor: string | null) => {
      const res = await agent.get(`/api/findings?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as FindingsPage;
    };
    const first = await read(null);
    const ids = first.items.map((x) => x.id);
    for (let cursor = first.nextCursor; cursor; ) {
      const next = await read(cursor);
      ids.push(...next.items.map((x) => x.id));
      cursor = next.nextCursor;
    }
    expect(new Set(ids).size).toBe(ids.length);
    return { ids, total: first.total };
  }
  /** The findings the agent should see: those of the systems it sees, and of the units below `root`. */
  async function expectedFindings(agent: Agent, root: string): Promise<string[]> {
    const systems = new Set((await walk(agent, '', 50)).ids);
    const units = new Set((await db().selectFrom('org_unit_closure').select('descendant_id').where('ancestor_id', '=', root).execute()).map((r) => r.descendant_id));
    const all = (await findings(admin, 50)).ids;
    const rows = await db().selectFrom('findings').select(['id', 'system_id', 'unit_id']).where('id', 'in', all.length ? all : ['']).execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    return all.filter((id) => {
      const r = byId.get(id)!;
      return r.system_id ? systems.has(r.system_id) : r.unit_id !== null && units.has(r.unit_id);
    });
  }
  const kommunOf = async (name: string) =>
    (await db().selectFrom('systems').select('kommun_id').where('name', '=', name).executeTakeFirstOrThrow()).kommun_id;

  const MINE = ['Alfa', 'Beta', 'Delad larmcentral', 'Delta', 'Epsilon', 'Gamma', 'Kommunens roll hos grannen', 'Zeta', 'Öresystemet'];

  it("a kommun's administrator pages through its systems and the other kommun's it uses or holds a role on, in order, each once", async () => {
    for (const limit of [1, 2, 4, 50]) {
      expect(await walk(kommunAdmin, 'sort=name&dir=asc', limit)).toMatchObject({ names: MINE, total: MINE.length });
      expect((await walk(kommunAdmin, 'sort=name&dir=desc', limit)).names).toEqual([...MINE].reverse());
    }
    const byNumber = await walk(kommunAdmin, 'sort=registerNo&dir=asc', 3);
    expect([...byNumber.names].sort((a, b) => a.localeCompare(b, 'sv'))).toEqual(MINE);
    // Filters and search apply to both parts, and so does the count.
    expect(await walk(kommunAdmin, 'q=grann', 2)).toMatchObject({ names: ['Kommunens roll hos grannen'], total: 1 });
    expect(await walk(kommunAdmin, 'unitId=soc', 1)).toMatchObject({ names: ['Alfa', 'Beta', 'Delad larmcentral', 'Epsilon'], total: 4 });
    expect(await walk(kommunAdmin, 'kommungemensamt=true', 5)).toMatchObject({ names: [], total: 0 });
    // The neighbour sees its own kommun's systems, its common one among them, and none of the first kommun's.
    expect(await walk(neighbourAdmin, '', 2)).toMatchObject({
      names: ['Delad larmcentral', 'Grannbys gemensamma', 'Grannbys hemliga', 'Kommunens roll hos grannen'],
      total: 4,
    });
    // The findings: of the systems each sees and the units of its kommun, page by page, each once.
    for (const [agent, root] of [[kommunAdmin, 'kommun'], [neighbourAdmin, 'kommun2']] as const) {
      const want = await expectedFindings(agent, root);
      expect(want.length).toBeGreaterThan(3);
      for (const limit of [2, 50]) {
        const seen = await findings(agent, limit);
        expect(seen).toEqual({ ids: want, total: want.length });
      }
    }
  });

  it("a system's kommun follows its owning unit, and a unit moved to another kommun takes its systems along", async () => {
    expect(await kommunOf('Alfa')).toBe('kommun');
    expect(await kommunOf('Grannbys hemliga')).toBe('kommun2');
    // A new owner in the other kommun.
    const zeta = (await page(admin, 'q=zeta')).items[0]!;
    expectBody(await systemsApi(admin).patch(zeta.id, { version: zeta.version, owningUnitId: 'soc2' }), 200, systemSchema);
    expect(await kommunOf('Zeta')).toBe('kommun2');
    expect((await walk(kommunAdmin, '', 50)).names).not.toContain('Zeta');
    expect((await walk(neighbourAdmin, '', 50)).names).toContain('Zeta');
    // Its findings move with it at once, before any refresh.
    const zetaFindings = await db().selectFrom('findings').select(['id', 'kommun_id']).where('system_id', '=', zeta.id).execute();
    expect(zetaFindings.length).toBeGreaterThan(0);
    expect(new Set(zetaFindings.map((f) => f.kommun_id))).toEqual(new Set(['kommun2']));
    expect((await findings(kommunAdmin, 50)).ids).not.toContain(zetaFindings[0]!.id);
    expect((await findings(neighbourAdmin, 50)).ids).toContain(zetaFindings[0]!.id);
    // Grannby's social services move into the first kommun, with Zeta and the two systems it owned.
    const soc2 = await db().selectFrom('org_units').select('version').where('id', '=', 'soc2').executeTakeFirstOrThrow();
    const moved = await admin.post('/api/org-units/soc2/move', { version: soc2.version, parentId: 'sn' });
    expect(moved.statusCode, moved.body).toBe(200);
    for (const name of ['Zeta', 'Grannbys hemliga', 'Delad larmcentral']) expect(await kommunOf(name)).toBe('kommun');
    expect(await kommunOf('Grannbys gemensamma')).toBe('kommun2');
    expect(await walk(kommunAdmin, '', 3)).toMatchObject({ names: [...MINE, 'Grannbys hemliga'].sort((a, b) => a.localeCompare(b, 'sv')), total: 10 });
    expect((await walk(neighbourAdmin, '', 50)).names).toEqual(['Grannbys gemensamma', 'Kommunens roll hos grannen']);
    expect((await findings(kommunAdmin, 50)).ids).toEqual(await expectedFindings(kommunAdmin, 'kommun'));
    expect((await findings(neighbourAdmin, 50)).ids).toEqual(await expectedFindings(neighbourAdmin, 'kommun2'));
    // Only a kommun is a root, and a kommun is never moved under another: no other move changes a system's kommun.
    const again = await db().selectFrom('org_units').select('version').where('id', '=', 'soc2').executeTakeFirstOrThrow();
    expect((await admin.post('/api/org-units/soc2/move', { version: again.version, parentId: null })).statusCode).toBe(400);
    expect(await kommunOf('Zeta')).toBe('kommun');
  });

  it('a register import gives each new system the kommun above its owning unit, and its findings the same', async () => {
    const file = await workbook([{ sheet: 'Blad1', rows: [
      ['Applikation', 'Förvaltning'],
      ['Importerat hemma', 'Kommunledningsförvaltningen'],
      ['Importerat hos grannen', 'Grannby kommun'],
    ] }]);
    const preview = expectBody(await importApi(admin).upload(file), 200, importPreviewSchema);
    expect(preview.counts).toMatchObject({ create: 2, error: 0 });
    expectBody(await importApi(admin).apply(preview.id), 200, importResultSchema);
    expect(await kommunOf('Importerat hemma')).toBe('kommun');
    expect(await kommunOf('Importerat hos grannen')).toBe('kommun2');
    await findings(admin, 1); // a read brings the findings up to date
    const found = await db()
      .selectFrom('findings as f')
      .innerJoin('systems as s', 's.id', 'f.system_id')
      .select(['s.name', 'f.kommun_id'])
      .where('s.name', 'in', ['Importerat hemma', 'Importerat hos grannen'])
      .execute();
    expect(new Set(found.map((f) => `${f.name} → ${f.kommun_id}`))).toEqual(new Set(['Importerat hemma → kommun', 'Importerat hos grannen → kommun2']));
  });
});
