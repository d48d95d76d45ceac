import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from './index.ts';
import { runReused } from './reused.ts';

describe('runReused', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ansvar-reused-'));
  const handle = createDb({ dataDir: dir });
  afterAll(async () => {
    await handle.destroy();
    rmSync(dir, { recursive: true, force: true });
  });
  const db = handle.db;
  let built = 0;
  const query = (slot: { text(n: string): string; int(n: string): number }) => {
    built += 1;
    return db
      .selectNoFrom([sql<string>`${slot.text('a')}`.as('a'), sql<string>`${'constant'}`.as('c'), sql<number>`${slot.int('n')} + 1`.as('n'), sql<string>`${slot.text('b')}`.as('b')]);
  };

  it('builds a shape once and runs it with each call’s values, keeping the shape’s constants', async () => {
    expect(await runReused(db, 'test:one', query, { a: 'x', b: 'y', n: 1 })).toEqual([{ a: 'x', c: 'constant', n: 2, b: 'y' }]);
    expect(await runReused(db, 'test:one', query, { a: 'å', b: null, n: 41 })).toEqual([{ a: 'å', c: 'constant', n: 42, b: null }]);
    expect(built).toBe(1);
  });

  it('reuses the shape in a transaction, and refuses a call that lacks a value', async () => {
    await db.transaction().execute(async (trx) => {
      expect(await runReused(trx, 'test:one', query, { a: 'p', b: 'q', n: 0 })).toEqual([{ a: 'p', c: 'constant', n: 1, b: 'q' }]);
    });
    expect(built).toBe(1);
    await expect(runReused(db, 'test:one', query, { a: 'x', n: 1 })).rejects.toThrow(/no value for b/);
  });

  it('keeps a shape in use while many others come and go (least recently used goes first)', async () => {
    let hot = 0;
    const counted = (slot: { text(n: string): string }) => {
      hot += 1;
      return db.selectNoFrom([sql<string>`${slot.text('a')}`.as('a')]);
    };
    const other = (slot: { text(n: string): string }) => db.selectNoFrom([sql<string>`${slot.text('a')}`.as('a')]);
    for (let i = 0; i < 500; i++) {
      await runReused(db, 'test:hot', counted, { a: 'h' });
      await runReused(db, `test:cold:${i}`, other, { a: 'c' });
    }
    expect(hot).toBe(1);
  });

  it('keeps shapes apart per database', async () => {
    const other = mkdtempSync(join(tmpdir(), 'ansvar-reused-'));
    const second = createDb({ dataDir: other });
    try {
      expect(await runReused(second.db, 'test:one', query, { a: 'x', b: 'y', n: 1 })).toEqual([{ a: 'x', c: 'constant', n: 2, b: 'y' }]);
      expect(built).toBe(2);
    } finally {
      await second.destroy();
      rmSync(other, { recursive: true, force: true });
    }
  });
});
