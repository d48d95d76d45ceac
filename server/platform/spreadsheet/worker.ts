import { parentPort } from 'node:worker_threads';
import { SpreadsheetRefused, type SpreadsheetLimits, type SpreadsheetProblem } from './limits.ts';
import { readSpreadsheet, type CellStyle, type Sheet } from './read.ts';

/** The reading worker: files in, their sheets (or why each was refused) out, one file at a time. */
export interface WorkerInput {
  id: number;
  data: Uint8Array;
  limits: SpreadsheetLimits;
  style: CellStyle;
}

export type WorkerOutput = { id: number } & ({ ok: true; sheets: Sheet[] } | { ok: false; problem: SpreadsheetProblem });

parentPort!.on('message', (input: WorkerInput) => {
  void (async () => {
    let output: WorkerOutput;
    try {
      const data = Buffer.from(input.data.buffer, input.data.byteOffset, input.data.byteLength);
      output = { id: input.id, ok: true, sheets: await readSpreadsheet(data, input.limits, input.style) };
    } catch (err) {
      output = { id: input.id, ok: false, problem: err instanceof SpreadsheetRefused ? err.problem : { code: 'unreadable' } };
    }
    parentPort!.postMessage(output);
  })();
});
