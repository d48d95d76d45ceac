import { sql, type SqlBool } from 'kysely';
import { toCount, type Db, type Tx } from '../../platform/db/index.ts';
import type { NotificationKind, ReminderSettingsTable } from '../../platform/db/tables/follow-up.ts';
import { uuidv7 } from '../../platform/ids.ts';

/**
 * All SQL of notifications: the only code that writes `notifications` and `reminder_settings` (and, in
 * email-repository.ts, `email_log`). A person is found for a user as the rest of Ansvar does: the account's
 * person, else the active person with the account's e-mail address.
 */

type Q = Db | Tx;

export interface NotificationInput {
  /** Who is told. */
  personId: string;
  kind: NotificationKind;
  /** Unique per person: the same event is told once (e.g. `assigned:<findingId>:<version>`, `overdue:<findingId>:<dueOn>`). */
  eventKey: string;
  findingId?: string | null;
  systemId?: string | null;
  /**
   * What the text needs: the finding's text in both languages (`text_sv`, `text_en`), its subject (`subject`), a due
   * date (`dueOn`), who acted (`by`). The text shown is the kind's lead-in and the finding's text (present.ts).
   */
  params: Record<string, string | number | null>;
}

/** Adds notifications in the caller's transaction; one already told (same person and event key) is left as it is. */
export async function insertNotifications(trx: Tx, now: Date, items: readonly NotificationInput[]): Promise<void> {
  for (let i = 0; i < items.length; i += 200) {
    await trx
      .insertInto('notifications')
      .values(
        items.slice(i, i + 200).map((n) => ({
          id: uuidv7(now.getTime()),
          person_id: n.personId,
          kind: n.kind,
          event_key: n.eventKey,
          finding_id: n.findingId ?? null,
          system_id: n.systemId ?? null,
          params_json: JSON.stringify(n.params),
          created_at: now.toISOString(),
          read_at: null,
          emailed_at: null,
        })),
      )
      .onConflict((oc) => oc.columns(['person_id', 'event_key']).doNothing())
      .execute();
  }
}

// ——— The list ———

export interface NotificationFilter {
  personId: string;
  unread?: boolean | undefined;
}

const filtered = (db: Q, f: NotificationFilter) => {
  let q = db.selectFrom('notifications as n').where('n.person_id', '=', f.personId);
  if (f.unread) q = q.where('n.read_at', 'is', null);
  return q;
};

/** A person's notifications, newest first (keyset: created_at, id). */
export async function listNotifications(db: Q, f: NotificationFilter & { after?: { c: string; id: string } | undefined }, limit: number) {
  let q = filtered(db, f).selectAll('n').orderBy('n.created_at', 'desc').orderBy('n.id', 'desc').limit(limit + 1);
  if (f.after) {
    const { c, id } = f.after;
    q = q.where(sql<SqlBool>`(n.created_at < ${c} or (n.created_at = ${c} and n.id < ${id}))`);
  }
  const rows = await q.execute();
  return { rows: rows.slice(0, limit), hasMore: rows.length > limit };
}

export async function countNotifications(db: Q, f: NotificationFilter): Promise<number> {
  const row = await filtered(db, f)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirst();
  return toCount(row?.n as string | number | undefined);
}

/** Marks a person's own notifications read: the given ones, or all. Returns how many changed. */
export async function markRead(db: Q, personId: string, which: { ids: readonly string[] } | 'all', at: string): Promise<number> {
  let q = db.updateTable('notifications').set({ read_at: at }).where('person_id', '=', personId).where('read_at', 'is', null);
  if (which !== 'all') {
    if (!which.ids.length) return 0;
    q = q.where('id', 'in', which.ids);
  }
  const result = await q.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

// ——— Reminder settings and the calendar ———

export function reminderSettings(db: Q, userId: string): Promise<ReminderSettingsTable | undefined> {
  return db.selectFrom('reminder_settings').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

type SettingsChange = Partial<Pick<ReminderSettingsTable, 'frequency' | 'calendar_token_hash' | 'calendar_created_at' | 'last_digest_at'>>;

/** Creates a user's settings row or changes the given columns of it. */
export async function upsertSettings(trx: Q, userId: string, change: SettingsChange, at: string): Promise<void> {
  await trx
    .insertInto('reminder_settings')
    .values({
      user_id: userId,
      frequency: null,
      calendar_token_hash: null,
      calendar_created_at: null,
      tasks_seen_at: null,
      last_digest_at: null,
      ...change,
      updated_at: at,
    })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ ...change, updated_at: at }))
    .execute();
}

