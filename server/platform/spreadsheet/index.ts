import { Worker } from 'node:worker_threads';
import { AppError } from '../errors.ts';
import type { MessageKey } from '../i18n.ts';
import { SPREADSHEET_LIMITS, SpreadsheetRefused, type SpreadsheetLimits } from './limits.ts';
import type { CellStyle, Sheet } from './read.ts';
import type { WorkerInput, WorkerOutput } from './worker.ts';

/**
 * The spreadsheet pipeline every import uses: readUploadedSpreadsheet reads the upload in the worker
 * (XLSX, or CSV decoded and split by csv.ts; cells trimmed or cleaned as the import chooses), then the
 * import finds its header row (findHeaderRow) and names cells as a spreadsheet shows them (rowNumber,
 * columnLetter). Its dry-run and apply live in platform/import-batches.ts.
 */
export { SPREADSHEET_LIMITS, SpreadsheetRefused, type SpreadsheetLimits, type SpreadsheetProblem } from './limits.ts';
export type { CellStyle, Sheet } from './read.ts';
export { columnLetter, findHeaderRow, firstSheetWithData, rowNumber, rowsBelow } from './table.ts';

/** Files waiting beyond this are refused as busy (503) rather than queued without end. */
const WAITING = 8;
/** A reader with nothing to do for this long is ended (it is started again on the next file). */
const IDLE_MS = 60_000;

export class ReaderBusy extends Error {}

/**
 * The reading worker: one thread, reading one file at a time (a reader takes a core while it works),
 * started on the first file and ended when idle. A file that runs out of time or memory ends the thread;
 * the next file gets a new one.
 */
let reader: { worker: Worker; idle: NodeJS.Timeout | null } | null = null;
let busy = false;
let nextId = 1;
const queue: Array<() => void> = [];

function startReader(limits: SpreadsheetLimits): NonNullable<typeof reader> {
  const worker = new Worker(new URL('./worker-boot.mjs', import.meta.url), {
    execArgv: [],
    resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb },
    stdout: false,
    stderr: false,
  });
  worker.unref(); // an idle reader never keeps the process alive
  const started = { worker, idle: null };
  worker.once('exit', () => {
    if (reader === started) reader = null;
  });
  return started;
}

/**
 * Reads an uploaded spreadsheet in the worker thread, never on the event loop: the worker has its own
 * heap limit and is ended when a file takes too long, so the server keeps answering whatever a file holds.
 * Resolves to the sheets; rejects with SpreadsheetRefused (why the file was refused, with the limit) or
 * ReaderBusy when too many files wait to be read.
 */
export async function readSpreadsheet(data: Buffer, style: CellStyle, limits: SpreadsheetLimits = SPREADSHEET_LIMITS): Promise<Sheet[]> {
  if (busy) {
    if (queue.length >= WAITING) throw new ReaderBusy();
    await new Promise<void>((resolve) => queue.push(resolve));
  }
  busy = true;
  try {
    return await readInWorker(data, style, limits);
  } finally {
    busy = false;
    queue.shift()?.();
  }
}

function readInWorker(data: Buffer, style: CellStyle, limits: SpreadsheetLimits): Promise<Sheet[]> {
  const current = (reader ??= startReader(limits));
  if (current.idle) clearTimeout(current.idle);
  const { worker } = current;
  const id = nextId++;
  const copy = new Uint8Array(data); // the worker takes this copy; the caller's buffer stays usable
  return new Promise<Sheet[]>((resolve, reject) => {
    const stop = () => {
      reader = null;
      void worker.terminate();
    };
    const finish = (fn: () => void) => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      fn();
    };
    const onMessage = (out: WorkerOutput) => {
      if (out.id !== id) return;
      finish(() => (out.ok ? resolve(out.sheets) : reject(new SpreadsheetRefused(out.problem))));
      current.idle = setTimeout(() => reader === current && stop(), IDLE_MS).unref();
    };
    const onError = (err: Error & { code?: string }) => {
      finish(() =>
        reject(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new SpreadsheetRefused({ code: 'limit', limit: 'memory', value: limits.memoryMb }) : err),
      );
      stop();
    };
    const onExit = () => finish(() => reject(new SpreadsheetRefused({ code: 'unreadable' })));
    const timer = setTimeout(() => {
      finish(() => reject(new SpreadsheetRefused({ code: 'limit', limit: 'seconds', value: limits.seconds })));
      stop();
    }, limits.seconds * 1000);
    worker.on('message', onMessage);
    worker.once('error', onError);
    worker.once('exit', onExit);
    worker.postMessage({ id, data: copy, limits, style } satisfies WorkerInput, [copy.buffer]);
  });
}

/** What an import calls a file that is empty, an old .xls, or not a spreadsheet at all. */
export interface FileMessages {
  empty: MessageKey;
  xls: MessageKey;
  unreadable: MessageKey;
}

/**
 * readSpreadsheet for an import's upload: a refused file is a 400 on the field `file` that names the
 * limit it passed, in the caller's language; too many files waiting is a 503.
 */
export async function readUploadedSpreadsheet(data: Buffer, style: CellStyle, messages: FileMessages): Promise<Sheet[]> {
  try {
    return await readSpreadsheet(data, style);
  } catch (err) {
    if (err instanceof ReaderBusy) throw new AppError('unavailable', { fields: [{ path: 'file', key: 'upload.busy' }] });
    if (!(err instanceof SpreadsheetRefused)) throw err;
    const p = err.problem;
    const key = p.code === 'limit' ? (`upload.limit.${p.limit}` as MessageKey) : messages[p.code];
    throw new AppError('validation_failed', { fields: [{ path: 'file', key, ...(p.code === 'limit' ? { params: { value: p.value } } : {}) }] });
  }
}
