import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { up } from './0015_classifications.ts';

/** Migration 0015 on a register whose notes hold the K/R/T lines earlier imports wrote. */
describe('migration 0015: K/R/T in notes become draft classifications', () => {
  let db: Kysely<unknown>;
  beforeEach(async () => {
    db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new SQLite(':memory:') }) });
    await sql`create table systems (id text primary key, note text)`.execute(db);
    const rows: Array<[string, string | null]> = [
      ['a', 'K/R/T: 3/2/2'],
      ['b', 'Driftas av Tieto.\nK/R/T: K2 R1 T3 S2\nSe avtal 2019-114.'],
      ['c', 'K/R/T: hög'],
      ['d', 'K/R/T: 7/2/2'],
      ['e', 'Ingen klassning här'],
      ['f', null],
    ];
    for (const [id, note] of rows) await sql`insert into systems (id, note) values (${id}, ${note})`.execute(db);
  });
  afterEach(async () => db.destroy());

  it('turns a readable line into a draft on the default scale and removes it from the note; leaves the rest', async () => {
    await up(db);
    const drafts = (
      await sql<Record<string, unknown>>`select system_id, version, status, method, scale_id, scale_version, reference, level_confidentiality k,
        level_integrity r, level_availability t, level_traceability s, row_version from classifications order by system_id`.execute(db)
    ).rows;
    expect(drafts).toEqual([
      { system_id: 'a', version: 1, status: 'draft', method: 'import', scale_id: 'ansvar-1-4', scale_version: '1', reference: '3/2/2', k: 3, r: 2, t: 2, s: null, row_version: 1 },
      { system_id: 'b', version: 1, status: 'draft', method: 'import', scale_id: 'ansvar-1-4', scale_version: '1', reference: 'K2 R1 T3 S2', k: 2, r: 1, t: 3, s: 2, row_version: 1 },
    ]);
    const notes = Object.fromEntries((await sql<{ id: string; note: string | null }>`select id, note from systems`.execute(db)).rows.map((r) => [r.id, r.note]));
    expect(notes).toEqual({
      a: null,
      b: 'Driftas av Tieto.\nSe avtal 2019-114.',
      c: 'K/R/T: hög', // does not read: kept
      d: 'K/R/T: 7/2/2', // 7 is not on the scale: kept
      e: 'Ingen klassning här',
      f: null,
    });
  });
});
