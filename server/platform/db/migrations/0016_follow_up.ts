import { SqliteAdapter, sql, type Kysely } from 'kysely';
import { FOLLOW_UP_DEFAULTS, defaultDueOn } from '../../../policy/follow-up.ts';
import { swedishDay } from '../../dates.ts';

/**
 * Following findings up, reminders and several instances (issue 14, docs/FOLLOW-UP.md):
 * - `findings` gets its handling: who is assigned, who is to act (the assignee, else the derived actor), the due
 *   date, acknowledged / not applicable / risk proposed / risk accepted with reason, approver and expiry, and a
 *   row version for concurrent actions. Open findings get the default due date from when they opened.
 * - `notifications`: what a person is told (assigned, due soon, overdue, a risk to approve …), once per event.
 * - `email_log`: every e-mail, queued, sent or failed with its reason and attempts (the outbox).
 * - `reminder_settings`: per user, how often the digest comes, the calendar feed's token, the last visit.
 * - `jobs`: background work that runs once across instances.
 * - `change_feed`: committed changes, so every instance on one PostgreSQL database follows them (written there only).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  for (const [name, type] of [
    ['handling', 'text'],
    ['assignee_person_id', 'text'],
    ['owner_person_id', 'text'],
    ['due_on', 'text'],
    ['due_set', 'integer'],
    ['reason', 'text'],
    ['risk_approver_person_id', 'text'],
    ['risk_expires_on', 'text'],
    ['acted_at', 'text'],
    ['version', 'integer'],
  ] as const) {
    await db.schema
      .alterTable('findings')
      .addColumn(name, type, (c) =>
        name === 'handling' ? c.notNull().defaultTo('none') : name === 'version' ? c.notNull().defaultTo(1) : name === 'due_set' ? c.notNull().defaultTo(0) : c,
      )
      .execute();
  }
  await sql`update findings set owner_person_id = actor_person_id`.execute(db);
  const { rows } = await sql<{ id: string; severity: 'high' | 'medium' | 'low'; opened_at: string }>`
    select id, severity, opened_at from findings where status = 'open'`.execute(db);
  for (const r of rows) {
    await sql`update findings set due_on = ${defaultDueOn(FOLLOW_UP_DEFAULTS, r.severity, swedishDay(new Date(r.opened_at)))} where id = ${r.id}`.execute(db);
  }
  // A person's tasks: open findings they are to act on, soonest due first.
  await db.schema.createIndex('findings_owner_idx').on('findings').columns(['owner_person_id', 'status', 'due_on', 'id']).execute();
  await db.schema.createIndex('findings_approver_idx').on('findings').columns(['risk_approver_person_id', 'handling']).execute();
  await db.schema.createIndex('findings_handling_idx').on('findings').columns(['handling', 'status']).execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('event_key', 'text', (c) => c.notNull())
    .addColumn('finding_id', 'text')
    .addColumn('system_id', 'text')
    .addColumn('params_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .addColumn('emailed_at', 'text')
    .execute();
  // Nothing is told twice for the same event.
  await db.schema.createIndex('notifications_event_idx').on('notifications').columns(['person_id', 'event_key']).unique().execute();
  await db.schema.createIndex('notifications_person_idx').on('notifications').columns(['person_id', 'created_at', 'id']).execute();
  await db.schema.createIndex('notifications_unread_idx').on('notifications').columns(['person_id', 'read_at']).execute();
  await db.schema.createIndex('notifications_unsent_idx').on('notifications').columns(['emailed_at', 'person_id']).execute();

  await db.schema
    .createTable('email_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text')
    .addColumn('user_id', 'text')
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text_body', 'text', (c) => c.notNull())
    .addColumn('html_body', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('next_attempt_at', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema.createIndex('email_log_due_idx').on('email_log').columns(['state', 'next_attempt_at']).execute();
  await db.schema.createIndex('email_log_list_idx').on('email_log').columns(['created_at', 'id']).execute();

  await db.schema
    .createTable('reminder_settings')
    .addColumn('user_id', 'text', (c) => c.primaryKey())
    .addColumn('frequency', 'text')
    .addColumn('calendar_token_hash', 'text')
    .addColumn('calendar_created_at', 'text')
    .addColumn('tasks_seen_at', 'text')
    .addColumn('tasks_previous_seen_at', 'text')
    .addColumn('last_digest_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('reminder_settings_calendar_idx').on('reminder_settings').column('calendar_token_hash').unique().execute();

  await db.schema
    .createTable('jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('payload_json', 'text')
    .addColumn('run_at', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('locked_by', 'text')
    .addColumn('locked_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  // A job's key makes it once: the digest of a day is one job however many instances schedule it.
  await db.schema.createIndex('jobs_key_idx').on('jobs').column('key').unique().execute();
  await db.schema.createIndex('jobs_due_idx').on('jobs').columns(['state', 'run_at']).execute();

  // Written on PostgreSQL only (one SQLite file has one instance); created on both, so the schema is one.
  {
    await db.schema
      .createTable('change_feed')
      .addColumn('seq', sqlite ? 'integer' : 'bigserial', (c) => (sqlite ? c.primaryKey().autoIncrement() : c.primaryKey()))
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('instance_id', 'text', (c) => c.notNull())
      .addColumn('entity_type', 'text', (c) => c.notNull())
      .addColumn('entity_id', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .execute();
  }
}

export async function down(): Promise<void> {
  throw new Error('Ansvar migrations are forward-only');
}
