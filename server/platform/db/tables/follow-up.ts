import type { Generated } from 'kysely';

/** Notifications, e-mail, reminder settings, jobs and the change feed (migration 0016, docs/FOLLOW-UP.md). */

export type NotificationKind =
  | 'assigned'
  | 'due_soon'
  | 'overdue'
  | 'risk_to_approve'
  | 'risk_approved'
  | 'risk_rejected'
  | 'risk_expired'
  | 'reopened'
  | 'access_review_reminder'
  | 'access_review_escalated';

export interface NotificationsTable {
  id: string;
  person_id: string; // who is told
  kind: NotificationKind;
  event_key: string; // unique per person: the same event is told once
  finding_id: string | null;
  system_id: string | null;
  params_json: string; // what the text needs: subject name, due date, who acted …
  created_at: string;
  read_at: string | null;
  emailed_at: string | null; // in which digest it went out (or the digest decided it need not)
}

export interface EmailLogTable {
  id: string;
  kind: 'digest' | 'test';
  to_address: string;
  person_id: string | null;
  user_id: string | null;
  locale: 'sv' | 'en';
  subject: string;
  text_body: string;
  html_body: string | null;
  state: 'pending' | 'sent' | 'failed';
  attempts: number;
  last_error: string | null;
  next_attempt_at: string | null; // pending: when to try (again)
  created_by: string | null; // the administrator who sent a test
  created_at: string;
  sent_at: string | null;
}

export interface ReminderSettingsTable {
  user_id: string;
  frequency: 'daily' | 'weekly' | 'off' | null; // null: the kommun's default (the pack)
  calendar_token_hash: string | null; // SHA-256 of the calendar feed's secret
  calendar_created_at: string | null;
  tasks_seen_at: string | null; // the latest visit to Mitt ansvar
  tasks_previous_seen_at: string | null; // the visit before it: "what changed since your last visit"
  last_digest_at: string | null;
  updated_at: string;
}

export interface JobsTable {
  id: string;
  kind: string;
  key: string; // unique: scheduling the same key twice makes one job
  payload_json: string | null;
  run_at: string;
  state: 'queued' | 'running' | 'done' | 'failed';
  attempts: number;
  locked_by: string | null; // the instance running it
  locked_until: string | null; // after this another instance may take it over
  last_error: string | null;
  created_at: string;
  finished_at: string | null;
}

export interface ChangeFeedTable {
  seq: Generated<string>; // bigserial: a string in node-postgres
  at: string;
  instance_id: string;
  entity_type: string;
  entity_id: string;
  action: string;
}

export interface FollowUpTables {
  notifications: NotificationsTable;
  email_log: EmailLogTable;
  reminder_settings: ReminderSettingsTable;
  jobs: JobsTable;
  change_feed: ChangeFeedTable;
}
