import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { up } from './0019_reviewers_without_rowid.ts';

/** Migration 0019 on SQLite: the reviewers' rows move into their primary key's b-tree, every row and index kept. */
describe('migration 0019: campaign reviewers without a rowid', () => {
  let db: Kysely<unknown>;
  const rows = [
    ['r1', 'g2', 'p1', 'chef', 's1', 'p9'],
    ['r1', 'g1', 'p2', 'systemforvaltare', 's1', null],
    ['r2', 'g1', 'p1', 'chef', 's2', 'p8'],
  ];
  beforeEach(async () => {
    db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new SQLite(':memory:') }) });
    // The table as 0017 made it.
    await sql`create table access_review_reviewers (review_id text not null, grant_id text not null, reviewer_person_id text not null,
      role_key text not null, system_id text not null, grantee_person_id text,
      constraint access_review_reviewers_pk primary key (review_id, grant_id, reviewer_person_id))`.execute(db);
    await sql`create index access_review_reviewers_system_idx on access_review_reviewers (review_id, reviewer_person_id, system_id, grant_id)`.execute(db);
    await sql`create index access_review_reviewers_person_idx on access_review_reviewers (review_id, reviewer_person_id, grantee_person_id, grant_id)`.execute(db);
    for (const r of rows) await sql`insert into access_review_reviewers values (${sql.join(r)})`.execute(db);
  });
  afterEach(async () => db.destroy());

  it('keeps every row, the key and both inbox indexes, and the table has no rowid', async () => {
    await up(db);
    const after = (await sql<Record<string, unknown>>`select * from access_review_reviewers order by review_id, grant_id, reviewer_person_id`.execute(db)).rows;
    expect(after.map((r) => Object.values(r))).toEqual([...rows].sort((a, b) => (a.join() < b.join() ? -1 : 1)));
    await expect(sql`select rowid from access_review_reviewers`.execute(db)).rejects.toThrow(/rowid/);
    const indexes = (await sql<{ name: string }>`select name from sqlite_master where type = 'index' and tbl_name = 'access_review_reviewers' order by name`.execute(db)).rows;
    // The key is the table itself: no index of its own beside the two inbox indexes.
    expect(indexes.map((i) => i.name)).toEqual(['access_review_reviewers_person_idx', 'access_review_reviewers_system_idx']);
    // The key still refuses a second row for the same item and reviewer.
    await expect(sql`insert into access_review_reviewers values ('r1', 'g2', 'p1', 'chef', 's1', 'p9')`.execute(db)).rejects.toThrow(/UNIQUE|PRIMARY/i);
  });
});
