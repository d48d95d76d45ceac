import type { Kysely } from 'kysely';

/**
 * Password reset links (account_tokens of kind 'password_reset') belong to an existing user: a
 * `user_id` column names them, indexed so a new link can end the user's earlier ones.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('account_tokens').addColumn('user_id', 'text', (c) => c.references('users.id')).execute();
  await db.schema.createIndex('account_tokens_user_idx').on('account_tokens').columns(['user_id', 'kind']).execute();
}

export async function down(): Promise<void> {
  throw new Error('Ansvar migrations are forward-only');
}
