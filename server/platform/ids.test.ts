import { describe, expect, it } from 'vitest';
import { uuidv7 } from './ids.ts';

const UUID7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('uuidv7', () => {
  it('is a version 7 UUID carrying the time in its first 48 bits', () => {
    const now = Date.UTC(2026, 11, 4, 3, 0, 0);
    const id = uuidv7(now);
    expect(id).toMatch(UUID7);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(now);
  });

  it('never repeats, across many refills of the random pool', () => {
    const now = Date.now();
    const ids = Array.from({ length: 20_000 }, () => uuidv7(now));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids.slice(4090, 4100)) expect(id).toMatch(UUID7);
  });

  it('orders by time', () => {
    expect(uuidv7(1_000) < uuidv7(2_000)).toBe(true);
  });
});
