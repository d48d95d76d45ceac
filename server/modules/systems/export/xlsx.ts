import type { Readable } from 'node:stream';
import writeXlsxFile, { type Cell as XlsxCell, type SheetData } from 'write-excel-file/node';
import type { Locale } from '../../../../shared/roles.ts';
import { headersOf, SYSTEM_EXPORT_COLUMNS, type Cell, type CellType } from './columns.ts';

export const SHEET_NAME = 'System';
const DATE_FORMAT = 'yyyy-mm-dd';

/**
 * The rows as an XLSX workbook: one sheet "System", a bold header row kept in view, dates as real
 * dates. write-excel-file builds the whole sheet in memory before it zips it (its toStream() only
 * streams the finished archive), so unlike the CSV this collects every row first; see
 * docs/SYSTEM-EXPORT.md for what that costs.
 */
export async function xlsxStream(rows: AsyncIterable<Cell[]>, locale: Locale): Promise<Readable> {
  const data: SheetData = [headersOf(locale).map((value) => ({ value, fontWeight: 'bold' as const }))];
  for await (const row of rows) data.push(row.map((value, i) => xlsxCell(value, SYSTEM_EXPORT_COLUMNS[i]!.type)));
  const file = writeXlsxFile(data, {
    sheet: SHEET_NAME,
    stickyRowsCount: 1,
    dateFormat: DATE_FORMAT,
    columns: SYSTEM_EXPORT_COLUMNS.map((c) => ({ width: c.width })),
  });
  // The declared type is a union of the two call forms; called without a writable it returns the readable.
  return (file.toStream as () => Promise<Readable>)();
}

function xlsxCell(value: Cell, type: CellType): XlsxCell {
  if (value === null) return null;
  if (type === 'date' && typeof value === 'string') return { value: new Date(`${value}T00:00:00Z`), type: Date, format: DATE_FORMAT };
  if (type === 'number' && typeof value === 'number') return { value, type: Number };
  const text = String(value);
  return text.includes('\n') ? { value: text, type: String, wrap: true } : text;
}
