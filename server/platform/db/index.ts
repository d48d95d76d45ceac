import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql, type CompiledQuery, type SqliteDatabase, type Transaction } from 'kysely';
import pg from 'pg';
import { KeptPlanDialect } from './pg-compiler.ts';
import { listen, type ListenHandlers, type Listening } from './pg-listen.ts';
import { preparingPool } from './pg-prepared.ts';
import type { Database } from './schema.ts';

export type Dialect = 'sqlite' | 'postgres';
export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Anything that runs queries: the database or an open transaction. */
export type Queryable = Kysely<Database>;

export interface DbHandle {
  db: Db;
  /**
   * Reads of committed data that never wait behind a write. On SQLite a second, read-only connection:
   * WAL lets it read while a long write (an import, a findings refresh) holds the writing connection,
   * and it never sees another request's open transaction. On PostgreSQL the same pool as `db`.
   */
  reader: Db;
  dialect: Dialect;
  /** Where the data lives, for messages (file path or URL without password). */
  location: string;
  /** The raw better-sqlite3 handle, for online backup. */
  sqlite?: SQLite.Database;
  /**
   * Runs a compiled read on committed data, for the per-request session lookup. On SQLite it uses a
   * second, read-only connection (WAL lets it read while the writer works, and it never sees another
   * request's open transaction); on PostgreSQL it is an ordinary pooled query.
   */
  readCommitted: <R>(query: CompiledQuery<R>) => Promise<R[]>;
  /** PostgreSQL only: LISTEN on a channel, on a connection of its own (platform/db/pg-listen.ts). */
  listen?: (channel: string, handlers: ListenHandlers) => Listening;
  destroy(): Promise<void>;
}

export interface DbOptions {
  dataDir: string;
  databaseUrl?: string | undefined;
  /** PostgreSQL only: a schema to use instead of public (tests use one per suite). */
  schema?: string;
  /** SQLite only: a file name inside dataDir (default ansvar.sqlite). */
  sqliteFile?: string;
}

export function createDb(options: DbOptions): DbHandle {
  if (options.databaseUrl) {
    const connection: pg.ClientConfig = {
      connectionString: options.databaseUrl,
      // A schema of its own is what tests use; their databases gather many schemas, and a parallel plan over the
      // catalogue could not find the new one ("schema … does not exist" in a parallel worker): no parallel plans there.
      ...(options.schema ? { options: `-c search_path=${options.schema} -c max_parallel_workers_per_gather=0` } : {}),
    };
    const pool = new pg.Pool({ ...connection, max: 10 });
    const db = new Kysely<Database>({ dialect: new KeptPlanDialect({ pool: preparingPool(pool) }) });
    const url = new URL(options.databaseUrl);
    url.password = '';
    const readCommitted = async <R>(query: CompiledQuery<R>) => (await db.executeQuery(query)).rows;
    return {
      db,
      reader: db,
      dialect: 'postgres',
      location: url.toString(),
      readCommitted,
      listen: (channel, handlers) => listen(connection, channel, handlers),
      destroy: () => db.destroy(),
    };
  }
  const file = join(options.dataDir, options.sqliteFile ?? 'ansvar.sqlite');
  const sqlite = new SQLite(file);
  // Password hashes and session data live here: owner only (SQLite gives its -wal and -shm files the same mode).
  chmodSync(file, 0o600);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // A commit waits until its log is on the disk: with NORMAL a commit acknowledged just before the machine (not
  // the process) stopped could be gone after it. DECISIONS.md, "An acknowledged write survives the machine".
  sqlite.pragma('synchronous = FULL');
  // A log grown by a large write (a campaign's million grants) is cut back to this size when it starts over.
  sqlite.pragma(`journal_size_limit = ${64 * 1024 * 1024}`);
  // Planner statistics: without them SQLite picks poor indexes once tables grow (e.g. role assignments by
  // principal instead of subject). Analyse what needs it at open, bounded; bulk writes analyse again.
  sqlite.pragma('analysis_limit = 1000');
  sqlite.pragma('optimize = 0x10002');
  const writeConn = withStatementCache(sqlite);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: writeConn }) });
  const conn = new SQLite(file, { readonly: true, fileMustExist: true });
  conn.pragma('busy_timeout = 5000');
  const readConn = readsOnIdleWriter(withStatementCache(conn), writeConn, sqlite);
  const reader = new Kysely<Database>({ dialect: new SqliteDialect({ database: readConn }) });
  const readCommitted = <R>(query: CompiledQuery<R>): Promise<R[]> => Promise.resolve(readConn.prepare(query.sql).all(query.parameters) as R[]);
  return {
    db,
    reader,
    dialect: 'sqlite',
    location: file,
    sqlite,
    readCommitted,
    destroy: async () => {
      await reader.destroy();
      await db.destroy();
    },
  };
}

const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely's SQLite driver prepares every statement anew on each query; preparing costs more than running
 * a small indexed query. Statements are kept per SQL text (bounded, oldest dropped first). Safe because
 * the driver runs one query at a time on its single connection.
 */
function withStatementCache(sqlite: SQLite.Database): CachedStatements {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sqlText: string) {
      let stmt = cache.get(sqlText);
      if (!stmt) {
        stmt = sqlite.prepare(sqlText);
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
        cache.set(sqlText, stmt);
      }
      return stmt;
    },
  };
}

interface CachedStatements {
  close(): void;
  prepare(sqlText: string): SQLite.Statement;
}

