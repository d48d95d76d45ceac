import { PostgresAdapter, sql, type Kysely } from 'kysely';
import { sortKey } from '../../text.ts';

/**
 * The system register sorts names in Swedish order (å, ä, ö last, in that order): `systems.name_sort`
 * becomes `sortKey(name)` instead of the folded name, whose code-point order put ä before å. On
 * PostgreSQL the column gets the "C" collation, so the order (and keyset paging on it) is the same
 * binary order as SQLite's whatever the database's default collation is.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`alter table systems alter column name_sort type text collate "C"`.execute(db);
  }
  const { rows } = await sql<{ id: string; name: string; name_sort: string }>`select id, name, name_sort from systems`.execute(db);
  for (const row of rows) {
    const key = sortKey(row.name);
    if (key !== row.name_sort) await sql`update systems set name_sort = ${key} where id = ${row.id}`.execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('Ansvar migrations are forward-only');
}
