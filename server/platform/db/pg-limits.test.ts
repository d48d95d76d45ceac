import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { PageSizeCompiler } from './pg-limits.ts';

type Db = { t: { id: string; name: string } };

const db = new Kysely<Db>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (k) => new PostgresIntrospector(k),
    createQueryCompiler: () => new PageSizeCompiler(),
  },
});

describe('PageSizeCompiler', () => {
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
});
