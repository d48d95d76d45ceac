import type { Dialect, Tx } from '../db/index.ts';

/** The audit chain's last event: its sequence number and hash (GENESIS_HASH and 0 before the first). */
export interface ChainHead {
  seq: number;
  hash: string;
}

/** The head each transaction holds, as it stands after that transaction's own events so far. */
const held = new WeakMap<Tx, ChainHead>();

/**
 * Takes the audit chain's head for this transaction, once: on PostgreSQL the row is read `for update`, which waits
 * for a transaction holding it and then reads it as that one committed, so taking the lock and reading the head are
 * one round trip. Until commit no other transaction records events or writes the change feed. SQLite transactions
 * are serial already.
 */
export async function holdChainHead(trx: Tx, dialect: Dialect): Promise<ChainHead> {
  const mine = held.get(trx);
  if (mine) return mine;
  const q = trx.selectFrom('audit_chain_head').select(['seq', 'hash']).where('id', '=', 1);
  const row = await (dialect === 'postgres' ? q.forUpdate() : q).executeTakeFirst();
  if (!row) throw new Error('the audit chain has no head (migration 0024_audit_chain_head)');
  const head = { seq: Number(row.seq), hash: row.hash };
  held.set(trx, head);
  return head;
}

/** The head this transaction holds once its events are written (the caller writes the row in the same statement). */
export function movedChainHead(trx: Tx, head: ChainHead): void {
  held.set(trx, head);
}
