import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * SQLite: a campaign's reviewer rows live in their primary key's b-tree (WITHOUT ROWID). A rowid table kept each row
 * twice, in the table and in its primary key's index: for a million-grant campaign two million rows, a fifth of all
 * the campaign writes (docs/ACCESS.md, "Reviews"). The table is rebuilt with its rows and indexes; nothing else changes.
 * PostgreSQL has no rowid: nothing to do.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return;
  await sql`create table access_review_reviewers_new (
    review_id text not null,
    grant_id text not null,
    reviewer_person_id text not null,
    role_key text not null,
    system_id text not null,
    grantee_person_id text,
    constraint access_review_reviewers_pk primary key (review_id, grant_id, reviewer_person_id)
  ) without rowid`.execute(db);
  await sql`insert into access_review_reviewers_new (review_id, grant_id, reviewer_person_id, role_key, system_id, grantee_person_id)
    select review_id, grant_id, reviewer_person_id, role_key, system_id, grantee_person_id from access_review_reviewers
    order by review_id, grant_id, reviewer_person_id`.execute(db);
  await sql`drop table access_review_reviewers`.execute(db);
  await sql`alter table access_review_reviewers_new rename to access_review_reviewers`.execute(db);
  // A reviewer's inbox, grouped by system or by person, paged by item (as in 0017).
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
}

export async function down(): Promise<void> {
  throw new Error('Ansvar migrations are forward-only');
}
