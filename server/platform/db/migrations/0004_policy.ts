import type { Kysely } from 'kysely';

/** Policy pack versions: every uploaded version is kept; one is active. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('policy_packs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('pack_id', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('document_json', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text')
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .addColumn('activated_at', 'text')
    .execute();
  await db.schema.createIndex('policy_packs_version_idx').on('policy_packs').columns(['pack_id', 'version']).unique().execute();
  await db.schema.createIndex('policy_packs_status_idx').on('policy_packs').columns(['status', 'uploaded_at']).execute();
}

export async function down(): Promise<void> {
  throw new Error('Ansvar migrations are forward-only');
}
