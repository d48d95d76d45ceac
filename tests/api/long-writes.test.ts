import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { csv } from '../fixtures/files.ts';
import { insertSystemsKommun } from '../fixtures/systems.ts';
import { importApi } from '../fixtures/system-workbooks.ts';
import { createHarness, dialects, setupAdmin, type Agent, type Harness } from './harness.ts';

const ROWS = 4000;

/**
 * A long write never starves readers: while a register import of thousands of rows applies (one
 * transaction) and the findings refresh after it runs, another user's list request is answered — before
 * the apply has finished, not after it (as it was when the apply held the only connection and the event
 * loop from start to end).
 */
describe.each(dialects())('a long write and a reader (%s)', (dialect) => {
  let h: Harness;
  let admin: Agent;
  beforeEach(async () => {
    h = await createHarness(dialect);
    admin = await setupAdmin(h);
    await insertSystemsKommun(h.handle.db);
  });
  afterEach(async () => h.close());

  it('answers the register list while a large import applies', async () => {
    const api = importApi(admin);
    const rows = Array.from({ length: ROWS }, (_, i) => [`System ${String(i).padStart(5, '0')}`, 'Socialförvaltningen', i % 2 ? 'SaaS' : 'Intern']);
    const preview = await api.upload(csv([['Systemnamn', 'Förvaltning', 'Driftform'], ...rows]), {}, {}, 'register.csv');
    expect(preview.statusCode, preview.body).toBe(200);
    const id = preview.json<{ id: string }>().id;

    const order: string[] = [];
    const applying = api.apply(id).then((res) => {
      order.push('apply done');
      return res;
    });
    // Let the apply start its transaction, then ask for the list as another request would.
    await new Promise((r) => setTimeout(r, 30));
    const started = performance.now();
    const list = await admin.get('/api/systems?limit=50');
    order.push('list answered');
    const listMs = performance.now() - started;
    const applied = await applying;

    expect(applied.statusCode, applied.body).toBe(200);
    expect(list.statusCode).toBe(200);
    expect(order).toEqual(['list answered', 'apply done']);
    expect(listMs).toBeLessThan(1000);
    // The list read committed data: either none of the import or all of it, never half.
    expect([0, 50]).toContain(list.json<{ items: unknown[] }>().items.length);
  });
});
