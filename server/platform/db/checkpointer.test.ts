import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startCheckpointer } from './checkpointer.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function openDb(): SQLite.Database {
  const dir = mkdtempSync(join(tmpdir(), 'ansvar-ckpt-'));
  dirs.push(dir);
  const db = new SQLite(join(dir, 'db.sqlite'));
  db.pragma('journal_mode = WAL');
  db.exec('create table t (id integer primary key, v text)');
  return db;
}

const autocheckpoint = (db: SQLite.Database) => db.pragma('wal_autocheckpoint', { simple: true });

describe('startCheckpointer', () => {
  it('moves checkpoints off the writer, copies its commits in the background, and gives them back when stopped', async () => {
    const db = openDb();
    const c = startCheckpointer(db, 20);
    expect(autocheckpoint(db)).toBe(0);
    const insert = db.prepare('insert into t (v) values (?)');
    // More than SQLite's own 1,000-page threshold: the writer would have checkpointed by itself.
    db.transaction(() => {
      for (let i = 0; i < 5000; i++) insert.run('x'.repeat(1000));
    })();
    let stats = await c.stats();
    for (let i = 0; i < 100 && stats.pages === 0; i++) {
      await new Promise((r) => setTimeout(r, 20));
      stats = await c.stats();
    }
    expect(stats.runs).toBeGreaterThan(0);
    expect(stats.pages).toBeGreaterThan(1000);
    // Everything the writer committed is in the database file: nothing left to copy.
    await new Promise((r) => setTimeout(r, 60));
    const [left] = db.pragma('wal_checkpoint(PASSIVE)') as Array<{ log: number; checkpointed: number }>;
    expect(left!.checkpointed).toBe(left!.log);
    await c.stop();
    expect(autocheckpoint(db)).toBe(1000);
    db.close();
  });

  it('gives the writer its checkpoints back when the thread fails', async () => {
    const db = openDb();
    // The thread cannot open a file that is gone (the writer keeps its own open handle).
    rmSync(db.name);
    const errors: unknown[] = [];
    const c = startCheckpointer(db, 20, (err) => errors.push(err));
    for (let i = 0; i < 200 && errors.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(errors.length).toBe(1);
    expect(autocheckpoint(db)).toBe(1000);
    await c.stop();
    db.close();
  });
});
