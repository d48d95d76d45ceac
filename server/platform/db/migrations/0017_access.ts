import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * Access to systems (issue 15, docs/ACCESS.md):
 * - `access_roles`: a system's access roles (behörigheter), privileged or not;
 * - `access_accounts`: the system's accounts, each a person's (matched) or not;
 * - `access_grants`: an access role granted to an account, with how it came and its end; ended grants stay;
 * - `access_imports`: dry-runs of a system's own user list;
 * - `access_orders`: orders that start or end a grant, and their trail;
 * - `access_reviews`, `access_review_systems`, `access_review_items`, `access_review_reviewers`: review campaigns
 *   (behörighetskontroll), the grants they cover, their decisions and who decides them.
 * The grouped audit trail's partial index takes in the user-list import's own entry.
 * Sorted and keyed text gets the "C" collation on PostgreSQL, so order and keyset paging are SQLite's.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const key = pg ? sql`text collate "C"` : sql`text`;

  await db.schema
    .createTable('access_roles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('system_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', key, (c) => c.notNull())
    .addColumn('name_sort', key, (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('privileged', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('access_roles_name_idx').on('access_roles').columns(['system_id', 'name_key']).unique().execute();
  await db.schema.createIndex('access_roles_sort_idx').on('access_roles').columns(['system_id', 'name_sort', 'id']).execute();

  await db.schema
    .createTable('access_accounts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('system_id', 'text', (c) => c.notNull())
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('username_key', key, (c) => c.notNull())
    .addColumn('display_name', 'text')
    .addColumn('email', 'text')
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text')
    .addColumn('last_login_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('access_accounts_username_idx').on('access_accounts').columns(['system_id', 'username_key']).unique().execute();
  await db.schema.createIndex('access_accounts_person_idx').on('access_accounts').columns(['person_id', 'system_id']).execute();

  await db.schema
    .createTable('access_grants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('system_id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('access_role_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text')
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('order_id', 'text')
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .addColumn('end_reason', 'text')
    .addColumn('end_order_id', 'text')
    .addColumn('ended_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  // One current grant of a role to an account; ended ones are history.
  await db.schema
    .createIndex('access_grants_current_idx')
    .on('access_grants')
    .columns(['account_id', 'access_role_id'])
    .unique()
    .where('ended_at' as never, 'is', null)
    .execute();
  await db.schema.createIndex('access_grants_system_idx').on('access_grants').columns(['system_id', 'ended_at', 'id']).execute();
  await db.schema.createIndex('access_grants_person_idx').on('access_grants').columns(['person_id', 'ended_at']).execute();
  await db.schema.createIndex('access_grants_role_idx').on('access_grants').columns(['access_role_id', 'ended_at']).execute();
  await db.schema.createIndex('access_grants_valid_to_idx').on('access_grants').columns(['valid_to']).where('ended_at' as never, 'is', null).execute();

  await db.schema
    .createTable('access_imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('system_id', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text')
    .addColumn('plan_json', 'text', (c) => c.notNull())
    .addColumn('applied_at', 'text')
    .execute();

  await db.schema
    .createTable('access_orders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('system_id', 'text', (c) => c.notNull())
    .addColumn('access_role_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text')
    .addColumn('account_id', 'text')
    .addColumn('grant_id', 'text')
    .addColumn('review_id', 'text')
    .addColumn('reason', 'text')
    .addColumn('valid_from', 'text')
    .addColumn('valid_to', 'text')
    .addColumn('approval_required', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('ordered_by_person_id', 'text')
    .addColumn('ordered_by_user_id', 'text')
    .addColumn('ordered_at', 'text', (c) => c.notNull())
    .addColumn('decided_by_person_id', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decision_comment', 'text')
    .addColumn('executed_by_person_id', 'text')
    .addColumn('executed_by_user_id', 'text')
    .addColumn('executed_at', 'text')
    .addColumn('ticket_ref', 'text')
    .addColumn('confirmed_by_person_id', 'text')
    .addColumn('confirmed_at', 'text')
    .addColumn('cancelled_by_user_id', 'text')
    .addColumn('cancelled_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('access_orders_state_idx').on('access_orders').columns(['state', 'system_id', 'ordered_at', 'id']).execute();
  await db.schema.createIndex('access_orders_orderer_idx').on('access_orders').columns(['ordered_by_person_id', 'state', 'ordered_at']).execute();
  await db.schema.createIndex('access_orders_person_idx').on('access_orders').columns(['person_id', 'ordered_at']).execute();
  await db.schema.createIndex('access_orders_system_idx').on('access_orders').columns(['system_id', 'ordered_at', 'id']).execute();
  // A grant has at most one removal under way: offboarding, expiry and a review never order it twice.
  await db.schema
    .createIndex('access_orders_open_removal_idx')
    .on('access_orders')
    .column('grant_id')
    .unique()
    .where(sql<boolean>`kind = 'removal' and state in ('awaiting_approval', 'awaiting_execution')`)
    .execute();

  await db.schema
    .createTable('access_reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('scope_unit_id', 'text')
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('closed_by', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('items_total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reminded_on', 'text')
    .addColumn('escalated_on', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('access_reviews_list_idx').on('access_reviews').columns(['state', 'created_at', 'id']).execute();

  await db.schema
    .createTable('access_review_systems')
    .addColumn('review_id', 'text', (c) => c.notNull())
    .addColumn('system_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('access_review_systems_pk', ['review_id', 'system_id'])
    .execute();
  await db.schema.createIndex('access_review_systems_system_idx').on('access_review_systems').columns(['system_id', 'review_id']).execute();

  await db.schema
    .createTable('access_review_items')
    .addColumn('review_id', 'text', (c) => c.notNull())
    .addColumn('grant_id', 'text', (c) => c.notNull())
    .addColumn('system_id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('access_role_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text')
    .addColumn('privileged', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('decision', 'text')
    .addColumn('comment', 'text')
    .addColumn('decided_by_person_id', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('removal_order_id', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('access_review_items_pk', ['review_id', 'grant_id'])
    .execute();
  await db.schema.createIndex('access_review_items_decision_idx').on('access_review_items').columns(['review_id', 'decision']).execute();
  await db.schema.createIndex('access_review_items_system_idx').on('access_review_items').columns(['review_id', 'system_id', 'grant_id']).execute();

  await db.schema
    .createTable('access_review_reviewers')
    .addColumn('review_id', 'text', (c) => c.notNull())
    .addColumn('grant_id', 'text', (c) => c.notNull())
    .addColumn('reviewer_person_id', 'text', (c) => c.notNull())
    .addColumn('role_key', 'text', (c) => c.notNull())
    .addColumn('system_id', 'text', (c) => c.notNull())
    .addColumn('grantee_person_id', 'text')
    .addPrimaryKeyConstraint('access_review_reviewers_pk', ['review_id', 'grant_id', 'reviewer_person_id'])
    .execute();
  // A reviewer's inbox, grouped by system or by person, paged by item.
  await db.schema
    .createIndex('access_review_reviewers_system_idx')
    .on('access_review_reviewers')
    .columns(['review_id', 'reviewer_person_id', 'system_id', 'grant_id'])
    .execute();
  await db.schema
    .createIndex('access_review_reviewers_person_idx')
    .on('access_review_reviewers')
    .columns(['review_id', 'reviewer_person_id', 'grantee_person_id', 'grant_id'])
    .execute();
  // The grouped audit trail keeps a user-list import's own entry too (modules/audit/repository.ts GROUPED_TRAIL).
  await db.schema.dropIndex('audit_grouped_idx').execute();
  await db.schema
    .createIndex('audit_grouped_idx')
    .on('audit_events')
    .column('seq')
    .where(sql<boolean>`origin <> 'import' or entity_type in ('system_import', 'people_import', 'access_import')`)
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Ansvar migrations are forward-only');
}
