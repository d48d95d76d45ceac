import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.ts';
import pg from 'pg';
import { servicesOf } from '../../server/platform/context.ts';
import { createDb } from '../../server/platform/db/index.ts';
import { migrateToLatest } from '../../server/platform/db/migrate.ts';
import { JobRunner, jobsByState, scheduleJob } from '../../server/platform/jobs.ts';
import { createSystem, insertSystemsKommun } from '../fixtures/systems.ts';
import { Agent, createHarness, dialects, secondInstance, setupAdmin, type Harness, type SecondInstance } from './harness.ts';

const DAY = 24 * 60 * 60 * 1000;

/**
 * Two instances of Ansvar on one database, as behind a load balancer: each keeps the findings true after
 * its own writes and on a new day. Their refreshes meet (both open the findings of a new system at once);
 * reads on either must never fail because of that, and no finding may be open twice.
 */
describe.each(dialects())('two instances on one database (%s)', (dialect) => {
  let h: Harness;
  let second: SecondInstance;
  let adminA: Agent;
  let adminB: Agent;

  beforeEach(async () => {
    h = await createHarness(dialect);
    adminA = await setupAdmin(h);
    await insertSystemsKommun(h.handle.db);
    second = await secondInstance(h);
    // The same signed-in browser, its requests spread over both instances (sessions live in the database).
    adminB = new Agent(second.app);
    adminB.cookies = adminA.cookies;
    adminB.csrf = await adminA.refreshCsrf();
  });
  afterEach(async () => {
    await second.close();
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

/**
 * Background work with two instances (docs/FOLLOW-UP.md): a job runs once across both, and the job of an instance
 * that died is finished by the other once its lease has run out.
 */
describe.each(dialects())('jobs on two instances (%s)', (dialect) => {
  let h: Harness;
  let runs: string[];
  let runners: JobRunner[];
  let stuck: () => void;

  beforeEach(async () => {
    h = await createHarness(dialect);
    runs = [];
    const handles = [h.handle, createDb({ dataDir: h.config.dataDir, databaseUrl: dialect === 'postgres' ? process.env.ANSVAR_TEST_PG_URL : undefined, ...(h.schema ? { schema: h.schema } : {}) })];
    let release: () => void = () => undefined;
    stuck = () => release();
    runners = handles.map(
      (handle, i) =>
        new JobRunner(servicesOf(handle, h.config, h.clock.now), `instance-${i}`, {
          'test.count': { handler: async (_s, payload) => void runs.push(`${i}:${String(payload)}`) },
          'test.hourly': { everyMs: 60 * 60 * 1000, handler: async () => void runs.push(`${i}:hourly`) },
          // A worker that hangs until released: as good as killed while it holds the job.
          'test.hang': { leaseMs: 60_000, handler: () => new Promise<void>((resolve) => (release = resolve)) },
        }, () => undefined),
    );
    closers = [() => handles[1]!.destroy()];
  });
  let closers: Array<() => Promise<void>> = [];
  afterEach(async () => {
    stuck();
    for (const r of runners) await r.stop();
    for (const c of closers) await c();
    await h.close();
  });

  it('runs each due job exactly once across both, and this hour’s recurring job once', async () => {
    const db = h.handle.db;
    for (let i = 0; i < 40; i++) await scheduleJob(db, h.clock.now(), { kind: 'test.count', key: `count-${i}`, runAt: h.clock.now(), payload: i });
    // Scheduling the same key again makes no second job.
    expect(await scheduleJob(db, h.clock.now(), { kind: 'test.count', key: 'count-0', runAt: h.clock.now(), payload: 0 })).toBe(false);
    await Promise.all([runners[0]!.runDue(), runners[1]!.runDue(), runners[0]!.runDue(), runners[1]!.runDue()]);
    const counted = runs.filter((r) => !r.endsWith('hourly')).map((r) => Number(r.split(':')[1])).sort((a, b) => a - b);
    expect(counted).toEqual([...Array(40).keys()]);
    expect(runs.filter((r) => r.endsWith('hourly'))).toHaveLength(1);
    // Within the same hour nothing runs again; the next hour's job runs once.
    await Promise.all([runners[0]!.runDue(), runners[1]!.runDue()]);
    expect(runs).toHaveLength(41);
    h.clock.advance(60 * 60 * 1000);
    await Promise.all([runners[0]!.runDue(), runners[1]!.runDue()]);
    expect(runs.filter((r) => r.endsWith('hourly'))).toHaveLength(2);
    expect((await jobsByState(db, 'done')).length).toBe(42);
  });

  it('finishes the job of an instance that died once its lease has run out', async () => {
    const db = h.handle.db;
    await scheduleJob(db, h.clock.now(), { kind: 'test.hang', key: 'hang', runAt: h.clock.now() });
    // Instance 0 takes the job and dies with it.
    const job = await runners[0]!.claim();
    expect(job).toMatchObject({ kind: 'test.hang', state: 'running', locked_by: 'instance-0' });
    // While its lease holds, the other instance leaves it alone.
    await runners[1]!.runDue();
    expect((await jobsByState(db, 'running')).map((j) => j.key)).toEqual(['hang']);
    h.clock.advance(61_000);
    const taken = runners[1]!.runDue();
    await new Promise((r) => setTimeout(r, 50));
    expect((await jobsByState(db, 'running'))[0]).toMatchObject({ key: 'hang', locked_by: 'instance-1', attempts: 2 });
    stuck();
    await taken;
    expect((await jobsByState(db, 'done')).map((j) => j.key)).toContain('hang');
  });

  it('retries a failing job with a pause and marks it failed with its reason in the end', async () => {
    const db = h.handle.db;
    const failing = new JobRunner(h.services, 'instance-f', { 'test.fail': { maxAttempts: 2, handler: async () => Promise.reject(new Error('SMTP nere')) } }, () => undefined);
    await scheduleJob(db, h.clock.now(), { kind: 'test.fail', key: 'fail', runAt: h.clock.now() });
    await failing.runDue();
    expect((await jobsByState(db, 'queued'))[0]).toMatchObject({ key: 'fail', attempts: 1, last_error: 'SMTP nere' });
    await failing.runDue();
    expect(await jobsByState(db, 'failed')).toEqual([]);
    h.clock.advance(31_000);
    await failing.runDue();
    expect((await jobsByState(db, 'failed'))[0]).toMatchObject({ key: 'fail', attempts: 2, last_error: 'SMTP nere' });
  });
});

/** PostgreSQL: several instances follow each other's changes through the change feed, and migrate safely together. */
describe.each(dialects().filter((d) => d === 'postgres'))('the change feed between instances (%s)', (dialect) => {
  it('a change through instance A reaches B’s findings even when A stops before it refreshes', async () => {
    const h = await createHarness(dialect);
    const adminA = await setupAdmin(h);
    await insertSystemsKommun(h.handle.db);
    const handle = createDb({ dataDir: h.config.dataDir, databaseUrl: process.env.ANSVAR_TEST_PG_URL, schema: h.schema! });
    const b = await buildApp({ config: h.config, db: handle, now: h.clock.now, logger: false, webDir: join(h.config.dataDir, 'no-web') });
    try {
      await b.background.feed.poll();
      const adminB = new Agent(b);
      adminB.cookies = adminA.cookies;
      adminB.csrf = await adminA.refreshCsrf();
      const sys = await createSystem(adminA, { name: 'Procapita', owningUnitId: 'soc' });
      // A stops at once: its own refresh (50 ms after the write) never runs.
      await h.app.close();
      const before = await h.handle.db.selectFrom('findings').select('id').where('system_id', '=', sys.id).execute();
      expect(before).toEqual([]);
      expect(await b.background.feed.poll()).toBeGreaterThan(0);
      const seen = (await adminB.get(`/api/findings?systemId=${sys.id}`)).json<{ items: unknown[] }>().items;
      expect(seen.length).toBeGreaterThan(0);
      // B's own writes are not read back as another instance's.
      expect(await b.background.feed.poll()).toBe(0);
    } finally {
      await b.close();
      await handle.destroy();
      await h.close();
    }
  });

  it('two instances starting at once on an empty database migrate it once', async () => {
    const schema = `t_mig_${Date.now().toString(36)}`;
    const client = new pg.Client({ connectionString: process.env.ANSVAR_TEST_PG_URL });
    await client.connect();
    await client.query(`create schema ${schema}`);
    const handles = [0, 1].map(() => createDb({ dataDir: '/tmp', databaseUrl: process.env.ANSVAR_TEST_PG_URL, schema }));
    try {
      const reports = await Promise.all(handles.map((x) => migrateToLatest(x.db, { schema })));
      const applied = reports.flatMap((r) => r.applied);
      expect(new Set(applied).size).toBe(applied.length);
      const rows = await client.query(`select count(*)::int as n from ${schema}.ansvar_migrations`);
      expect(rows.rows[0].n).toBe(applied.length);
    } finally {
      for (const x of handles) await x.destroy();
      await client.query(`drop schema ${schema} cascade`);
      await client.end();
    }
  });
});
