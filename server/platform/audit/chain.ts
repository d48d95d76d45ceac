import { createHash } from 'node:crypto';

/** The fields of an event that its hash covers, in a fixed order. */
export interface ChainedEvent {
  id: string;
  seq: number;
  at: string;
  actor_id: string | null;
  origin: string;
  request_id: string | null;
  entity_type: string;
  entity_id: string;
  action: string;
  before_json: string | null;
  after_json: string | null;
  message: string | null;
  prev_hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

export function eventHash(e: ChainedEvent): string {
  const canonical = JSON.stringify([
    e.prev_hash, e.seq, e.id, e.at, e.actor_id, e.origin, e.request_id,
    e.entity_type, e.entity_id, e.action, e.before_json, e.after_json, e.message,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

export type ChainBreak = { seq: number; id: string; reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'sequence_gap' };

/**
 * Checks events in sequence order against the previous hash. Pure: the caller streams batches through it.
 */
export class ChainVerifier {
  private prevHash = GENESIS_HASH;
  private expectedSeq = 1;
  count = 0;

  check(e: ChainedEvent & { hash: string }): ChainBreak | null {
    if (e.seq !== this.expectedSeq) return { seq: e.seq, id: e.id, reason: 'sequence_gap' };
    if (e.prev_hash !== this.prevHash) return { seq: e.seq, id: e.id, reason: 'prev_hash_mismatch' };
    if (eventHash(e) !== e.hash) return { seq: e.seq, id: e.id, reason: 'hash_mismatch' };
    this.prevHash = e.hash;
    this.expectedSeq += 1;
    this.count += 1;
    return null;
  }
}
