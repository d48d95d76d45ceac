import type { Kysely } from 'kysely';

/**
 * The open findings counted by severity and rule (getting started's figures) from an index alone: the list's index
 * (status, severity rank, …) found the open ones, but each count then read its row from the table for the rule, and
 * the rows are wide (their texts in two languages): 27 ms for 41,000 open findings on SQLite, 21 ms on PostgreSQL.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('findings_counts_idx').on('findings').columns(['status', 'severity', 'key']).execute();
}

export async function down(): Promise<void> {
  throw new Error('Ansvar migrations are forward-only');
}
