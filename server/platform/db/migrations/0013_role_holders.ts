import type { Kysely } from 'kysely';

/**
 * A role may be held by a person, an org unit or a supplier (principal_kind 'person' | 'unit' | 'supplier',
 * principal_id naming it). A supplier holder may name one of the supplier's contacts.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('role_assignments').addColumn('principal_contact_id', 'text').execute();
}

export async function down(): Promise<void> {
  throw new Error('Ansvar migrations are forward-only');
}
