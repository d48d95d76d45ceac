import type { Grant } from '../access/permissions.ts';
import type { SessionUser } from './sessions.ts';

/**
 * The sessions this instance has resolved lately, so a signed-in request on PostgreSQL does not pay a round trip
 * for its session (docs/PERFORMANCE.md, "The session between requests"). Only a session found valid is kept; any
 * refusal reads the database again. What keeps it true is outside this file: the database tells every instance
 * when a session, a user or a grant changes (platform/auth/session-invalidation.ts), and the entries of that user
 * go. While that channel is down nothing is kept or served (`enabled`).
 *
 * A lookup that was under way when its user's entries were dropped must not store what it read before the change:
 * `mark()` before the lookup, `put(…, mark)` after it, and a drop of that user (or of everything) in between makes
 * the mark stale. Drops of other users do not, so a busy installation still keeps its sessions.
 */
export interface CachedSession {
  session: SessionUser;
  grants: Grant[];
  /** When the session was last written as used (ms); this instance moves it when it writes. */
  lastSeenMs: number;
  expiresMs: number;
}

interface Entry {
  value: CachedSession;
  storedMs: number;
}

/** Entries kept at most (the oldest go first). */
const MAX_ENTRIES = 10_000;
/** An entry is read from the database again after this long, whatever was heard. */
export const SESSION_CACHE_TTL_MS = 30_000;

export class SessionCache {
  private readonly entries = new Map<string, Entry>();
  private readonly byUser = new Map<string, Set<string>>();
  /** Counts drops and clears; a mark is the count when a lookup began. */
  private generation = 0;
  /** The count at the last clear, and at each user's last drop since then. */
  private clearedAt = 0;
  private readonly droppedAt = new Map<string, number>();
  private on = false;

  get enabled(): boolean {
    return this.on;
  }

  /** Serves and stores from now on (the invalidation channel is listening); starts empty. */
  enable(): void {
    this.clear();
    this.on = true;
  }

  /** Stops serving and forgets everything (the channel is down: changes may go unheard). */
  disable(): void {
    this.on = false;
    this.clear();
  }

  get(sessionId: string, nowMs: number): CachedSession | undefined {
    if (!this.on) return undefined;
    const entry = this.entries.get(sessionId);
    if (!entry) return undefined;
    if (nowMs - entry.storedMs >= SESSION_CACHE_TTL_MS || nowMs < entry.storedMs) {
      this.remove(sessionId, entry.value.session.userId);
      return undefined;
    }
    return entry.value;
  }

  mark(): number {
    return this.generation;
  }

  put(sessionId: string, value: CachedSession, mark: number, nowMs: number): void {
    const userId = value.session.userId;
    if (!this.on || this.clearedAt > mark || (this.droppedAt.get(userId) ?? 0) > mark) return;
    if (!this.entries.has(sessionId) && this.entries.size >= MAX_ENTRIES) {
      const [oldest, entry] = this.entries.entries().next().value!;
      this.remove(oldest, entry.value.session.userId);
    }
    this.entries.set(sessionId, { value, storedMs: nowMs });
    let ids = this.byUser.get(userId);
    if (!ids) this.byUser.set(userId, (ids = new Set()));
    ids.add(sessionId);
  }

  /** Something about this user changed (a session ended, their status, name, language or grants). */
  dropUser(userId: string): void {
    // Remembering every dropped user would grow without end: past a bound, forget everything instead.
    if (this.droppedAt.size >= MAX_ENTRIES) return this.clear();
    this.droppedAt.set(userId, ++this.generation);
    for (const id of this.byUser.get(userId) ?? []) this.entries.delete(id);
    this.byUser.delete(userId);
  }

  clear(): void {
    this.clearedAt = ++this.generation;
    this.droppedAt.clear();
    this.entries.clear();
    this.byUser.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  private remove(sessionId: string, userId: string): void {
    this.entries.delete(sessionId);
    const ids = this.byUser.get(userId);
    ids?.delete(sessionId);
    if (ids?.size === 0) this.byUser.delete(userId);
  }
}
