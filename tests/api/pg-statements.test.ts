import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeStale } from '../../server/platform/db/index.ts';
import { createHarness, dialects, setupAdmin, type Harness } from './harness.ts';

// PostgreSQL only: named statements (platform/db/pg-prepared.ts) and the statistics kept without autovacuum.
describe.each(dialects().filter((d) => d === 'postgres'))('PostgreSQL statements and statistics (%s)', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(dialect);
  });
  afterAll(async () => {
    await h.close();
  });

  it('runs a statement that comes again as a named one, and answers the same', async () => {
    const { db } = h.handle;
    const run = (n: number) => sql<{ v: number }>`select ${n}::int + 1 as v, 'pg-prepared-probe' as probe`.execute(db);
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push((await run(i)).rows[0]!.v);
    expect(answers).toEqual([1, 2, 3, 4]);
    // The pool hands an idle connection back last in, first out: the probe ran on this one.
    const named = await sql<{ n: number }>`select count(*)::int as n from pg_prepared_statements where statement like '%pg-prepared-probe%' and name like 'ansvar_%'`.execute(db);
    expect(named.rows[0]!.n).toBe(1);
  });

  it('analyses the tables that were never analysed or changed by more than autovacuum’s threshold, and then none', async () => {
    const { db } = h.handle;
    await sql`create table stats_probe (id integer primary key, label text)`.execute(db);
    await analyzeStale(db);
    expect(await analyzeStale(db)).toEqual([]);
    await sql`insert into stats_probe select g, 'rad ' || g from generate_series(1, 2000) g`.execute(db);
    // PostgreSQL publishes a connection's counts within a second of it going idle.
    let stale: string[] = [];
    for (let waited = 0; waited < 5000 && !stale.includes('stats_probe'); waited += 250) {
      await new Promise((r) => setTimeout(r, 250));
      stale = await analyzeStale(db);
    }
    expect(stale).toContain('stats_probe');
    const row = await sql<{ n: string }>`select reltuples::bigint as n from pg_class where relname = 'stats_probe' and relnamespace = current_schema()::regnamespace`.execute(db);
    expect(Number(row.rows[0]!.n)).toBe(2000);
    expect(await analyzeStale(db)).toEqual([]);
  });
});

// On both databases: the statements a request repeats (named on PostgreSQL, on the idle writer on SQLite) keep answering.
describe.each(dialects())('repeated statements of a signed-in request (%s)', (dialect) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(dialect);
  });
  afterAll(async () => {
    await h.close();
  });

  it('the session lookup answers again and again, and a signed-out session is refused at once', async () => {
    const admin = await setupAdmin(h);
    for (let i = 0; i < 8; i++) expect((await admin.get('/api/me')).statusCode).toBe(200);
    expect((await admin.post('/api/auth/logout', {})).statusCode).toBeLessThan(300);
    expect((await admin.get('/api/me')).statusCode).toBe(401);
  });
});
