import { PostgresAdapter, sql, type Kysely } from 'kysely';
import { sortKey } from '../../text.ts';

/**
 * People and units sort in Swedish order too (see 0010): a `name_sort` column each (sortKey of the
 * name), with the indexes their lists page on. `name_search` stays for search and import matching.
 * On PostgreSQL the new columns use the "C" collation, as `systems.name_sort` does.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  for (const table of ['people', 'org_units'] as const) {
    await db.schema.alterTable(table).addColumn('name_sort', 'text', (c) => c.notNull().defaultTo('')).execute();
    if (postgres) await sql`alter table ${sql.table(table)} alter column name_sort type text collate "C"`.execute(db);
    const { rows } = await sql<{ id: string; name: string }>`select id, name from ${sql.table(table)}`.execute(db);
    for (const row of rows) await sql`update ${sql.table(table)} set name_sort = ${sortKey(row.name)} where id = ${row.id}`.execute(db);
  }
  await db.schema.dropIndex('people_search_idx').execute();
  await db.schema.dropIndex('people_unit_idx').execute();
  await db.schema.dropIndex('org_units_search_idx').execute();
  await db.schema.createIndex('people_name_idx').on('people').columns(['name_sort', 'id']).execute();
  await db.schema.createIndex('people_unit_idx').on('people').columns(['home_unit_id', 'name_sort', 'id']).execute();
  await db.schema.createIndex('org_units_name_idx').on('org_units').columns(['name_sort', 'id']).execute();
}

export async function down(): Promise<void> {
  throw new Error('Ansvar migrations are forward-only');
}
