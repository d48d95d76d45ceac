import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { up } from './0025_systems_kommun.ts';

/** Migration 0025 on SQLite: each system is given the kommun above its owning unit, and keeps it when a unit moves. */
describe("migration 0025: a system's kommun", () => {
  let db: Kysely<unknown>;
  const kommunOf = async () =>
    (await sql<{ id: string; kommun_id: string }>`select id, kommun_id from systems order by id`.execute(db)).rows.map((r) => [r.id, r.kommun_id]);
  beforeEach(async () => {
    db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new SQLite(':memory:') }) });
    // The tables as far as the migration reads them: two kommuner, a unit two levels down in the first.
    await sql`create table org_units (id text primary key, parent_id text references org_units (id))`.execute(db);
    await sql`create table org_unit_closure (ancestor_id text not null, descendant_id text not null, depth integer not null)`.execute(db);
    await sql`create table systems (id text primary key, owning_unit_id text not null references org_units (id), name_sort text not null default '')`.execute(db);
    const tree: Array<[string, string | null]> = [['k1', null], ['f1', 'k1'], ['e1', 'f1'], ['k2', null], ['f2', 'k2']];
    for (const [id, parent] of tree) await sql`insert into org_units values (${id}, ${parent})`.execute(db);
    const closure: Array<[string, string, number]> = [
      ['k1', 'k1', 0], ['f1', 'f1', 0], ['e1', 'e1', 0], ['k1', 'f1', 1], ['k1', 'e1', 2], ['f1', 'e1', 1], ['k2', 'k2', 0], ['f2', 'f2', 0], ['k2', 'f2', 1],
    ];
    for (const c of closure) await sql`insert into org_unit_closure values (${sql.join(c)})`.execute(db);
    for (const [id, unit] of [['s1', 'e1'], ['s2', 'k1'], ['s3', 'f2']]) await sql`insert into systems (id, owning_unit_id) values (${id}, ${unit})`.execute(db);
  });
  afterEach(async () => db.destroy());

  it('sets the kommun of every system there is, and a move of a unit to another kommun moves its systems', async () => {
    await up(db);
    expect(await kommunOf()).toEqual([['s1', 'k1'], ['s2', 'k1'], ['s3', 'k2']]);
    // f1 (with e1 below it) moves under f2, as org's move does it: the parent first, then the closure.
    await sql`update org_units set parent_id = 'f2' where id = 'f1'`.execute(db);
    expect(await kommunOf()).toEqual([['s1', 'k2'], ['s2', 'k1'], ['s3', 'k2']]);
  });
});
