import { afterEach, describe, expect, it, vi } from 'vitest';
import { isOverdue, todayIso } from './systemLabels.ts';

describe('todayIso', () => {
  afterEach(() => vi.useRealTimers());

  it('is the Swedish day, the server’s, whatever the browser’s clock zone', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-12-03T23:30:00Z')); // 00:30 on 4 December in Stockholm
    expect(todayIso()).toBe('2026-12-04');
    expect(isOverdue('2026-12-03')).toBe(true);
    vi.setSystemTime(new Date('2026-06-30T21:59:00Z')); // 23:59 on 30 June (summer time)
    expect(todayIso()).toBe('2026-06-30');
  });
});
