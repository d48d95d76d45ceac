import { describe, expect, it } from 'vitest';
import { dayBoundary, isDay } from './audit.ts';

describe('audit filter days', () => {
  it('turns a local day into its first and last instant', () => {
    const start = new Date(dayBoundary('2025-03-01', false) as string);
    const end = new Date(dayBoundary('2025-03-01', true) as string);
    expect([start.getFullYear(), start.getMonth(), start.getDate(), start.getHours(), start.getMinutes()]).toEqual([2025, 2, 1, 0, 0]);
    expect([end.getDate(), end.getHours(), end.getMinutes(), end.getSeconds(), end.getMilliseconds()]).toEqual([1, 23, 59, 59, 999]);
  });

  it('accepts only yyyy-mm-dd', () => {
    expect(isDay('2025-03-01')).toBe(true);
    expect(isDay('2025-3-1')).toBe(false);
    expect(dayBoundary('', false)).toBeUndefined();
  });
});
