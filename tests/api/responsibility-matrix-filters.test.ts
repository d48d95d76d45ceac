import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matrixSchema } from '../../server/modules/systems/matrix-schemas.ts';
import { grantOnUnit, insertUnit } from '../fixtures/org.ts';
import { assignRole, createSystem, errorOf, expectBody, insertPerson, insertSystemsKommun } from '../fixtures/systems.ts';
import { type Agent, addUser, createHarness, dialects, setupAdmin, type Harness } from './harness.ts';

const EN = { 'accept-language': 'en' };
const SYSTEM_AREAS = [
  'overgripande_ansvar', 'systemforteckning', 'behorighetsadministration', 'behorighetsbestallning', 'behorighetskontroll',
  'loggning_och_sarbarhet', 'drift_och_forvaltning', 'sakerhetskopiering_och_lagring', 'avveckling_av_datamedia',
  'informationsklassning', 'systemforvaltarplaner',
];

/**
 * GET /api/systems/responsibilities, the redesigned matrix (issue 12): a status per cell, the columns
 * (`area`), only systems with or without gaps (`gaps`), the total, the förvaltning for grouping.
 */
describe.each(dialects())('responsibility matrix: statuses and filters (%s)', (dialect) => {
  let h: Harness;
  let admin: Agent;
  let utbUser: Agent;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    h = await createHarness(dialect);
    admin = await setupAdmin(h);
    const db = h.handle.db;
    await insertSystemsKommun(db);
    await insertUnit(db, { id: 'kansli', name: 'Kansliet', parentId: 'klf' });
    await db.updateTable('org_units').set({ function: 'kansli' }).where('id', '=', 'kansli').execute();
    // Procapita (owned by Hemtjänsten, inside the network) has every role it needs; the two systems of
    // Utbildningsförvaltningen have nobody.
    ids.procapita = (await createSystem(admin, { name: 'Procapita', kind: 'business', owningUnitId: 'hem', hosting: 'internal_it' })).id;
    ids.skola = (await createSystem(admin, { name: 'Skolplattformen', kind: 'business', owningUnitId: 'utb', hosting: 'saas' })).id;
    ids.karta = (await createSystem(admin, { name: 'Kartan', kind: 'business', owningUnitId: 'skola', hosting: 'internal_it' })).id;
    await insertPerson(db, { id: 'p-owner', name: 'Olga Ägare', homeUnitId: 'soc' });
    await insertPerson(db, { id: 'p-ops', name: 'Dag Drift', homeUnitId: 'it' });
    await insertPerson(db, { id: 'p-digi', name: 'Stina Strateg', homeUnitId: 'klf' });
    await assignRole(db, { roleKey: 'systemagare', personId: 'p-owner', systemId: ids.procapita });
    await assignRole(db, { roleKey: 'systemforvaltare', personId: 'p-owner', systemId: ids.procapita });
    await assignRole(db, { roleKey: 'driftansvarig', personId: 'p-ops', unitId: 'kommun' });
    await assignRole(db, { roleKey: 'digitaliseringsstrateg', personId: 'p-digi', unitId: 'kommun' });
    utbUser = await addUser(h, admin, 'utb@kommun.test', 'user');
    await grantOnUnit(db, 'utb@kommun.test', 'user', 'utb');
  }, 120_000);
  afterAll(async () => h?.close());

  const matrix = async (agent: Agent, qs = '') => expectBody(await agent.get(`/api/systems/responsibilities?${qs}`), 200, matrixSchema);
  const names = async (agent: Agent, qs = '') => (await matrix(agent, qs)).items.map((i) => i.system.name);

  it('says per cell whether someone is responsible, the role is vacant or nobody is found, and counts the gaps', async () => {
    const body = await matrix(admin);
    expect(body.pack.title.sv).toBeTruthy();
    // Areas whose rules are all at kommun level (distansarbete, …) are no column.
    expect(body.areas.map((a) => a.key)).toEqual(SYSTEM_AREAS);
    expect(body.availableAreas.map((a) => a.key)).toEqual(SYSTEM_AREAS);
    expect(body.areas[0]!.text.sv).toMatch(/kommunstyrelsen/);
    expect(body.total).toBe(3);
    const [karta, procapita, skola] = body.items;
    expect([karta, procapita, skola].map((i) => i!.system.name)).toEqual(['Kartan', 'Procapita', 'Skolplattformen']);
    expect(procapita!.cells.map((c) => c.status)).toEqual(SYSTEM_AREAS.map(() => 'held'));
    expect(procapita!.gaps).toBe(0);
    // Grouping: the owning unit's förvaltning.
    expect(procapita!.system.forvaltning).toEqual({ id: 'soc', name: 'Socialförvaltningen' });
    expect(karta!.system.forvaltning).toEqual({ id: 'utb', name: 'Utbildningsförvaltningen' });
    const cell = (item: typeof skola, area: string) => item!.cells.find((c) => c.area === area)!;
    expect(cell(skola, 'avveckling_av_datamedia').status).toBe('vacant'); // nobody is systemägare
    expect(cell(skola, 'avveckling_av_datamedia').responsibilities[0]!.parties).toEqual([]);
    expect(cell(skola, 'systemforteckning').status).toBe('held'); // the owning förvaltning
    // The policy gives IT backup only of systems kept locally: for a SaaS system no rule fits (the engine's finding too).
    expect(cell(skola, 'sakerhetskopiering_och_lagring').status).toBe('missing');
    expect(cell(skola, 'sakerhetskopiering_och_lagring').responsibilities).toEqual([]);
    expect(cell(karta, 'sakerhetskopiering_och_lagring').status).toBe('held');
    expect(skola!.gaps).toBe(skola!.cells.filter((c) => c.status === 'vacant' || c.status === 'missing').length);
    expect(skola!.gaps).toBeGreaterThan(0);
  });

  it('shows a unit the policy needs and the kommun lacks as missing, and an area without rules per system as not applicable', async () => {
    await h.handle.db.updateTable('org_units').set({ status: 'inactive' }).where('id', '=', 'kansli').execute();
    try {
      const body = await matrix(admin, 'area=overgripande_ansvar,distansarbete');
      expect(body.areas.map((a) => a.key)).toEqual(['overgripande_ansvar', 'distansarbete']);
      // Outside the network the kansli advises: without one, nobody is found for that part of the area.
      const skola = body.items.find((i) => i.system.name === 'Skolplattformen')!;
      expect(skola.cells.map((c) => c.status)).toEqual(['missing', 'not_applicable']);
      expect(skola.gaps).toBe(1);
      const procapita = body.items.find((i) => i.system.name === 'Procapita')!;
      expect(procapita.cells.map((c) => c.status)).toEqual(['held', 'not_applicable']);
    } finally {
      await h.handle.db.updateTable('org_units').set({ status: 'active' }).where('id', '=', 'kansli').execute();
    }
  });

  it('keeps only systems with gaps (or without), among the columns shown, page by page', async () => {
    expect(await names(admin, 'gaps=true')).toEqual(['Kartan', 'Skolplattformen']);
    expect(await names(admin, 'gaps=false')).toEqual(['Procapita']);
    expect((await matrix(admin, 'gaps=true')).total).toBeNull();
    // The owning förvaltning is always found: no system has a gap in the register column.
    expect(await names(admin, 'gaps=true&area=systemforteckning')).toEqual([]);
    expect(await names(admin, 'gaps=true&area=avveckling_av_datamedia&sort=name&dir=desc')).toEqual(['Skolplattformen', 'Kartan']);
    const first = await matrix(admin, 'gaps=true&limit=1');
    expect(first.items.map((i) => i.system.name)).toEqual(['Kartan']);
    expect(first.nextCursor).not.toBeNull();
    const second = await matrix(admin, `gaps=true&limit=1&cursor=${encodeURIComponent(first.nextCursor!)}`);
    expect(second.items.map((i) => i.system.name)).toEqual(['Skolplattformen']);
    expect(second.nextCursor).toBeNull();
    // The other filters still apply, and the total counts them (first page only).
    expect(await names(admin, 'unitId=utb&gaps=true')).toEqual(['Kartan', 'Skolplattformen']);
    expect((await matrix(admin, 'unitId=soc')).total).toBe(1);
    expect((await matrix(admin, 'q=karta')).items.map((i) => i.system.name)).toEqual(['Kartan']);
    const paged = await matrix(admin, 'limit=2');
    expect(paged.total).toBe(3);
    expect((await matrix(admin, `limit=2&cursor=${encodeURIComponent(paged.nextCursor!)}`)).total).toBeNull();
  });

  it('refuses an unknown area or a gaps value other than true/false, naming the field in Swedish and English', async () => {
    const unknown = await admin.get('/api/systems/responsibilities?area=systemforteckning,hemligt_omrade');
    expect(unknown.statusCode).toBe(400);
    expect(errorOf(unknown).fields?.area).toBe('Policyn har inget sådant område: hemligt_omrade.');
    const unknownEn = await admin.get('/api/systems/responsibilities?area=hemligt_omrade', { headers: EN });
    expect(errorOf(unknownEn).fields?.area).toBe('The policy has no such area: hemligt_omrade.');
    const malformed = await admin.get(`/api/systems/responsibilities?area=${encodeURIComponent('Drift och förvaltning')}`);
    expect(malformed.statusCode).toBe(400);
    expect(Object.keys(errorOf(malformed).fields ?? {})).toEqual(['area']);
    const gaps = await admin.get('/api/systems/responsibilities?gaps=yes', { headers: EN });
    expect(gaps.statusCode).toBe(400);
    expect(errorOf(gaps).fields?.gaps).toBe('Choose one of the allowed values.');
  });

  it('shows a caller of another förvaltning only the systems they may see, and names no one of the others', async () => {
    const body = await matrix(utbUser, 'gaps=true');
    expect(body.items.map((i) => i.system.name)).toEqual(['Kartan', 'Skolplattformen']);
    expect(await names(utbUser, 'gaps=false')).toEqual([]);
    expect(await names(utbUser, 'unitId=soc')).toEqual([]);
    expect((await matrix(utbUser)).total).toBe(2);
    expect((await matrix(utbUser, 'unitId=soc')).total).toBe(0);
    // Procapita's systemägare holds roles only on a system of Socialförvaltningen.
    expect(JSON.stringify(await matrix(utbUser))).not.toContain('Olga');
  });
});
