import { sql, type SqlBool } from 'kysely';
import { toCount, type Db, type Tx } from '../../platform/db/index.ts';
import type { EmailLogTable } from '../../platform/db/tables/follow-up.ts';

/** The SQL of the digest and the send log: the only code that writes `email_log`. */

type Q = Db | Tx;

// ——— The digest ———

/**
 * Active users whose person has notifications not yet e-mailed, with their settings: one query for all (a person
 * is the account's, else the active person with the account's e-mail address), in user id order from `afterId`.
 */
export function digestRecipients(db: Q, afterId: string | null, limit: number) {
  const person = sql<string>`coalesce(u.person_id, p.id)`;
  let q = db
    .selectFrom('users as u')
    .leftJoin('people as p', (j) => j.onRef('p.email', '=', 'u.email').on('p.status', '=', 'active'))
    .leftJoin('reminder_settings as rs', 'rs.user_id', 'u.id')
    .select(['u.id', 'u.email', 'u.name', 'u.locale', person.as('person_id'), 'rs.frequency', 'rs.last_digest_at'])
    .where('u.status', '=', 'active')
    .where(person, 'in', (eb) => eb.selectFrom('notifications as n').select('n.person_id').where('n.emailed_at', 'is', null))
    .orderBy('u.id')
    .limit(limit);
  if (afterId) q = q.where('u.id', '>', afterId);
  return q.execute();
}

/** The notifications of these people not yet e-mailed, with their finding as it is now (if it still exists). */
export function unemailedNotifications(db: Q, personIds: readonly string[]) {
  if (!personIds.length) return Promise.resolve([]);
  return db
    .selectFrom('notifications as n')
    .leftJoin('findings as f', 'f.id', 'n.finding_id')
    .select(['n.id', 'n.person_id', 'n.kind', 'n.finding_id', 'n.system_id', 'n.params_json', 'n.created_at', 'f.status as finding_status', 'f.subject_name'])
    .where('n.emailed_at', 'is', null)
    .where('n.person_id', 'in', personIds)
    .orderBy('n.created_at')
    .execute();
}

/** Marks notifications e-mailed (in the transaction that queues their e-mail). */
export async function markEmailed(trx: Tx, ids: readonly string[], at: string): Promise<void> {
  for (let i = 0; i < ids.length; i += 500) {
    await trx.updateTable('notifications').set({ emailed_at: at }).where('id', 'in', ids.slice(i, i + 500)).where('emailed_at', 'is', null).execute();
  }
}

/** Records when each user's digest was made. */
export async function stampDigests(trx: Tx, userIds: readonly string[], at: string): Promise<void> {
  for (let i = 0; i < userIds.length; i += 200) {
    await trx
      .insertInto('reminder_settings')
      .values(
        userIds.slice(i, i + 200).map((user_id) => ({
          user_id,
          frequency: null,
          calendar_token_hash: null,
          calendar_created_at: null,
          tasks_seen_at: null,
          last_digest_at: at,
          updated_at: at,
        })),
      )
      .onConflict((oc) => oc.column('user_id').doUpdateSet({ last_digest_at: at }))
      .execute();
  }
}

// ——— The send log ———

export async function insertEmails(trx: Q, rows: readonly EmailLogTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 100) await trx.insertInto('email_log').values(rows.slice(i, i + 100)).execute();
}

/** Pending e-mails due to be tried, oldest due first. */
export async function dueEmailIds(db: Q, now: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('email_log')
    .select('id')
    .where('state', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Claims a pending e-mail for one attempt: its next attempt moves past the lease and the attempt is counted, only if
 * it is still pending and due. True: this caller (of all instances) sends it.
 */
export async function claimEmail(db: Q, id: string, now: string, leaseUntil: string): Promise<boolean> {
  const result = await db
    .updateTable('email_log')
    .set((eb) => ({ next_attempt_at: leaseUntil, attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .where('state', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function emailById(db: Q, id: string): Promise<EmailLogTable | undefined> {
  return db.selectFrom('email_log').selectAll().where('id', '=', id).executeTakeFirst();
}

/** How an attempt ended: sent, or the reason and when to try again (or failed for good). */
export async function finishEmail(
  db: Q,
  id: string,
  set: Pick<EmailLogTable, 'state' | 'last_error' | 'next_attempt_at' | 'sent_at'>,
): Promise<void> {
  await db.updateTable('email_log').set(set).where('id', '=', id).where('state', '=', 'pending').execute();
}

export interface EmailFilter {
  state?: EmailLogTable['state'] | undefined;
}

const filtered = (db: Q, f: EmailFilter) => {
  let q = db.selectFrom('email_log as e');
  if (f.state) q = q.where('e.state', '=', f.state);
  return q;
};

/** The send log, newest first (keyset: created_at, id). */
export async function listEmails(db: Q, f: EmailFilter & { after?: { c: string; id: string } | undefined }, limit: number) {
  let q = filtered(db, f)
    .select(['e.id', 'e.kind', 'e.to_address', 'e.subject', 'e.state', 'e.attempts', 'e.last_error', 'e.created_at', 'e.sent_at'])
    .orderBy('e.created_at', 'desc')
    .orderBy('e.id', 'desc')
    .limit(limit + 1);
  if (f.after) {
    const { c, id } = f.after;
    q = q.where(sql<SqlBool>`(e.created_at < ${c} or (e.created_at = ${c} and e.id < ${id}))`);
  }
  const rows = await q.execute();
  return { rows: rows.slice(0, limit), hasMore: rows.length > limit };
}

export async function countEmails(db: Q, f: EmailFilter): Promise<number> {
  const row = await filtered(db, f)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirst();
  return toCount(row?.n as string | number | undefined);
}
