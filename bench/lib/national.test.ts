import { describe, expect, it } from 'vitest';
import { nationalId, nationalSize } from './national.ts';

describe('the national seed (BENCH_NATIONAL)', () => {
  it('is off unless asked for, and only on PostgreSQL', () => {
    expect(nationalSize({}, 'postgres', 10_000)).toBeNull();
    expect(nationalSize({ BENCH_NATIONAL: '0' }, 'postgres', 10_000)).toBeNull();
    expect(() => nationalSize({ BENCH_NATIONAL: '1' }, 'sqlite', 10_000)).toThrow(/BENCH_DB=postgres/);
    expect(() => nationalSize({ BENCH_NATIONAL: 'yes' }, 'postgres', 10_000)).toThrow(/BENCH_NATIONAL must be 1/);
  });

  it('spreads the systems beyond the seeded kommun over the other kommuner', () => {
    // 290 kommuner, 600,000 systems: the seeded kommun keeps its 10,000, the other 289 get 2,042 each.
    expect(nationalSize({ BENCH_NATIONAL: '1' }, 'postgres', 10_000)).toEqual({ kommuner: 290, systemsPerKommun: 2042 });
    expect(nationalSize({ BENCH_NATIONAL: '1', BENCH_NATIONAL_KOMMUNER: '5', BENCH_NATIONAL_SYSTEMS: '5000' }, 'postgres', 1000)).toEqual({
      kommuner: 5,
      systemsPerKommun: 1000,
    });
    // Never more a kommun than the seeded one has to copy from.
    expect(nationalSize({ BENCH_NATIONAL: '1', BENCH_NATIONAL_KOMMUNER: '2', BENCH_NATIONAL_SYSTEMS: '100000' }, 'postgres', 1000)?.systemsPerKommun).toBe(1000);
    expect(() => nationalSize({ BENCH_NATIONAL: '1', BENCH_NATIONAL_KOMMUNER: '1' }, 'postgres', 1000)).toThrow(/at least 2/);
    expect(() => nationalSize({ BENCH_NATIONAL: '1', BENCH_NATIONAL_SYSTEMS: '1.5' }, 'postgres', 1000)).toThrow(/whole number/);
  });

  it('gives each copy of a row an id of its own, the same every time, that passes as a UUID', () => {
    const id = '0193a0c4-1111-7222-8333-444455556666';
    expect(nationalId(1, id)).toBe(nationalId(1, id));
    expect(nationalId(1, id)).not.toBe(nationalId(2, id));
    expect(nationalId(7, id)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
