import { announce, collect, feedInstanceId, note, writeFeed } from '../changes.ts';
import type { Ctx } from '../context.ts';
import { refreshStatistics, type Db, type Tx } from '../db/index.ts';
import { uuidv7 } from '../ids.ts';
import { ChainVerifier, eventHash, type ChainBreak, type ChainedEvent } from './chain.ts';
import { holdChainHead, movedChainHead } from './head.ts';
import { pacer } from '../pace.ts';

export interface AuditInput {
  entityType: string;
  entityId: string;
  action: string;
  before?: unknown;
  after?: unknown;
  message?: string | null;
}

const json = (v: unknown): string | null => (v === undefined || v === null ? null : JSON.stringify(v));

/**
 * Appends one event to the hash-chained trail inside the caller's transaction, so the event
 * exists exactly when the change does.
 */
export function recordAudit(trx: Tx, ctx: Ctx, input: AuditInput): Promise<void> {
  return recordAuditMany(trx, ctx, [input]);
}

const INSERT_CHUNK = 500;

/** A transaction with this many audited changes is a bulk write (an import): statistics are refreshed after it. */
const BULK_CHANGES = 1000;

/**
 * Appends many events at once (imports): one lock, one read of the chain's head, chained in memory,
 * inserted in chunks. Same guarantees as recordAudit.
 */
export async function recordAuditMany(trx: Tx, ctx: Ctx, inputs: readonly AuditInput[]): Promise<void> {
  if (inputs.length === 0) return;
  const head = await holdChainHead(trx, ctx.dialect);
  const at = ctx.now();
  let seq = head.seq;
  let prevHash = head.hash;
  // An import records tens of thousands of events: hashing and writing them gives way to other requests.
  const pace = pacer();
  const rows: Array<ChainedEvent & { hash: string }> = [];
  for (const input of inputs) {
    seq += 1;
    const event: ChainedEvent = {
      id: uuidv7(at.getTime()),
      seq,
      at: at.toISOString(),
      actor_id: ctx.actor?.userId ?? null,
      origin: ctx.origin,
      request_id: ctx.requestId,
      entity_type: input.entityType,
      entity_id: input.entityId,
      action: input.action,
      before_json: json(input.before),
      after_json: json(input.after),
      message: input.message ?? null,
      prev_hash: prevHash,
    };
    prevHash = eventHash(event);
    rows.push({ ...event, hash: prevHash });
    await pace();
  }
  const moved = { seq, hash: prevHash };
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const chunk = rows.slice(i, i + INSERT_CHUNK);
    if (i + INSERT_CHUNK < rows.length) await trx.insertInto('audit_events').values(chunk).execute();
    // The last chunk moves the head: in the same statement on PostgreSQL (one round trip fewer while it is held).
    else if (ctx.dialect === 'postgres') {
      await trx
        .with('moved', (db) => db.updateTable('audit_chain_head').set(moved).where('id', '=', 1))
        .insertInto('audit_events')
        .values(chunk)
        .execute();
    } else {
      await trx.insertInto('audit_events').values(chunk).execute();
      await trx.updateTable('audit_chain_head').set(moved).where('id', '=', 1).execute();
    }
    await pace();
  }
  movedChainHead(trx, moved);
  note(trx, inputs.map((i) => ({ entityType: i.entityType, entityId: i.entityId, action: i.action })));
}

/**
 * Runs fn in a transaction; use cases call this and record their audit events inside. Once it has
 * committed, its audited changes are announced (platform/changes.ts).
 */
/**
 * How many events this request has recorded so far in the transaction (an import's changes, counted once when
 * the import records its own entry, so the grouped trail need not count them on every read).
 */
export async function eventsOfRequest(trx: Tx, ctx: Ctx): Promise<number> {
  if (!ctx.requestId) return 0;
  const row = await trx
    .selectFrom('audit_events')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('request_id', '=', ctx.requestId)
    .where('origin', '=', ctx.origin)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function inTransaction<T>(ctx: Ctx, fn: (trx: Tx) => Promise<T>): Promise<T> {
  let changes: readonly { entityType: string; entityId: string; action: string }[] = [];
  const result = await ctx.db.transaction().execute(async (trx) => {
    changes = collect(trx);
    const out = await fn(trx);
    // Other instances on the same PostgreSQL database follow the change through the feed.
    await writeFeed(trx, ctx.dialect, feedInstanceId(ctx.db), ctx.now(), changes);
    return out;
  });
  announce(ctx.db, changes);
  // Statistics only help the planner: the write has committed, so a failure here must not turn it into an error.
  if (changes.length >= BULK_CHANGES) await refreshStatistics(ctx.db, ctx.dialect).catch(() => undefined);
  return result;
}

export type VerifyResult = { ok: true; count: number } | { ok: false; count: number; broken: ChainBreak };

/** Walks the whole chain in batches, in sequence order. */
export async function verifyAuditChain(db: Db, batchSize = 1000): Promise<VerifyResult> {
  const verifier = new ChainVerifier();
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('seq', '>', after)
      .orderBy('seq', 'asc')
      .limit(batchSize)
      .execute();
    for (const row of rows) {
      const broken = verifier.check({ ...row, seq: Number(row.seq) });
      if (broken) return { ok: false, count: verifier.count, broken };
    }
    if (rows.length < batchSize) return { ok: true, count: verifier.count };
    after = Number(rows[rows.length - 1]!.seq);
  }
}
