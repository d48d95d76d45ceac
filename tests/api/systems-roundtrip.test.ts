import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importApi, insertImportPeople } from '../fixtures/system-workbooks.ts';
import { insertSystemsKommun } from '../fixtures/systems.ts';
import { type Agent, createHarness, dialects, setupAdmin, type Harness } from './harness.ts';

/** "Exporting and re-importing changes nothing": the export's CSV and XLSX read back as unchanged rows. */
describe.each(dialects())('export → import round trip (%s)', (dialect) => {
  let h: Harness;
  let admin: Agent;
  beforeEach(async () => {
    h = await createHarness(dialect);
    admin = await setupAdmin(h);
    await insertSystemsKommun(h.handle.db);
    await insertImportPeople(h.handle.db);
    const systems = [
      { name: 'Procapita', owningUnitId: 'soc', usingUnitIds: ['utb'], hosting: 'internal_it', authMethod: 'sso', personalData: 'sensitive', criticality: 'high', samhallsviktig: true, aliases: ['VoO', 'Lifecare'], userCount: 450 },
      { name: 'Skolplattformen', owningUnitId: 'utb', hosting: 'saas', authMethod: 'eid', personalData: 'none', dataLocation: 'eu_eea', kind: 'e_service', description: '=SUMMA(1;2) och +46 tal' },
      { name: 'Kartan', owningUnitId: 'soc', hosting: 'cloud_tenant', authMethod: 'local_accounts', personalData: 'personal', kommungemensamt: true, note: '-minus först', purpose: '@nämnd' },
      { name: 'Larmet', owningUnitId: 'soc', hosting: 'internal_supplier', authMethod: 'directory', dataLocation: 'third_country', thirdCountryTransfer: true, thirdCountryBasis: 'SCC' },
      { name: 'Statens tjänst', owningUnitId: 'utb', hosting: 'public_body', authMethod: 'none', criticality: 'low' },
      { name: 'Hos leverantören', owningUnitId: 'utb', hosting: 'supplier_hosted', authMethod: 'other', kind: 'integration' },
    ];
    for (const s of systems) {
      const res = await admin.post('/api/systems', { kind: 'business', ...s });
      if (res.statusCode !== 201) throw new Error(res.body);
      const id = res.json().id as string;
      for (const [roleKey, personId] of [['systemagare', 'p-anna'], ['systemforvaltare', 'p-cecilia']]) {
        const r = await admin.post('/api/role-assignments', { roleKey, subjectKind: 'system', subjectId: id, personId });
        if (r.statusCode !== 201) throw new Error(r.body);
      }
    }
  });
  afterEach(async () => h.close());

  for (const [format, locale] of [['csv', 'sv'], ['csv', 'en'], ['xlsx', 'sv']] as const) {
    it(`a ${format} export in ${locale} imports as unchanged`, async () => {
      const exported = await admin.get(`/api/systems/export.${format}`, { headers: { 'accept-language': locale } });
      expect(exported.statusCode).toBe(200);
      const file = exported.rawPayload;
      const res = await importApi(admin).upload(file, {}, { 'accept-language': locale }, `export.${format}`);
      expect(res.statusCode, res.body).toBe(200);
      const dry = res.json();
      const notUnchanged = dry.rows.filter((r: { action: string }) => r.action !== 'unchanged');
      expect(notUnchanged).toEqual([]);
      expect(dry.counts).toMatchObject({ create: 0, update: 0, error: 0, unchanged: 6 });
    });
  }
});
