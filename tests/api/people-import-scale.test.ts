import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csv, form } from '../fixtures/files.ts';
import { insertKommun } from '../fixtures/org.ts';
import { type Agent, createHarness, dialects, setupAdmin, type Harness } from './harness.ts';

/**
 * Issue 9: a dry-run of 20,000 rows where each person's manager is the previous row took 83 s with the
 * server unresponsive, 20,000 rows with one name 17 s. The files are made here. The bound is loose: a
 * linear plan takes about a second on the 2-core machine.
 */
const N = 20_000;
const HEADER = ['Anställningsnummer', 'Namn', 'E-post', 'Enhet', 'Närmaste chef'];

describe.each(dialects())('HR import dry-run of 20,000 rows (%s)', (dialect) => {
  let h: Harness;
  let admin: Agent;
  beforeAll(async () => {
    h = await createHarness(dialect);
    admin = await setupAdmin(h);
    await insertKommun(h.handle.db);
  });
  afterAll(async () => h.close());

  async function dryRun(rows: string[][]) {
    const t0 = performance.now();
    const res = await admin.post('/api/people/import', form(csv([HEADER, ...rows]), { mode: 'full' }));
    const seconds = (performance.now() - t0) / 1000;
    expect(res.statusCode).toBe(200);
    return { preview: res.json(), seconds };
  }

  it('each person managed by the previous row', async () => {
    const { preview, seconds } = await dryRun(Array.from({ length: N }, (_, i) => [`E${i}`, `Person ${i}`, '', 'SOC', i ? `E${i - 1}` : '']));
    expect(preview.counts).toEqual({ create: N, update: 0, unchanged: 0, error: 0, markLeft: 0 });
    expect(seconds).toBeLessThan(10);
  });

  it('every row with the same name', async () => {
    const { preview, seconds } = await dryRun(Array.from({ length: N }, (_, i) => [`E${i}`, 'Anna Andersson', '', 'Socialförvaltningen', i ? 'E0' : '']));
    expect(preview.counts).toEqual({ create: N, update: 0, unchanged: 0, error: 0, markLeft: 0 });
    expect(seconds).toBeLessThan(10);
  });
});
