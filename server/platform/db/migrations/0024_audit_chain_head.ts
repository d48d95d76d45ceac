import { sql, type Kysely } from 'kysely';

/**
 * The audit chain's head — the last event's sequence number and hash — in a row of its own (platform/audit/audit.ts).
 * A transaction that records events locks that row and reads it in one statement (`for update` on PostgreSQL, which
 * waits for the holder and then reads the row as it committed), and moves it with the insert of its events: two
 * round trips in the serial part of every audited write where the advisory lock, the read of the last event and the
 * insert were three. Set here from the last event there is.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('audit_chain_head')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await sql`
    insert into audit_chain_head (id, seq, hash)
    select 1, coalesce((select seq from audit_events order by seq desc limit 1), 0),
      coalesce((select hash from audit_events order by seq desc limit 1), ${'0'.repeat(64)})`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Ansvar migrations are forward-only');
}
