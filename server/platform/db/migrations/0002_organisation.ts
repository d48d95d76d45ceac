import type { Kysely } from 'kysely';

/** Org unit details (code, external id, function, search), role assignments. */
export async function up(_db: Kysely<unknown>): Promise<void> {
  // filled in by the capability
}

export async function down(): Promise<void> {
  throw new Error('Ansvar migrations are forward-only');
}
