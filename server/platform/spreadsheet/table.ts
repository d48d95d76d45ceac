import type { Sheet } from './read.ts';

/**
 * What every import does with the sheets it has read: find the header row below any title rows, and
 * say where a cell is the way a spreadsheet program shows it (sheet, row number, column letter: "C7").
 * Pure: the import decides what a header is and what its columns mean.
 */

/** A header row is looked for among a sheet's first rows; title, blank and note rows above it are skipped. */
export const HEADER_SCAN_ROWS = 30;

/**
 * The header row: the first of a sheet's first rows that `columnsOf` recognises as one (it returns the
 * columns it found there, or null when the row is not the header). `index` is 0-based.
 */
export function findHeaderRow<C>(rows: readonly string[][], columnsOf: (cells: readonly string[]) => C | null): { index: number; columns: C } | null {
  for (let i = 0; i < Math.min(rows.length, HEADER_SCAN_ROWS); i++) {
    const columns = columnsOf(rows[i]!);
    if (columns !== null) return { index: i, columns };
  }
  return null;
}

/** The first sheet with any text in it (an import that reads one table from a workbook). */
export const firstSheetWithData = (sheets: readonly Sheet[]): Sheet | undefined => sheets.find((s) => s.rows.some((row) => row.some((cell) => cell !== '')));

/** The row number a spreadsheet program shows for a 0-based row index. */
export const rowNumber = (index: number): number => index + 1;

/** A1-style column letters for a 0-based column index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The rows below a header row that hold any text, each with its row number. */
export function rowsBelow(rows: readonly string[][], headerIndex: number): Array<{ row: number; cells: string[] }> {
  const out: Array<{ row: number; cells: string[] }> = [];
  for (let i = headerIndex + 1; i < rows.length; i++) {
    const cells = rows[i]!;
    if (cells.some((c) => c.trim() !== '')) out.push({ row: rowNumber(i), cells });
  }
  return out;
}
