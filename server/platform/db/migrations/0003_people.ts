import type { Kysely } from 'kysely';

/** People (kept after they leave) and HR import batches (dry-run kept until applied or expired). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('people')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_search', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('title', 'text')
    .addColumn('home_unit_id', 'text', (c) => c.references('org_units.id'))
    .addColumn('manager_id', 'text', (c) => c.references('people.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('left_at', 'text')
    .addColumn('external_id', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('people_email_idx').on('people').column('email').unique().execute();
  await db.schema.createIndex('people_external_idx').on('people').column('external_id').unique().execute();
  await db.schema.createIndex('people_search_idx').on('people').columns(['name_search', 'id']).execute();
  await db.schema.createIndex('people_unit_idx').on('people').columns(['home_unit_id', 'name_search', 'id']).execute();
  await db.schema.createIndex('people_manager_idx').on('people').column('manager_id').execute();

  await db.schema
    .createTable('people_imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text')
    .addColumn('plan_json', 'text', (c) => c.notNull())
    .addColumn('applied_at', 'text')
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Ansvar migrations are forward-only');
}
