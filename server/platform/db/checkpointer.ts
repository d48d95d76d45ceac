import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import type SQLite from 'better-sqlite3';

/**
 * Background WAL checkpoints for the SQLite database (docs/DECISIONS.md, "SQLite's WAL checkpoints run in a thread of
 * their own"). SQLite's default runs a checkpoint inside the commit that crosses 1,000 pages of log: the page copy and
 * two fsyncs land on the request that happened to commit then, and, since better-sqlite3 is synchronous, on every
 * request waiting behind it (a million-grant campaign's commit spent 8 s there). While the checkpointer runs, the
 * writing connection never checkpoints; a worker thread with its own connection does it every `intervalMs`. If the
 * thread stops for any reason (a failed checkpoint ends it, reported once), the writer's own checkpoints come back,
 * so the log never grows without bound.
 */
export interface Checkpointer {
  /** Checkpoints run so far and pages copied (for tests and diagnostics). */
  stats(): Promise<{ runs: number; pages: number }>;
  stop(): Promise<void>;
}

/** The writer's checkpoint threshold (pages) when no checkpointer runs: SQLite's default. */
const WRITER_AUTOCHECKPOINT = 1000;

export function startCheckpointer(writer: SQLite.Database, intervalMs = 200, onError: (err: unknown) => void = () => undefined): Checkpointer {
  const worker = new Worker(new URL('./checkpoint-worker.mjs', import.meta.url), {
    workerData: { file: writer.name, intervalMs },
    execArgv: [],
    stdout: false,
    stderr: false,
  });
  worker.unref();
  writer.pragma('wal_autocheckpoint = 0');
  let running = true;
  const restore = () => {
    if (!running) return;
    running = false;
    if (writer.open) writer.pragma(`wal_autocheckpoint = ${WRITER_AUTOCHECKPOINT}`);
  };
  worker.on('message', (m: { error?: string }) => {
    if (m.error) onError(new Error(`WAL checkpoint: ${m.error}`));
  });
  worker.once('error', (err) => {
    restore();
    onError(err);
  });
  worker.once('exit', restore);
  return {
    async stats() {
      if (!running) return { runs: 0, pages: 0 };
      const reply = once(worker, 'message') as Promise<[{ runs: number; pages: number }]>;
      worker.postMessage('stats');
      return (await reply)[0];
    },
    async stop() {
      if (!running) return;
      const exited = once(worker, 'exit');
      worker.postMessage('stop');
      await exited;
      restore();
    },
  };
}
