import type { Db, Tx } from './db/index.ts';

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
  pending.get(trx)?.push(...changes);
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
