import type { QueryCreator } from 'kysely';
import { announce, collect, feedInstanceId, feedRows, note } from '../changes.ts';
import type { Ctx } from '../context.ts';
import { refreshStatistics, type Db, type Dialect, type Tx } from '../db/index.ts';
import type { Database } from '../db/schema.ts';
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

/** An event as recorded, before the chain gives it its place (seq, prev_hash) and its hash. */
type Draft = Omit<ChainedEvent, 'seq' | 'prev_hash'>;

/**
 * A write that can stand in a data-modifying `with` on PostgreSQL: an update or insert built on the creator given
 * (the transaction itself, or the `with`'s own).
 */
export type ChainedWrite = (db: QueryCreator<Database>) => { execute(): Promise<unknown> };

/** What a transaction opened by inTransaction writes with the chain when it is about to commit. */
interface AtCommit {
  drafts: Draft[];
  writes: ChainedWrite[];
}
const atCommit = new WeakMap<Tx, AtCommit>();

/**
 * Appends many events at once (imports): one lock, one read of the chain's head, chained in memory,
 * inserted in chunks. Same guarantees as recordAudit. In a transaction of inTransaction's the events are written
 * when it is about to commit (see there); in any other they are written now.
 */
export async function recordAuditMany(trx: Tx, ctx: Ctx, inputs: readonly AuditInput[]): Promise<void> {
  if (inputs.length === 0) return;
  const at = ctx.now();
  // An import records tens of thousands of events: serialising them gives way to other requests.
  const pace = pacer();
  const drafts: Draft[] = [];
  for (const input of inputs) {
    drafts.push({
      id: uuidv7(at.getTime()),
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
    });
    await pace();
  }
  note(trx, inputs.map((i) => ({ entityType: i.entityType, entityId: i.entityId, action: i.action })));
  const later = atCommit.get(trx);
  if (later) for (const d of drafts) later.drafts.push(d);
  else await writeChain(trx, ctx.dialect, drafts, []);
}

/**
 * A write to a row that many transactions update at once (a reviewer's tally), made with the chain's: in the
 * statement that moves the chain's head, just before commit, so the row is locked for the commit alone, not across
 * the transaction's round trips. It is made under the chain's lock, so such writes never wait for one another in a
 * different order. Outside inTransaction it is made now.
 */
export async function writeWithTheChain(trx: Tx, write: ChainedWrite): Promise<void> {
  const later = atCommit.get(trx);
  if (later) later.writes.push(write);
  else await write(trx).execute();
}

/**
 * Chains the drafts after the head and writes them, the head, and the other writes (the change feed's rows, those
 * of writeWithTheChain). On PostgreSQL the head is taken `for update` (held until commit) and everything after the
 * events' earlier chunks is one statement: the chain is held for two round trips and the commit.
 */
async function writeChain(trx: Tx, dialect: Dialect, drafts: readonly Draft[], others: readonly ChainedWrite[]): Promise<void> {
  if (!drafts.length && !others.length) return;
  const head = await holdChainHead(trx, dialect);
  const pace = pacer();
  let seq = head.seq;
  let prevHash = head.hash;
  const rows: Array<ChainedEvent & { hash: string }> = [];
  for (const draft of drafts) {
    seq += 1;
    const event: ChainedEvent = { ...draft, seq, prev_hash: prevHash };
    prevHash = eventHash(event);
    rows.push({ ...event, hash: prevHash });
    await pace();
  }
  const lastChunk = rows.length ? rows.length - 1 - ((rows.length - 1) % INSERT_CHUNK) : 0;
  for (let i = 0; i < lastChunk; i += INSERT_CHUNK) {
    await trx.insertInto('audit_events').values(rows.slice(i, i + INSERT_CHUNK)).execute();
    await pace();
  }
  const moved = { seq, hash: prevHash };
  const writes = rows.length
    ? [
        (db: QueryCreator<Database>) => db.updateTable('audit_chain_head').set(moved).where('id', '=', 1),
        ...others,
        (db: QueryCreator<Database>) => db.insertInto('audit_events').values(rows.slice(lastChunk)),
      ]
    : others;
  await inOneStatement(trx, dialect, writes);
  movedChainHead(trx, moved);
}

/** The writes in one statement on PostgreSQL (each but the last in a data-modifying `with`); one by one on SQLite. */
async function inOneStatement(trx: Tx, dialect: Dialect, writes: readonly ChainedWrite[]): Promise<void> {
  if (dialect !== 'postgres') {
    for (const write of writes) await write(trx).execute();
    return;
  }
  let db: QueryCreator<Database> = trx;
  // Only the statement's text matters here: the names the `with`s add to its types are never read.
  writes.slice(0, -1).forEach((write, i) => {
    db = db.with(`w${i}`, (c) => write(c) as never) as unknown as QueryCreator<Database>;
  });
  await writes[writes.length - 1]!(db).execute();
}

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
  const waiting = (atCommit.get(trx)?.drafts ?? []).filter((d) => d.request_id === ctx.requestId && d.origin === ctx.origin).length;
  return Number(row?.n ?? 0) + waiting;
}

/**
 * Runs fn in a transaction; use cases call this and record their audit events inside. The events are chained and
 * written when fn is done, just before commit, with the change feed's rows (PostgreSQL): the chain's head, which
 * every audited write takes and holds until it commits, is taken last and held for two round trips and the commit
 * (docs/DECISIONS.md, "The audit chain is written last"). Once it has committed, its audited changes are announced
 * (platform/changes.ts).
 */
export async function inTransaction<T>(ctx: Ctx, fn: (trx: Tx) => Promise<T>): Promise<T> {
  let changes: readonly { entityType: string; entityId: string; action: string }[] = [];
  const result = await ctx.db.transaction().execute(async (trx) => {
    changes = collect(trx);
    const later: AtCommit = { drafts: [], writes: [] };
    atCommit.set(trx, later);
    const out = await fn(trx);
    // Other instances on the same PostgreSQL database follow the change through the feed.
    const feed = feedRows(ctx.dialect, feedInstanceId(ctx.db), ctx.now(), changes);
    const feedWrite: ChainedWrite[] = feed.length ? [(db) => db.insertInto('change_feed').values(feed)] : [];
    await writeChain(trx, ctx.dialect, later.drafts, [...feedWrite, ...later.writes]);
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
