import { SqliteAdapter, sql, type Kysely } from 'kysely';

/**
 * Search in the system register without reading every system (SQLite): an FTS5 index with the trigram
 * tokenizer over `systems.search_text`, so `q` of three characters or more finds any substring through
 * the index (shorter searches keep using LIKE). It is an external-content table keyed by the systems'
 * rowid and kept in step by triggers. PostgreSQL keeps LIKE on the folded text, answered from a pg_trgm index
 * where the installation allows the extension (0020), else by a scan.
 *
 * The rowid of a table with a text primary key may change under VACUUM; Ansvar never vacuums, and the
 * index is rebuilt with `insert into systems_search(systems_search) values ('rebuild')` if anyone does.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return;
  await sql`create virtual table systems_search using fts5(search_text, content = 'systems', content_rowid = 'rowid', tokenize = 'trigram')`.execute(db);
  await sql`insert into systems_search (systems_search) values ('rebuild')`.execute(db);
  await sql`create trigger systems_search_insert after insert on systems begin
    insert into systems_search (rowid, search_text) values (new.rowid, new.search_text);
  end`.execute(db);
  await sql`create trigger systems_search_delete after delete on systems begin
    insert into systems_search (systems_search, rowid, search_text) values ('delete', old.rowid, old.search_text);
  end`.execute(db);
  await sql`create trigger systems_search_update after update of search_text on systems begin
    insert into systems_search (systems_search, rowid, search_text) values ('delete', old.rowid, old.search_text);
    insert into systems_search (rowid, search_text) values (new.rowid, new.search_text);
  end`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Ansvar migrations are forward-only');
}
