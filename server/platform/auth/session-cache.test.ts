import { describe, expect, it } from 'vitest';
import { SESSION_CACHE_TTL_MS, SessionCache, type CachedSession } from './session-cache.ts';

const session = (sessionId: string, userId: string): CachedSession => ({
  session: { sessionId, csrfToken: 'c', userId, email: `${userId}@kommun.test`, name: userId, locale: null },
  grants: [],
  lastSeenMs: 0,
  expiresMs: 1e15,
});

const ready = () => {
  const cache = new SessionCache();
  cache.enable();
  return cache;
};

describe('the sessions kept between requests', () => {
  it('keeps nothing and serves nothing until it is told it can hear changes, and forgets all when it cannot', () => {
    const cache = new SessionCache();
    cache.put('s1', session('s1', 'u1'), cache.mark(), 0);
    expect(cache.get('s1', 0)).toBeUndefined();
    cache.enable();
    cache.put('s1', session('s1', 'u1'), cache.mark(), 0);
    expect(cache.get('s1', 1)?.session.userId).toBe('u1');
    cache.disable();
    expect(cache.get('s1', 1)).toBeUndefined();
    cache.enable();
    expect(cache.get('s1', 1)).toBeUndefined();
  });

  it('drops every session of a user who changed, and only theirs', () => {
    const cache = ready();
    cache.put('a1', session('a1', 'anna'), cache.mark(), 0);
    cache.put('a2', session('a2', 'anna'), cache.mark(), 0);
    cache.put('b1', session('b1', 'bo'), cache.mark(), 0);
    cache.dropUser('anna');
    expect(cache.get('a1', 1)).toBeUndefined();
    expect(cache.get('a2', 1)).toBeUndefined();
    expect(cache.get('b1', 1)?.session.userId).toBe('bo');
    expect(cache.size).toBe(1);
  });

  it('does not store what a lookup read before a change it raced', () => {
    const cache = ready();
    const mark = cache.mark();
    cache.dropUser('anna'); // the notice arrives while the lookup is on its way
    cache.put('a1', session('a1', 'anna'), mark, 0);
    expect(cache.get('a1', 1)).toBeUndefined();
    cache.put('a1', session('a1', 'anna'), cache.mark(), 0);
    expect(cache.get('a1', 1)).toBeDefined();
  });

  it('stores a lookup that only another user’s change overtook, but none that a clear overtook', () => {
    const cache = ready();
    let mark = cache.mark();
    cache.dropUser('bo');
    cache.put('a1', session('a1', 'anna'), mark, 0);
    expect(cache.get('a1', 1)).toBeDefined();
    mark = cache.mark();
    cache.clear();
    cache.put('a2', session('a2', 'anna'), mark, 0);
    expect(cache.get('a2', 1)).toBeUndefined();
  });

  it('reads a session again after its time, or when the clock went back', () => {
    const cache = ready();
    cache.put('a1', session('a1', 'anna'), cache.mark(), 1_000);
    expect(cache.get('a1', 1_000 + SESSION_CACHE_TTL_MS - 1)).toBeDefined();
    expect(cache.get('a1', 1_000 + SESSION_CACHE_TTL_MS)).toBeUndefined();
    cache.put('a1', session('a1', 'anna'), cache.mark(), 1_000);
    expect(cache.get('a1', 999)).toBeUndefined();
  });

  it('holds a bounded number, the oldest going first', () => {
    const cache = ready();
    for (let i = 0; i <= 10_000; i++) cache.put(`s${i}`, session(`s${i}`, `u${i}`), cache.mark(), 0);
    expect(cache.size).toBe(10_000);
    expect(cache.get('s0', 1)).toBeUndefined();
    expect(cache.get('s10000', 1)).toBeDefined();
  });
});
