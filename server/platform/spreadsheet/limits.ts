/**
 * What an uploaded spreadsheet may hold. Each limit is checked before the work it guards (the ZIP's
 * parts are measured while they are unpacked, cells are counted in the XML before a cell is parsed), so a
 * hostile file is refused early with the limit's name, and a reader that goes wrong anyway is stopped by
 * the worker's time and memory limits. The numbers leave room for a register of 20,000 rows of 100
 * columns; docs/SECURITY.md lists them.
 */
export const SPREADSHEET_LIMITS = {
  /** Parts (files) in an XLSX archive. */
  zipEntries: 1000,
  /** Bytes of one XML part once unpacked. */
  partBytes: 64 * 1024 * 1024,
  /** Bytes of all the XML parts together once unpacked. */
  unpackedBytes: 160 * 1024 * 1024,
  /** Rows in the whole file, counting every sheet up to its last row with content. */
  rows: 25_000,
  /** Cells in the whole file: each sheet's rows times its columns up to the last cell with content. */
  cells: 2_500_000,
  /** Characters in one cell (Excel's own limit). */
  cellChars: 32_767,
  /** Wall-clock time for reading one file. */
  seconds: 60,
  /** Heap of the reading worker, in MiB. */
  memoryMb: 1024,
} as const;

export type SpreadsheetLimits = { -readonly [K in keyof typeof SPREADSHEET_LIMITS]: number };

/** Why a file was refused: the reader's own words, which each import turns into a field message. */
export type SpreadsheetProblem =
  | { code: 'empty' | 'xls' | 'unreadable' }
  | { code: 'limit'; limit: Exclude<keyof SpreadsheetLimits, 'memoryMb'> | 'memory'; value: number };

export class SpreadsheetRefused extends Error {
  constructor(readonly problem: SpreadsheetProblem) {
    super(problem.code === 'limit' ? `limit:${problem.limit}` : problem.code);
  }
}
