import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.ts';
import { createDb, type DbHandle } from '../../server/platform/db/index.ts';
import { createSystem, insertSystemsKommun } from '../fixtures/systems.ts';
import { Agent, createHarness, dialects, setupAdmin, type Harness } from './harness.ts';

const DAY = 24 * 60 * 60 * 1000;

/**
 * Two instances of Ansvar on one database, as behind a load balancer: each keeps the findings true after
 * its own writes and on a new day. Their refreshes meet (both open the findings of a new system at once);
 * reads on either must never fail because of that, and no finding may be open twice.
 */
describe.each(dialects())('two instances on one database (%s)', (dialect) => {
  let h: Harness;
  let second: { app: Awaited<ReturnType<typeof buildApp>>; handle: DbHandle };
  let adminA: Agent;
  let adminB: Agent;

  beforeEach(async () => {
    h = await createHarness(dialect);
    adminA = await setupAdmin(h);
    await insertSystemsKommun(h.handle.db);
    const handle = createDb({
      dataDir: h.config.dataDir,
      databaseUrl: dialect === 'postgres' ? process.env.ANSVAR_TEST_PG_URL : undefined,
      ...(h.schema ? { schema: h.schema } : {}),
    });
    const app = await buildApp({ config: h.config, db: handle, now: h.clock.now, logger: false, validateResponses: true, webDir: join(h.config.dataDir, 'no-web') });
    second = { app, handle };
    // The same signed-in browser, its requests spread over both instances (sessions live in the database).
    adminB = new Agent(app);
    adminB.cookies = adminA.cookies;
    adminB.csrf = await adminA.refreshCsrf();
  });
  afterEach(async () => {
    await second.app.close();
    await second.handle.destroy();
    await h.close();
  });

  const openFindings = async (agent: Agent) => {
    const res = await agent.get('/api/findings?limit=500');
    return { status: res.statusCode, ids: res.statusCode === 200 ? res.json<{ items: Array<{ id: string }> }>().items.map((f) => f.id).sort() : [] };
  };

  it('refreshes meet without a failed read and without a finding opened twice', async () => {
    const statuses: number[] = [];
    for (let round = 0; round < 12; round++) {
      // A new day on both (a day is longer than a session lives: sign in again), then a new system with
      // vacant roles (new findings) through one instance: both refresh everything at once on the next reads.
      h.clock.advance(DAY);
      await adminA.login('admin@kommun.test');
      adminB.csrf = adminA.csrf;
      await createSystem(round % 2 ? adminB : adminA, { name: `System ${round}`, owningUnitId: 'soc' });
      const reads = await Promise.all([openFindings(adminA), openFindings(adminB), openFindings(adminA), openFindings(adminB)]);
      statuses.push(...reads.map((r) => r.status));
    }
    expect(statuses.filter((s) => s !== 200)).toEqual([]);

    const twice = await h.handle.db
      .selectFrom('findings')
      .select(['fingerprint', (eb) => eb.fn.countAll<number>().as('n')])
      .where('status', '=', 'open')
      .groupBy('fingerprint')
      .having((eb) => eb.fn.countAll(), '>', 1)
      .execute();
    expect(twice).toEqual([]);
    // Once both have caught up, both instances show the same open findings.
    const [a, b] = [await openFindings(adminA), await openFindings(adminB)];
    expect(a.ids.length).toBeGreaterThan(0);
    expect(b.ids).toEqual(a.ids);
  });
});
