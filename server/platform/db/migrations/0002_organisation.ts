import type { Kysely } from 'kysely';

/** Org unit details (code, external id, function, search), role assignments, and user ↔ person link. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('org_units').addColumn('code', 'text').execute();
  await db.schema.alterTable('org_units').addColumn('external_id', 'text').execute();
  await db.schema.alterTable('org_units').addColumn('function', 'text').execute();
  await db.schema.alterTable('org_units').addColumn('name_search', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.createIndex('org_units_external_idx').on('org_units').column('external_id').unique().execute();
  await db.schema.createIndex('org_units_search_idx').on('org_units').columns(['name_search', 'id']).execute();
  await db.schema.createIndex('org_units_function_idx').on('org_units').column('function').execute();

  await db.schema
    .createTable('role_assignments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('role_key', 'text', (c) => c.notNull())
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('principal_kind', 'text', (c) => c.notNull())
    .addColumn('principal_id', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('ended_at', 'text')
    .addColumn('ended_by', 'text')
    .addColumn('note', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('role_assignments_subject_idx').on('role_assignments').columns(['subject_kind', 'subject_id', 'role_key']).execute();
  await db.schema.createIndex('role_assignments_principal_idx').on('role_assignments').columns(['principal_kind', 'principal_id']).execute();
  await db.schema.createIndex('role_assignments_role_idx').on('role_assignments').columns(['role_key', 'valid_to']).execute();

  await db.schema.alterTable('users').addColumn('person_id', 'text').execute();
  await db.schema.createIndex('users_person_idx').on('users').column('person_id').execute();
}

export async function down(): Promise<void> {
  throw new Error('Ansvar migrations are forward-only');
}
