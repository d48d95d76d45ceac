import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { up } from './0025_systems_kommun.ts';
import { up as up26 } from './0026_findings_kommun.ts';

/** Migrations 0025 and 0026 on SQLite: each system and finding is given its kommun, and keeps it when a unit moves. */
describe("migrations 0025 and 0026: a system's and a finding's kommun", () => {
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
    await sql`create table findings (id text primary key, system_id text, unit_id text, status text not null default 'open',
      severity_rank integer not null default 0, opened_at text not null default '')`.execute(db);
    const findings: Array<[string, string | null, string | null]> = [['fs1', 's1', 'e1'], ['fu1', null, 'e1'], ['fs3', 's3', 'f2'], ['fi', null, null]];
    for (const f of findings) await sql`insert into findings (id, system_id, unit_id) values (${sql.join(f)})`.execute(db);
  });
  afterEach(async () => db.destroy());

  const findingKommuner = async () =>
    (await sql<{ id: string; kommun_id: string | null }>`select id, kommun_id from findings order by id`.execute(db)).rows.map((r) => [r.id, r.kommun_id]);

  it('sets the kommun of every system and finding there is, and a move of a unit to another kommun moves them', async () => {
    await up(db);
    await up26(db);
    expect(await kommunOf()).toEqual([['s1', 'k1'], ['s2', 'k1'], ['s3', 'k2']]);
    expect(await findingKommuner()).toEqual([['fi', null], ['fs1', 'k1'], ['fs3', 'k2'], ['fu1', 'k1']]);
    // f1 (with e1 below it) moves under f2, as org's move does it: the parent first, then the closure.
    await sql`update org_units set parent_id = 'f2' where id = 'f1'`.execute(db);
    expect(await kommunOf()).toEqual([['s1', 'k2'], ['s2', 'k1'], ['s3', 'k2']]);
    expect(await findingKommuner()).toEqual([['fi', null], ['fs1', 'k2'], ['fs3', 'k2'], ['fu1', 'k2']]);
    // A system given an owner in the other kommun takes its findings along.
    await sql`update systems set kommun_id = 'k1' where id = 's3'`.execute(db);
    expect(await findingKommuner()).toEqual([['fi', null], ['fs1', 'k2'], ['fs3', 'k1'], ['fu1', 'k2']]);
  });
});
