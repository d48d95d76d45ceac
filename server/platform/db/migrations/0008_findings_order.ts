import { sql, type Kysely } from 'kysely';

/**
 * The findings list reads worst first, then newest: an index in exactly that order (descending parts
 * included) lets both databases read a page without sorting every open finding.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('findings_list_idx').execute();
  await sql`create index findings_list_idx on findings (status, severity_rank, opened_at desc, id desc)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Ansvar migrations are forward-only');
}
