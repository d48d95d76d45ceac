import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importPreviewSchema, importResultSchema } from '../../server/modules/system-import/schemas.ts';
import { createSystem, errorOf, expectBody, insertSystemsKommun } from '../fixtures/systems.ts';
import { importApi, insertImportPeople, workbook } from '../fixtures/system-workbooks.ts';
import { createHarness, dialects, setupAdmin, type Agent, type Harness } from './harness.ts';

interface Item {
  seq: number;
  entityType: string;
  entityId: string;
  action: string;
  origin: string;
  requestId: string | null;
  objectName: string | null;
  importChanges: number | null;
}

/** The audit trail in words (issue 12, part 5): an import is one entry that opens to its changes; objects by their names. */
describe.each(dialects())('audit trail, grouped and named (%s)', (dialect) => {
  let h: Harness;
  let admin: Agent;
  beforeEach(async () => {
    h = await createHarness(dialect);
    admin = await setupAdmin(h);
    await insertSystemsKommun(h.handle.db);
    await insertImportPeople(h.handle.db);
  });
  afterEach(async () => h.close());

  const trail = async (query: string): Promise<{ items: Item[]; nextCursor: string | null }> => {
    const res = await admin.get(`/api/audit?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('shows an import as one entry with the number of its changes, lists them by request id, and names objects', async () => {
    const before = await createSystem(admin, { name: 'Ekonomisystemet', owningUnitId: 'soc' });
    expect((await admin.request('PATCH', `/api/systems/${before.id}`, { version: before.version, hosting: 'saas' })).statusCode).toBe(200);
    const file = await workbook([
      {
        sheet: 'Blad1',
        rows: [
          ['Systemnamn', 'Förvaltning', 'Systemägare', 'Leverantör', 'Avtalets slutdatum'],
          ['Journalen', 'Socialförvaltningen', 'Anna Berg', 'Omsorgsbolaget AB', '2027-12-31'],
          ['Skolwebben', 'Socialförvaltningen', 'Anna Berg', 'Skolbolaget AB', '2027-06-30'],
        ],
      },
    ]);
    const dry = expectBody(await importApi(admin).upload(file, {}), 200, importPreviewSchema);
    expectBody(await importApi(admin).apply(dry.id), 200, importResultSchema);

    const all = await trail('limit=500');
    const byImport = all.items.filter((e) => e.origin === 'import' && e.entityType !== 'system_import');
    expect(byImport.length).toBeGreaterThan(4); // systems, roles, suppliers, agreements
    const grouped = await trail('grouped=true&limit=500');
    // None of the import's changes; its own entry stands for them, first (it is written last).
    expect(grouped.items.filter((e) => e.origin === 'import' && e.entityType !== 'system_import')).toEqual([]);
    const entry = grouped.items.find((e) => e.entityType === 'system_import' && e.action === 'apply')!;
    expect(entry).toBeDefined();
    expect(entry.importChanges).toBe(byImport.length);
    // The number is written with the import's entry (not counted on every read).
    expect((entry as Item & { after: { changes: number } }).after.changes).toBe(byImport.length);
    expect(grouped.items.length).toBe(all.items.length - byImport.length);
    // Opening the entry: its changes by request id, newest first.
    const opened = await trail(`requestId=${encodeURIComponent(entry.requestId!)}&limit=500`);
    expect(opened.items.filter((e) => e.entityType !== 'system_import').map((e) => e.seq)).toEqual(byImport.map((e) => e.seq));
    // Other entries carry no count; objects are named as they are called today.
    expect(grouped.items.filter((e) => e !== entry).every((e) => e.importChanges === null)).toBe(true);
    const update = grouped.items.find((e) => e.entityType === 'system' && e.action === 'update')!;
    expect(update.objectName).toBe('Ekonomisystemet');
    expect(opened.items.find((e) => e.entityType === 'system' && e.action === 'create' && e.objectName === 'Journalen')).toBeDefined();
    expect(opened.items.find((e) => e.entityType === 'supplier')?.objectName).toMatch(/bolaget AB$/);
    // A role by its name and what it is for.
    expect(opened.items.filter((e) => e.entityType === 'role_assignment').map((e) => e.objectName).sort()).toEqual([
      'Systemägare – Journalen',
      'Systemägare – Skolwebben',
    ]);

    // Paging the grouped trail by keyset gives the same entries.
    const paged: number[] = [];
    let cursor: string | null = null;
    do {
      const page = await trail(`grouped=true&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      paged.push(...page.items.map((e) => e.seq));
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toEqual(grouped.items.map((e) => e.seq));
    // A filter on an object shows its changes, the import's too: grouping does not hide them.
    const journal = opened.items.find((e) => e.objectName === 'Journalen')!;
    expect((await trail(`grouped=true&entityType=system&entityId=${journal.entityId}`)).items.map((e) => e.origin)).toContain('import');
  });

  it('refuses bad input with the field named, and the trail to a caller without audit:read', async () => {
    const bad = await admin.get('/api/audit?grouped=yes');
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(errorOf(bad).fields ?? {})).toEqual(['grouped']);
    const long = await admin.get(`/api/audit?requestId=${'x'.repeat(101)}`);
    expect(long.statusCode).toBe(400);
    expect(Object.keys(errorOf(long).fields ?? {})).toEqual(['requestId']);
  });
});