/** The owner of a calendar feed: an active user with the token's hash, their language and person. */
export async function calendarOwner(db: Q, tokenHash: string) {
  const row = await db
    .selectFrom('reminder_settings as rs')
    .innerJoin('users as u', 'u.id', 'rs.user_id')
    .leftJoin('people as p', (j) => j.onRef('p.email', '=', 'u.email').on('p.status', '=', 'active'))
    .select(['u.id', 'u.locale', 'u.person_id', 'p.id as by_email'])
    .where('rs.calendar_token_hash', '=', tokenHash)
    .where('u.status', '=', 'active')
    .executeTakeFirst();
  return row ? { userId: row.id, locale: row.locale, personId: row.person_id ?? row.by_email ?? null } : null;
}

/** Open findings a person owns with a due date and something left to do, soonest first (the calendar's events). */
export function calendarFindings(db: Q, personId: string, limit: number) {
  return db
    .selectFrom('findings')
    .select(['id', 'key', 'fingerprint', 'params_json', 'due_on', 'text_sv', 'text_en', 'subject_name'])
    .where('owner_person_id', '=', personId)
    .where('status', '=', 'open')
    .where('due_on', 'is not', null)
    .where('handling', 'in', ['none', 'acknowledged', 'risk_proposed'])
    .orderBy('due_on')
    .orderBy('id')
    .limit(limit)
    .execute();
}

// ——— The due-date check ———

/**
 * Open findings with an owner, nothing done yet (handling none or acknowledged) and a due date on or before
 * `soonUntil`, whose owner has not been told of this due state of this due date: the event key is computed here
 * as the notification's (`overdue:<id>:<due_on>` when the date has passed, else `due_soon:<id>:<due_on>`), so an
 * hourly check reads only what is new. Keyset over id, in chunks.
 */
export function untoldDueFindings(db: Q, q: { today: string; soonUntil: string; afterId: string | null; limit: number }) {
  const kind = sql<string>`case when f.due_on < ${q.today} then 'overdue' else 'due_soon' end`;
  const eventKey = sql<string>`${kind} || ':' || f.id || ':' || f.due_on`;
  let query = db
    .selectFrom('findings as f')
    .innerJoin('people as p', 'p.id', 'f.owner_person_id')
    .select(['f.id', 'f.owner_person_id', 'f.system_id', 'f.due_on', 'f.text_sv', 'f.text_en', 'f.subject_name', kind.as('kind')])
    .where('f.status', '=', 'open')
    .where('f.handling', 'in', ['none', 'acknowledged'])
    .where('f.owner_person_id', 'is not', null)
    .where('f.due_on', '<=', q.soonUntil)
    .where('p.status', '=', 'active')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('notifications as n')
            .select('n.id')
            .whereRef('n.person_id', '=', 'f.owner_person_id')
            .where('n.event_key', '=', eventKey),
        ),
      ),
    )
    .orderBy('f.id')
    .limit(q.limit);
  if (q.afterId) query = query.where('f.id', '>', q.afterId);
  return query.execute();
}

/** Of these findings, those whose text names another system (a retired dependency): the ones to redact for a reader. */
export function dependencyFindings(db: Q, ids: readonly string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db
    .selectFrom('findings')
    .select(['id', 'key', 'fingerprint', 'params_json', 'text_sv', 'text_en'])
    .where('id', 'in', ids)
    .where('key', '=', 'dependency_retired')
    .execute();
}
