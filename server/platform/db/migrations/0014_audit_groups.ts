import { sql, type Kysely } from 'kysely';

/**
 * The audit trail shown grouped (GET /api/audit?grouped=true): an import is one entry, its changes are read by
 * request id. A partial index over the entries that stay on the grouped trail (not written by an import, or the
 * import's own entry) lets a page skip an import's thousands of changes; an index on the request id reads them.
 * The predicate must stay the same as the query's (server/modules/audit/repository.ts GROUPED_TRAIL).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('audit_grouped_idx')
    .on('audit_events')
    .column('seq')
    .where(sql<boolean>`origin <> 'import' or entity_type in ('system_import', 'people_import')`)
    .execute();
  await db.schema.createIndex('audit_request_idx').on('audit_events').columns(['request_id', 'seq']).execute();
}

export async function down(): Promise<void> {
  throw new Error('Ansvar migrations are forward-only');
}