/**
 * Committed reads go to the writing connection while it holds no open transaction, and to the read-only
 * connection while it does. Why: in WAL mode a connection drops its whole page cache whenever another
 * connection has committed, so under a stream of small writes (decisions) the reader read the session's
 * and the pack's pages from the log again on every request; the writer's cache survives its own commits.
 * Safe because Kysely's driver and readCommitted run a statement to its end in the tick that prepares it
 * (better-sqlite3 is synchronous): with no transaction open on the writer, a read there sees exactly what
 * the reader would. Only statements SQLite reports read-only go there; a write stays on the read-only
 * connection, which refuses it. (Kysely's lazy `stream()` would hold the writer between ticks: not used.)
 */
function readsOnIdleWriter(reader: CachedStatements, writer: CachedStatements, writerHandle: SQLite.Database): SqliteDatabase {
  return {
    close: () => reader.close(),
    prepare(sqlText: string) {
      if (!writerHandle.inTransaction) {
        const onWriter = writer.prepare(sqlText);
        if (onWriter.readonly) return onWriter;
      }
      return reader.prepare(sqlText);
    },
  };
}

/**
 * When a failed write hit a unique index or primary key (another request won a race): the text that names
 * what it hit (SQLite names the column, PostgreSQL the index); otherwise null.
 */
export function uniqueViolationText(err: unknown): string | null {
  const e = err as { code?: unknown; constraint?: unknown; message?: unknown };
  if (e.code !== '23505' && e.code !== 'SQLITE_CONSTRAINT_UNIQUE' && e.code !== 'SQLITE_CONSTRAINT_PRIMARYKEY') return null;
  return `${String(e.constraint ?? '')} ${String(e.message ?? '')}`;
}

/** `count(*)` is a number in SQLite and a string in PostgreSQL. */
export function toCount(value: string | number | bigint | null | undefined): number {
  return value === null || value === undefined ? 0 : Number(value);
}

export const toBool = (v: number | boolean | null | undefined): boolean => v === 1 || v === true;
export const fromBool = (v: boolean): number => (v ? 1 : 0);

/**
 * Serialises transactions that take the same key until they commit: the audit chain, tree moves,
 * role and grant changes, policy uploads. SQLite transactions are already serial (one connection, one
 * transaction at a time); PostgreSQL takes a transaction-scoped advisory lock.
 */
export async function transactionLock(trx: Tx, dialect: Dialect, key: number): Promise<void> {
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(${key})`.execute(trx);
}

/**
 * Whether several instances may share the database (PostgreSQL). Work that they must not interleave takes
 * a transaction lock and then reads its facts under it; with one instance (SQLite) it may read before the
 * transaction and keep the write transaction, which holds the only writer, short.
 */
export const sharedByInstances = (dialect: Dialect): boolean => dialect === 'postgres';

export async function ping(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}

/**
 * After a bulk write (an import), bring the planner's statistics up to date. SQLite keeps none on its own:
 * PRAGMA optimize analyses the tables that changed enough. On PostgreSQL autovacuum would, but it may be off
 * or a minute behind, and a plan made on an empty table's statistics after a 10,000-row import scans where
 * it should seek (docs/PERFORMANCE.md): `maintainStale` runs a moment later, in the background, once the
 * writing connection has published its counts (PostgreSQL does within a second of going idle).
 */
export async function refreshStatistics(db: Db, dialect: Dialect): Promise<void> {
  if (dialect === 'sqlite') {
    await sql`pragma optimize`.execute(db);
    return;
  }
  setTimeout(() => void maintainStale(db).catch(() => undefined), STATISTICS_DELAY_MS).unref();
}

const STATISTICS_DELAY_MS = 1500;

/**
 * PostgreSQL: what autovacuum would do now, by its own default thresholds, for the tables that need it. Vacuumed
 * (and analysed): those with dead rows past 50 + 20 % or inserts past 1,000 + 20 % since their last vacuum — the
 * visibility map a vacuum sets is what lets a count read an index alone (the findings list's total: 23 ms on the
 * table, 4 ms on an index). Analysed: those never analysed, or changed past 50 + 10 % since. `vacuum: false` only
 * analyses (quick: at start, before traffic). Tables another session is vacuuming are skipped. Returns the names.
 */
export async function maintainStale(db: Db, options: { vacuum?: boolean } = {}): Promise<{ vacuumed: string[]; analyzed: string[] }> {
  const rows = await sql<{ relname: string; vacuum: boolean; analyze: boolean }>`
    select relname,
      (n_dead_tup > 50 + 0.2 * n_live_tup or n_ins_since_vacuum > 1000 + 0.2 * n_live_tup) as vacuum,
      (n_mod_since_analyze > 50 + 0.1 * n_live_tup or (last_analyze is null and last_autoanalyze is null)) as analyze
    from pg_stat_user_tables
    where schemaname = current_schema()
    order by relname`.execute(db);
  const vacuumed: string[] = [];
  const analyzed: string[] = [];
  for (const row of rows.rows) {
    if (row.vacuum && options.vacuum !== false) {
      await sql`vacuum (analyze, skip_locked) ${sql.table(row.relname)}`.execute(db);
      vacuumed.push(row.relname);
    } else if (row.analyze) {
      await sql`analyze (skip_locked) ${sql.table(row.relname)}`.execute(db);
      analyzed.push(row.relname);
    }
  }
  return { vacuumed, analyzed };
}
