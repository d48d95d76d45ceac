// The checkpointing thread of a SQLite database (platform/db/checkpointer.ts): its own connection copies committed
// pages from the write-ahead log into the database file at an interval, so neither the copy nor its fsync runs on
// the event loop. PASSIVE never waits for readers or the writer; what it cannot copy now, it copies next time.
// A checkpoint that fails ends the thread (after one message): the writer's own checkpoints take over.
import { clearInterval, setInterval } from 'node:timers';
import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';

const { file, intervalMs } = workerData;
const db = new SQLite(file, { fileMustExist: true });
let runs = 0;
let pages = 0;

const checkpoint = () => {
  const [r] = db.pragma('wal_checkpoint(PASSIVE)');
  runs += 1;
  if (r && r.checkpointed > 0) pages += r.checkpointed;
};

const end = () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
};

const timer = setInterval(() => {
  try {
    checkpoint();
  } catch (err) {
    parentPort.postMessage({ error: err instanceof Error ? err.message : String(err) });
    end();
  }
}, intervalMs);

parentPort.on('message', (m) => {
  if (m === 'stats') parentPort.postMessage({ runs, pages });
  if (m === 'stop') end();
});
