import { onCommitted } from '../changes.ts';
import type { Db, DbHandle } from '../db/index.ts';
import type { Listening } from '../db/pg-listen.ts';
import { SessionCache } from './session-cache.ts';

/**
 * Keeps the sessions cache of a PostgreSQL database true (docs/PERFORMANCE.md, "The session between requests").
 * Triggers on sessions, users and permission_grants (migration 0023) send the user's id on the `ansvar_auth`
 * channel when anything the session lookup reads changes; every instance LISTENs and drops that user's entries.
 * This instance's own audited changes drop them at commit too, before its answer leaves. SQLite has no cache: its
 * lookup is a call into the same process, and another process (a CLI) could change the file unheard.
 */
export const AUTH_CHANNEL = 'ansvar_auth';

interface Kept {
  cache: SessionCache;
  listening: Listening;
}

const kept = new WeakMap<Db, Kept>();

/** The database's sessions cache, when one is kept (PostgreSQL, while its app runs). */
export const sessionCacheOf = (db: Db): SessionCache | undefined => kept.get(db)?.cache;

/** Starts the cache and what keeps it true; returns the function that stops both. A no-op on SQLite. */
export function startSessionCache(handle: DbHandle): () => Promise<void> {
  if (!handle.listen || kept.has(handle.db)) return async () => undefined;
  const cache = new SessionCache();
  const listening = handle.listen(AUTH_CHANNEL, {
    message: (userId) => cache.dropUser(userId),
    up: () => cache.enable(),
    down: () => cache.disable(),
  });
  const unlisten = onCommitted(handle.db, (changes) => {
    for (const c of changes) {
      if (c.entityType === 'user') cache.dropUser(c.entityId);
      else if (c.entityType === 'permission_grant') cache.clear();
    }
  });
  kept.set(handle.db, { cache, listening });
  return async () => {
    unlisten();
    kept.delete(handle.db);
    cache.disable();
    await listening.stop();
  };
}

/**
 * Resolves once this instance has heard every change to sessions, users and grants committed before the call. For
 * writes made outside the application (a test's fixture, an operator's SQL), whose notice comes a moment later.
 */
export async function sessionChangesHeard(db: Db): Promise<void> {
  await kept.get(db)?.listening.sync();
}

/** The server process of the connection that listens for this database's session changes (tests end it). */
export const sessionListenerPid = (db: Db): number | null => kept.get(db)?.listening.backendPid() ?? null;
