import type { Kysely } from 'kysely';

/** People and HR import batches. */
export async function up(_db: Kysely<unknown>): Promise<void> {
  // filled in by the capability
}

export async function down(): Promise<void> {
  throw new Error('Ansvar migrations are forward-only');
}
