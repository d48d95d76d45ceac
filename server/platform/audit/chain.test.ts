import { describe, expect, it } from 'vitest';
import { ChainVerifier, GENESIS_HASH, eventHash, type ChainedEvent } from './chain.ts';

function chain(n: number): Array<ChainedEvent & { hash: string }> {
  const out: Array<ChainedEvent & { hash: string }> = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const e: ChainedEvent = {
      id: `e${i}`, seq: i, at: `2026-01-0${i}T00:00:00.000Z`, actor_id: 'u1', origin: 'ui', request_id: `r${i}`,
      entity_type: 'user', entity_id: 'u1', action: 'update', before_json: null, after_json: `{"n":${i}}`, message: null, prev_hash: prev,
    };
    const hash = eventHash(e);
    out.push({ ...e, hash });
    prev = hash;
  }
  return out;
}

const verify = (events: Array<ChainedEvent & { hash: string }>) => {
  const v = new ChainVerifier();
  for (const e of events) {
    const broken = v.check(e);
    if (broken) return broken;
  }
  return null;
};

describe('audit hash chain', () => {
  it('accepts an intact chain', () => expect(verify(chain(5))).toBeNull());

  it.each([
    ['an altered field', (c: ReturnType<typeof chain>) => (c[2]!.after_json = '{"n":99}'), { seq: 3, reason: 'hash_mismatch' }],
    ['an altered actor', (c: ReturnType<typeof chain>) => (c[0]!.actor_id = 'mallory'), { seq: 1, reason: 'hash_mismatch' }],
    ['a removed event', (c: ReturnType<typeof chain>) => c.splice(1, 1), { seq: 3, reason: 'sequence_gap' }],
    ['a recomputed hash that breaks the link', (c: ReturnType<typeof chain>) => {
      c[1]!.message = 'forged';
      c[1]!.hash = eventHash(c[1]!);
    }, { seq: 3, reason: 'prev_hash_mismatch' }],
  ])('detects %s', (_name, tamper, expected) => {
    const c = chain(5);
    tamper(c);
    expect(verify(c)).toMatchObject(expected);
  });

  it('hashes every covered field', () => {
    const [e] = chain(1);
    for (const key of Object.keys(e!) as Array<keyof ChainedEvent>) {
      if (key === ('hash' as string)) continue;
      const changed = { ...e!, [key]: key === 'seq' ? 9 : 'x' };
      expect(eventHash(changed), key).not.toBe(e!.hash);
    }
  });
});
