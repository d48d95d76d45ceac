import type { Kysely } from 'kysely';

/** System register import batches: a dry-run's plan kept until it is applied or expires (an hour). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('system_imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text')
    .addColumn('plan_json', 'text', (c) => c.notNull())
    .addColumn('applied_at', 'text')
    .execute();
  await db.schema.createIndex('system_imports_expiry_idx').on('system_imports').columns(['applied_at', 'expires_at']).execute();
}

export async function down(): Promise<void> {
  throw new Error('Ansvar migrations are forward-only');
}
