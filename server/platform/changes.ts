import type { Db, Dialect, Tx } from './db/index.ts';

/**
 * Committed changes, as an in-process feed: every audited change (recordAudit) is announced to the
 * listeners of its database once its transaction has committed, never before and never after a
 * rollback. Derived data (the findings) listens here instead of every use case calling it.
 */
export interface Change {
  entityType: string;
  entityId: string;
  action: string;
}

export type ChangeListener = (changes: readonly Change[]) => void;

const listeners = new WeakMap<Db, Set<ChangeListener>>();
const pending = new WeakMap<Tx, Change[]>();

/** Listens to the committed changes of one database; returns the function that stops listening. */
export function onCommitted(db: Db, listener: ChangeListener): () => void {
  let set = listeners.get(db);
  if (!set) listeners.set(db, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}

/** Starts collecting the changes of a transaction (inTransaction calls this). */
export function collect(trx: Tx): Change[] {
  const list: Change[] = [];
  pending.set(trx, list);
  return list;
}

/** Notes changes made in a transaction (recordAudit calls this). */
export function note(trx: Tx, changes: readonly Change[]): void {
  const list = pending.get(trx);
  // One at a time: spreading a very large import's changes into push() would overflow the stack.
  if (list) for (const c of changes) list.push(c);
}

/** Announces a committed transaction's changes. A listener that throws does not affect the others or the caller. */
export function announce(db: Db, changes: readonly Change[]): void {
  if (!changes.length) return;
  for (const listener of listeners.get(db) ?? []) {
    try {
      listener(changes);
    } catch {
      /* listeners handle their own errors; a change is never undone by one */
    }
  }
}

const settlers = new WeakMap<Db, Set<() => Promise<void>>>();

/** Registers how data derived from a database's changes catches up with them (the findings refresher does). */
export function onSettle(db: Db, settle: () => Promise<void>): () => void {
  let set = settlers.get(db);
  if (!set) settlers.set(db, (set = new Set()));
  set.add(settle);
  return () => set.delete(settle);
}

/**
 * Waits until the derived data reflects every change committed so far: a read that filters on it
 * (systems with open findings) calls this first, so a user sees the effect of their own last write.
 */
export async function settled(db: Db): Promise<void> {
  await Promise.all([...(settlers.get(db) ?? [])].map((settle) => settle()));
}

// ——— Several instances (PostgreSQL): the change feed ———

/** A transaction with more changes than this writes one "everything" row instead (an import). */
const FEED_MAX_ROWS = 500;
/** Feed rows older than this are removed (an instance that was away longer refreshes everything on return). */
const FEED_KEEP_MS = 24 * 60 * 60 * 1000;

/** A row of `change_feed`. */
export interface FeedRow {
  at: string;
  instance_id: string;
  entity_type: string;
  entity_id: string;
  action: string;
}

/**
 * The `change_feed` rows of a transaction's changes (PostgreSQL only: one SQLite file has one instance). The audit
 * chain writes them in the statement that moves its head, just before commit (platform/audit/audit.ts,
 * inTransaction): they exist exactly when the change does, and they are written under the chain's lock, which every
 * audited transaction holds until it commits, so the feed's sequence numbers become visible in order and a reader
 * that remembers the last one it saw misses nothing.
 */
export function feedRows(dialect: Dialect, instanceId: string, at: Date, changes: readonly Change[]): FeedRow[] {
  if (dialect !== 'postgres' || !changes.length) return [];
  const unique = [...new Map(changes.filter((c) => c.action !== 'dry_run').map((c) => [`${c.entityType}|${c.entityId}`, c])).values()];
  if (!unique.length) return [];
  const rows = unique.length > FEED_MAX_ROWS ? [{ entityType: EVERYTHING, entityId: '', action: 'bulk' }] : unique;
  return rows.map((c) => ({ at: at.toISOString(), instance_id: instanceId, entity_type: c.entityType, entity_id: c.entityId, action: c.action }));
}

/** The entity type of a feed row that stands for many changes: listeners treat it as "everything may have changed". */
export const EVERYTHING = '*';

const feedInstances = new WeakMap<Db, string>();
/** The instance id inTransaction writes into the feed for a database (set once by the app that opened it). */
export const setFeedInstance = (db: Db, id: string): void => {
  feedInstances.set(db, id);
};
export const feedInstanceId = (db: Db): string => feedInstances.get(db) ?? '';

/**
 * Follows the other instances' committed changes (PostgreSQL): reads the feed after the last row it saw, each
 * pollMs, and announces them here as if they had been made here, so the findings follow them within a second or
 * two. Removes rows older than a day now and then.
 */
export class ChangeFeedFollower {
  private last: string | null = null;
  private timer: NodeJS.Timeout | null = null;
  private busy: Promise<number> | null = null;
  private polls = 0;

  constructor(
    private readonly services: { db: Db; dialect: Dialect; now: () => Date },
    private readonly instanceId: string,
    private readonly onError: (err: unknown) => void,
  ) {}

  /** Starts after the newest row there is now (what came before, this instance's first refresh covers). */
  async start(pollMs: number): Promise<void> {
    if (this.services.dialect !== 'postgres') return;
    await this.catchUpFrom();
    this.timer = setInterval(() => {
      this.poll().catch(this.onError);
    }, pollMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private async catchUpFrom(): Promise<void> {
    const row = await this.services.db.selectFrom('change_feed').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirst();
    this.last = row?.seq === null || row?.seq === undefined ? '0' : String(row.seq);
  }

  /** Reads and announces the other instances' new changes; returns how many. */
  poll(): Promise<number> {
    if (this.services.dialect !== 'postgres') return Promise.resolve(0);
    if (this.busy) return this.busy;
    this.busy = (async () => {
      if (this.last === null) await this.catchUpFrom();
      let seen = 0;
      for (;;) {
        const rows = await this.services.db
          .selectFrom('change_feed')
          .select(['seq', 'instance_id', 'entity_type', 'entity_id', 'action'])
          .where('seq', '>', this.last!)
          .orderBy('seq')
          .limit(1000)
          .execute();
        if (!rows.length) break;
        this.last = String(rows[rows.length - 1]!.seq);
        const others = rows.filter((r) => r.instance_id !== this.instanceId);
        seen += others.length;
        announce(
          this.services.db,
          others.map((r) => ({ entityType: r.entity_type, entityId: r.entity_id, action: r.action })),
        );
        if (rows.length < 1000) break;
      }
      if (++this.polls % 600 === 0) {
        const before = new Date(this.services.now().getTime() - FEED_KEEP_MS).toISOString();
        await this.services.db.deleteFrom('change_feed').where('at', '<', before).execute();
      }
      return seen;
    })().finally(() => {
      this.busy = null;
    });
    return this.busy;
  }
}
