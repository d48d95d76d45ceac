import { sql, type Kysely, type RawBuilder } from 'kysely';

/**
 * A trigger that runs `body` (one statement; `new` is the changed row) after an update that changes `column` of
 * `table`, on either database: a plpgsql function and its trigger on PostgreSQL, a trigger with the statement on SQLite.
 * For migrations: what it writes is part of the migration that calls it, so it must not change once one has shipped.
 */
export async function createChangeTrigger(
  db: Kysely<unknown>,
  postgres: boolean,
  t: { name: string; table: string; column: string; body: RawBuilder<unknown> },
): Promise<void> {
  const [name, table, column] = [sql.raw(t.name), sql.raw(t.table), sql.raw(t.column)];
  if (postgres) {
    const fn = sql.raw(`ansvar_${t.name}`);
    await sql`create function ${fn}() returns trigger language plpgsql as $$
      begin
        ${t.body};
        return null;
      end $$`.execute(db);
    await sql`create trigger ${name} after update of ${column} on ${table} for each row
      when (old.${column} is distinct from new.${column}) execute function ${fn}()`.execute(db);
  } else {
    await sql`create trigger ${name} after update of ${column} on ${table} when old.${column} is not new.${column}
      begin
        ${t.body};
      end`.execute(db);
  }
}
