import type { Ctx } from '../../../platform/context.ts';
import type { Tx } from '../../../platform/db/index.ts';

/**
 * What a full user-list import tells the modules above it, in its transaction: the system and the grants it ended.
 * Access orders confirm their removals through it (docs/ACCESS.md, "The trail", step 4) — they import this module,
 * so this module cannot import them. Each instance registers its listeners at start (the wiring of one process, not
 * coordination between instances: the listener works only on the transaction it is given).
 */
export type AfterFullImport = (trx: Tx, ctx: Ctx, s: { systemId: string; endedGrantIds: readonly string[] }) => Promise<void>;

const listeners = new Set<AfterFullImport>();

/** Registers a listener; returns the function that removes it. */
export function afterFullImport(listener: AfterFullImport): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

export async function fullImportApplied(trx: Tx, ctx: Ctx, s: { systemId: string; endedGrantIds: readonly string[] }): Promise<void> {
  for (const listener of listeners) await listener(trx, ctx, s);
}
