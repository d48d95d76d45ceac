import type { Kysely } from 'kysely';

/**
 * Findings: each place the register and the organisation do not meet the policy. A row is one
 * finding from when it opened until it was resolved; if the same gap comes back it is a new row, so
 * the rows of a fingerprint are its history.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('findings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('severity_rank', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('subject_kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text')
    .addColumn('subject_name', 'text')
    .addColumn('system_id', 'text')
    .addColumn('unit_id', 'text')
    .addColumn('rule_ids_json', 'text', (c) => c.notNull())
    .addColumn('params_json', 'text', (c) => c.notNull())
    .addColumn('text_sv', 'text', (c) => c.notNull())
    .addColumn('text_en', 'text', (c) => c.notNull())
    .addColumn('actor_person_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('since', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text')
    .execute();
  // At most one open finding per fingerprint; resolved ones are history.
  await db.schema.createIndex('findings_open_fingerprint_idx').on('findings').column('fingerprint').unique().where('status' as never, '=', 'open').execute();
  await db.schema.createIndex('findings_fingerprint_idx').on('findings').columns(['fingerprint', 'opened_at']).execute();
  await db.schema.createIndex('findings_list_idx').on('findings').columns(['status', 'severity_rank', 'opened_at', 'id']).execute();
  await db.schema.createIndex('findings_system_idx').on('findings').columns(['system_id', 'status']).execute();
  await db.schema.createIndex('findings_unit_idx').on('findings').columns(['unit_id', 'status']).execute();
  await db.schema.createIndex('findings_key_idx').on('findings').columns(['key', 'status']).execute();
}

export async function down(): Promise<void> {
  throw new Error('Ansvar migrations are forward-only');
}
