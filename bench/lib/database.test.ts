import { describe, expect, it } from 'vitest';
import { DEFAULT_PG_URL, benchDatabase, databaseUrl } from './database.ts';

describe('the bench database setting', () => {
  it('runs on SQLite unless BENCH_DB says postgres, on the machine’s server unless BENCH_PG_URL names another', () => {
    expect(benchDatabase({})).toEqual({ kind: 'sqlite', adminUrl: null });
    expect(benchDatabase({ BENCH_DB: '' })).toEqual({ kind: 'sqlite', adminUrl: null });
    expect(benchDatabase({ BENCH_DB: 'postgres' })).toEqual({ kind: 'postgres', adminUrl: DEFAULT_PG_URL });
    expect(benchDatabase({ BENCH_DB: 'postgres', BENCH_PG_URL: 'postgres://u@db.example:6543/admin' }).adminUrl).toBe('postgres://u@db.example:6543/admin');
  });

  it('refuses what it cannot run on', () => {
    expect(() => benchDatabase({ BENCH_DB: 'mysql' })).toThrow(/sqlite or postgres/);
    expect(() => benchDatabase({ BENCH_DB: 'postgres', BENCH_PG_URL: 'not a url' })).toThrow(/not a URL/);
  });

  it('names the run’s database on the same server, keeping user and options', () => {
    expect(databaseUrl('postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable', 'ansvar_bench_1_ab')).toBe(
      'postgres://postgres@127.0.0.1:5432/ansvar_bench_1_ab?sslmode=disable',
    );
  });
});
