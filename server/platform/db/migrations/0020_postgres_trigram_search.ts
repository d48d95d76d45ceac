import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * Search in the system register without reading every system (PostgreSQL): a trigram index over
 * `systems.search_text`, which PostgreSQL uses for the list's `like '%…%'` of three characters or more (SQLite has
 * its FTS5 trigram index since 0009). pg_trgm ships with PostgreSQL and is a trusted extension, so the database's
 * owner may create it; where the installation has not made it available, or refuses it, the search stays a scan
 * of the folded text and works as before (docs/PERFORMANCE.md). The attempt runs in a subtransaction, so a refusal
 * does not abort the migration. The extension goes to the public schema where it may (one copy for the whole
 * database, whatever schema Ansvar's tables are in), and the index names its operator class with its schema.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`do $$
    declare
      trgm_schema name;
    begin
      if exists (select 1 from pg_available_extensions where name = 'pg_trgm') then
        begin
          create extension if not exists pg_trgm with schema public;
        exception when insufficient_privilege or feature_not_supported or invalid_schema_name or unique_violation then
          begin
            create extension if not exists pg_trgm;
          exception when insufficient_privilege or feature_not_supported or unique_violation then
            raise notice 'pg_trgm not created: the register search scans the folded text';
          end;
        end;
      end if;
      select n.nspname into trgm_schema from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm';
      if trgm_schema is not null then
        execute format('create index if not exists systems_search_trgm_idx on systems using gin (search_text %I.gin_trgm_ops)', trgm_schema);
      end if;
    end
  $$`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Ansvar migrations are forward-only');
}
