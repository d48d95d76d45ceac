import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, sql, type CompiledQuery } from 'kysely';
import { describe, expect, it } from 'vitest';
import { fixed } from './fixed.ts';
import type { Db as AppDb } from './index.ts';
import { KeptPlanCompiler } from './pg-compiler.ts';
import { listValues, runReused, textList } from './reused.ts';

type Db = { t: { id: string; name: string; n: number } };

/** A PostgreSQL Kysely that runs nothing and remembers what it was sent. */
function capturing() {
  const sent: CompiledQuery[] = [];
  const driver = new DummyDriver();
  driver.acquireConnection = async () => ({
    executeQuery: async (q: CompiledQuery) => (sent.push(q), { rows: [] }),
    streamQuery: () => {
      throw new Error('not used');
    },
  });
  const db = new Kysely<Db>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => driver,
      createIntrospector: (k) => new PostgresIntrospector(k),
      createQueryCompiler: () => new KeptPlanCompiler(),
    },
  });
  return { db, sent };
}

const { db } = capturing();

describe('KeptPlanCompiler', () => {
  it("writes a page's size into the text, in subqueries too, and keeps the other values parameters", () => {
    const inner = db.selectFrom('t').select('id').where('name', '>', 'm').orderBy('name').limit(51);
    const q = db.selectFrom('t').selectAll().where(sql<boolean>`id in (${inner})`).orderBy('name').limit(26).compile();
    expect(q.sql).toBe('select * from "t" where id in ((select "id" from "t" where "name" > $1 order by "name" limit 51)) order by "name" limit 26');
    expect(q.parameters).toEqual(['m']);
  });

  it('leaves as parameters what is not a page size: a negative stand-in (reused.ts), a fraction', () => {
    expect(db.selectFrom('t').selectAll().limit(-7_300_000_000).compile()).toMatchObject({ sql: 'select * from "t" limit $1', parameters: [-7_300_000_000] });
    expect(db.selectFrom('t').selectAll().limit(1.5).compile().sql).toBe('select * from "t" limit $1');
  });

  it('writes a list of more than ten values as one array, the same text for every such length', () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `id${i}`);
    const of = (list: string[]) => db.selectFrom('t').select('id').where('id', 'in', list).where('n', 'not in', [...Array(11).keys()]).compile();
    expect(of(ids(11))).toMatchObject({ sql: 'select "id" from "t" where "id" = any($1) and "n" <> all($2)', parameters: [ids(11), [...Array(11).keys()]] });
    expect(of(ids(500)).sql).toBe(of(ids(11)).sql);
    expect(of(ids(500)).parameters).toEqual([ids(500), [...Array(11).keys()]]);
  });

  it('keeps a list of up to ten values a list, which PostgreSQL plans as what it is', () => {
    expect(db.selectFrom('t').select('id').where('id', 'in', ['a']).where('n', 'not in', [1, 2]).compile()).toMatchObject({
      sql: 'select "id" from "t" where "id" in ($1) and "n" not in ($2, $3)',
      parameters: ['a', 1, 2],
    });
    expect(db.selectFrom('t').select('id').where('id', 'in', Array(10).fill('a')).compile().sql).toMatch(/in \(\$1, .*\$10\)$/);
  });

  it("writes as they are a list of the code's constants, a subquery, and an insert's values", () => {
    expect(db.selectFrom('t').select('id').where('name', 'in', [fixed('x'), fixed('y')]).compile().sql).toBe(`select "id" from "t" where "name" in ('x', 'y')`);
    const sub = db.selectFrom('t').select('id').where('id', 'in', (eb) => eb.selectFrom('t as u').select('u.id').where('u.n', '=', 1)).compile();
    expect(sub.sql).toBe('select "id" from "t" where "id" in (select "u"."id" from "t" as "u" where "u"."n" = $1)');
    expect(db.insertInto('t').values([{ id: 'a', name: 'b', n: 1 }]).compile()).toMatchObject({ sql: 'insert into "t" ("id", "name", "n") values ($1, $2, $3)', parameters: ['a', 'b', 1] });
  });

  it("puts a reused query's stand-ins inside the array, each call's values in their place", async () => {
    const { db: pg, sent } = capturing();
    const numbers = [...Array(12).keys()];
    const run = (ids: string[]) =>
      runReused(
        pg as unknown as AppDb,
        `test:list:${ids.length}`,
        (slot) => pg.selectFrom('t').select('id').where('name', '=', slot.text('name')).where('id', 'in', textList(slot, 'id', ids.length)).where('n', 'in', numbers),
        { name: 'x', ...listValues('id', ids) },
      );
    const ids = (from: number, n: number) => Array.from({ length: n }, (_, i) => `id${from + i}`);
    await run(ids(0, 11));
    await run(ids(100, 11));
    await run(ids(200, 20));
    await run(['a', 'b']);
    const array = 'select "id" from "t" where "name" = $1 and "id" = any($2) and "n" = any($3)';
    expect(sent.map((q) => q.sql)).toEqual([array, array, array, 'select "id" from "t" where "name" = $1 and "id" in ($2, $3) and "n" = any($4)']);
    expect(sent.map((q) => q.parameters)).toEqual([
      ['x', ids(0, 11), numbers],
      ['x', ids(100, 11), numbers],
      ['x', ids(200, 20), numbers],
      ['x', 'a', 'b', numbers],
    ]);
  });
});
