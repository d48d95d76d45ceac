import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { grantOnUnit, insertUnit } from '../fixtures/org.ts';
import { type Agent, addUser, createHarness, dialects, setupAdmin, type Harness } from './harness.ts';

interface Party {
  type: string;
  name?: string;
}
interface Row {
  system: { name: string };
  cells: Array<{ area: string; responsibilities: Array<{ ruleId: string; parties: Party[] }> }>;
}

/** GET /api/systems/responsibilities: the matrix of systems × the policy's areas, from the engine. */
describe.each(dialects())('responsibility matrix (%s)', (dialect) => {
  let h: Harness;
  let admin: Agent;
  beforeEach(async () => {
    h = await createHarness(dialect);
    admin = await setupAdmin(h);
    const db = h.handle.db;
    await insertUnit(db, { id: 'kommun', name: 'Exempelby kommun', kind: 'kommun' });
    await insertUnit(db, { id: 'ks', name: 'Kommunstyrelsen', parentId: 'kommun', kind: 'kommunstyrelse' });
    await insertUnit(db, { id: 'sn', name: 'Socialnämnden', parentId: 'kommun', kind: 'namnd' });
    await insertUnit(db, { id: 'sof', name: 'Socialförvaltningen', parentId: 'sn', kind: 'forvaltning' });
    await insertUnit(db, { id: 'bun', name: 'Barn- och utbildningsnämnden', parentId: 'kommun', kind: 'namnd' });
    await insertUnit(db, { id: 'buf', name: 'Barn- och utbildningsförvaltningen', parentId: 'bun', kind: 'forvaltning' });
    for (const [name, owningUnitId, hosting] of [
      ['Procapita', 'sof', 'internal_it'],
      ['Skolplattformen', 'buf', 'saas'],
    ] as const) {
      const res = await admin.post('/api/systems', { name, kind: 'business', owningUnitId, hosting });
      if (res.statusCode !== 201) throw new Error(res.body);
    }
  });
  afterEach(async () => h.close());

  const overall = (row: Row) =>
    row.cells.find((c) => c.area === 'overgripande_ansvar')!.responsibilities.flatMap((r) => r.parties.map((p) => p.name));

  it('gives each system the parties of each area by its facts: kommunstyrelsen inside the network, the nämnd outside', async () => {
    const res = await admin.get('/api/systems/responsibilities');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.areas.map((a: { key: string }) => a.key)).toContain('overgripande_ansvar');
    const rows: Row[] = body.items;
    expect(rows.map((r) => r.system.name)).toEqual(['Procapita', 'Skolplattformen']);
    expect(overall(rows[0]!)).toContain('Kommunstyrelsen');
    expect(overall(rows[1]!)).toContain('Barn- och utbildningsnämnden');
    expect(overall(rows[1]!)).not.toContain('Kommunstyrelsen');

    const page = await admin.get('/api/systems/responsibilities?limit=1');
    expect(page.json().items).toHaveLength(1);
    const next = await admin.get(`/api/systems/responsibilities?limit=1&cursor=${page.json().nextCursor}`);
    expect(next.json().items.map((r: Row) => r.system.name)).toEqual(['Skolplattformen']);
    expect((await admin.get('/api/systems/responsibilities?limit=101')).statusCode).toBe(400);
    expect((await admin.get('/api/systems/responsibilities?hosting=saas')).json().items.map((r: Row) => r.system.name)).toEqual(['Skolplattformen']);
  });

  it('shows another förvaltning nothing of systems it may not see', async () => {
    const user = await addUser(h, admin, 'buf@kommun.test', 'user');
    await grantOnUnit(h.handle.db, 'buf@kommun.test', 'user', 'buf');
    const rows: Row[] = (await user.get('/api/systems/responsibilities')).json().items;
    expect(rows.map((r) => r.system.name)).toEqual(['Skolplattformen']);
  });
});
