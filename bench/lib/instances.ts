/**
 * The two-instance mode (`BENCH_INSTANCES=2`, PostgreSQL only): after the seed, a second Ansvar process on the
 * same database and the same DATA_DIR, and the loopback balancer (bench/balancer.ts) in front of both. Every read
 * scenario then runs twice in a row: on the first instance alone, and through the balancer on both; the second
 * run's baseline is the first, so its ratio is "two instances ÷ one".
 */
import type { BenchDatabaseKind } from './database.ts';
import type { Scenario } from './types.ts';

export const TWO_INSTANCES_SUFFIX = ' · two instances';

/** BENCH_INSTANCES: 1 (default) or 2; two need PostgreSQL (SQLite is one process's file). */
export function instanceCount(database: BenchDatabaseKind, env: NodeJS.ProcessEnv = process.env): 1 | 2 {
  const raw = env.BENCH_INSTANCES;
  if (raw === undefined || raw === '' || raw === '1') return 1;
  if (raw !== '2') throw new Error(`BENCH_INSTANCES must be 1 or 2, got "${raw}"`);
  if (database !== 'postgres') throw new Error('BENCH_INSTANCES=2 needs BENCH_DB=postgres: two instances share one PostgreSQL database');
  return 2;
}

/** A scenario that only reads, on Ansvar, with nothing running beside it: it can be repeated on two instances. */
const isRead = (s: Scenario): boolean => s.target === 'ansvar' && (s.method ?? 'GET') === 'GET' && !s.during && !s.bodies;

/** The scenarios in running order, each read followed by its run through the balancer when there are two instances. */
export function withTwoInstanceRuns(scenarios: Scenario[], instances: 1 | 2): Scenario[] {
  if (instances === 1) return scenarios;
  return scenarios.flatMap((s) =>
    isRead(s)
      ? [
          s,
          {
            ...s,
            name: s.name + TWO_INSTANCES_SUFFIX,
            target: 'pair' as const,
            baseline: s.name,
            targetRatio: undefined,
            targetP99Ms: undefined,
          },
        ]
      : [s],
  );
}
