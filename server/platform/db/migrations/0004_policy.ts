import type { Kysely } from 'kysely';

/** Policy pack versions: every uploaded version is kept; at most one is active. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('policy_packs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('pack_id', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('document_json', 'text', (c) => c.notNull())
    .addColumn('document_sha256', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text')
    .addColumn('uploaded_by_name', 'text')
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .addColumn('activated_at', 'text')
    .execute();
  await db.schema.createIndex('policy_packs_version_idx').on('policy_packs').columns(['pack_id', 'version']).unique().execute();
  await db.schema.createIndex('policy_packs_status_idx').on('policy_packs').columns(['status', 'uploaded_at']).execute();
  await db.schema.createIndex('policy_packs_uploaded_idx').on('policy_packs').columns(['uploaded_at', 'id']).execute();
  // The database itself refuses a second active version (uploads also serialise on a lock).
  await db.schema
    .createIndex('policy_packs_one_active_idx')
    .on('policy_packs')
    .column('status')
    .unique()
    .where('status', '=', 'active')
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Ansvar migrations are forward-only');
}
