import type { Db } from '../../platform/db/index.ts';

/** A visit to Mitt ansvar this long after the latest one starts a new visit ("since your last visit" moves on). */
const NEW_VISIT_MS = 30 * 60 * 1000;
const STAMP_EVERY_MS = 60 * 1000;

/**
 * Records a visit to Mitt ansvar and answers when the previous visit was (null: the first). Visits within half an
 * hour of each other are one, so reloading the page keeps showing what changed since the visit before.
 */
export async function recordVisit(db: Db, userId: string, now: Date): Promise<string | null> {
  const at = now.toISOString();
  const row = await db.selectFrom('reminder_settings').select(['tasks_seen_at', 'tasks_previous_seen_at']).where('user_id', '=', userId).executeTakeFirst();
  if (!row) {
    await db
      .insertInto('reminder_settings')
      .values({
        user_id: userId, frequency: null, calendar_token_hash: null, calendar_created_at: null, tasks_seen_at: at, tasks_previous_seen_at: null,
        last_digest_at: null, updated_at: at,
      })
      .onConflict((oc) => oc.column('user_id').doNothing())
      .execute();
    return null;
  }
  const latest = row.tasks_seen_at;
  const gone = latest ? now.getTime() - Date.parse(latest) : Infinity;
  if (gone < NEW_VISIT_MS) {
    // The same visit: the stamp moves at most once a minute (a page's reloads and refetches write nothing).
    if (gone >= STAMP_EVERY_MS) await db.updateTable('reminder_settings').set({ tasks_seen_at: at }).where('user_id', '=', userId).execute();
    return row.tasks_previous_seen_at;
  }
  await db.updateTable('reminder_settings').set({ tasks_seen_at: at, tasks_previous_seen_at: latest }).where('user_id', '=', userId).execute();
  return latest;
}

/** When the previous visit was, as recordVisit would answer, without recording one (the task list asks). */
export async function previousVisit(db: Db, userId: string, now: Date): Promise<string | null> {
  const row = await db.selectFrom('reminder_settings').select(['tasks_seen_at', 'tasks_previous_seen_at']).where('user_id', '=', userId).executeTakeFirst();
  if (!row?.tasks_seen_at) return null;
  return now.getTime() - Date.parse(row.tasks_seen_at) < NEW_VISIT_MS ? row.tasks_previous_seen_at : row.tasks_seen_at;
}
