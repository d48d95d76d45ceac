import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maintainStale } from '../../server/platform/db/index.ts';
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

  it('analyses the tables never analysed or changed past autovacuum’s threshold, vacuums those past its vacuum threshold, and then none', async () => {
    const { db } = h.handle;
    await sql`create table stats_probe (id integer primary key, label text)`.execute(db);
    await maintainStale(db);
    expect(await maintainStale(db)).toEqual({ vacuumed: [], analyzed: [] });
    await sql`insert into stats_probe select g, 'rad ' || g from generate_series(1, 2000) g`.execute(db);
    // PostgreSQL publishes a connection's counts within a second of it going idle.
    let done = { vacuumed: [] as string[], analyzed: [] as string[] };
    for (let waited = 0; waited < 5000 && !done.vacuumed.includes('stats_probe'); waited += 250) {
      await new Promise((r) => setTimeout(r, 250));
      done = await maintainStale(db);
    }
    // 2,000 inserts pass the vacuum threshold (1,000 + 20 %): vacuumed, which analyses too.
    expect(done.vacuumed).toContain('stats_probe');
    const row = await sql<{ n: string; visible: number }>`select reltuples::bigint as n, relallvisible as visible from pg_class
      where relname = 'stats_probe' and relnamespace = current_schema()::regnamespace`.execute(db);
    expect(Number(row.rows[0]!.n)).toBe(2000);
    // The visibility map is set: a count can read the primary key's index alone.
    expect(row.rows[0]!.visible).toBeGreaterThan(0);
    expect(await maintainStale(db)).toEqual({ vacuumed: [], analyzed: [] });

    // Updates past 50 + 10 % of the rows want an analysis; before a vacuum's threshold, only that.
    await sql`update stats_probe set label = label || '!' where id <= 300`.execute(db);
    done = { vacuumed: [], analyzed: [] };
    for (let waited = 0; waited < 5000 && !done.analyzed.includes('stats_probe') && !done.vacuumed.includes('stats_probe'); waited += 250) {
      await new Promise((r) => setTimeout(r, 250));
      done = await maintainStale(db, { vacuum: false });
    }
    expect(done.analyzed).toContain('stats_probe');
    expect(done.vacuumed).not.toContain('stats_probe');
  });

  it('the register search of three characters or more can use the trigram index (pg_trgm is available here)', async () => {
    const { db } = h.handle;
    const available = await sql<{ n: number }>`select count(*)::int as n from pg_available_extensions where name = 'pg_trgm'`.execute(db);
    // CI's PostgreSQL ships pg_trgm: where it does, the migration must have made the index.
    expect(available.rows[0]!.n).toBe(1);
    const index = await sql<{ n: number }>`select count(*)::int as n from pg_indexes where schemaname = current_schema() and indexname = 'systems_search_trgm_idx'`.execute(db);
    expect(index.rows[0]!.n).toBe(1);
    // With a scan ruled out, the plan of the list's search condition reads that index (an empty table would be scanned).
    const plan = await db.transaction().execute(async (trx) => {
      await sql`set local enable_seqscan = off`.execute(trx);
      const rows = await sql<{ 'QUERY PLAN': string }>`explain select id from systems s where s.search_text like ${'%fardtj%'} escape '\\'`.execute(trx);
      return rows.rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    expect(plan).toContain('systems_search_trgm_idx');
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
