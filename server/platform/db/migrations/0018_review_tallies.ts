import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * A review campaign's tally per reviewer (docs/ACCESS.md, "Reviews"): how many items each reviewer has and how many
 * of them are decided, kept by the campaign's creation and by every first decision on an item. The inbox's total, the
 * reviewers' progress and the reminders read it instead of counting a reviewer's range of a million-row index.
 * Campaigns made before it are tallied here, once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const key = pg ? sql`text collate "C"` : sql`text`;
  await db.schema
    .createTable('access_review_tallies')
    .addColumn('review_id', key, (c) => c.notNull())
    .addColumn('reviewer_person_id', key, (c) => c.notNull())
    .addColumn('items', 'integer', (c) => c.notNull())
    .addColumn('decided', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('access_review_tallies_pk', ['review_id', 'reviewer_person_id'])
    .execute();
  await sql`insert into access_review_tallies (review_id, reviewer_person_id, items, decided)
    select r.review_id, r.reviewer_person_id, count(*), sum(case when i.decision is null then 0 else 1 end)
    from access_review_reviewers r join access_review_items i on i.review_id = r.review_id and i.grant_id = r.grant_id
    group by r.review_id, r.reviewer_person_id`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Ansvar migrations are forward-only');
}
