import readExcelFile from 'read-excel-file/node';
import { cellText, limitRefused as limit, unreadable, type CellStyle } from './cells.ts';
import { readCsv } from './csv.ts';
import { SpreadsheetRefused, type SpreadsheetLimits } from './limits.ts';
import { measurePart } from './scan.ts';
import { listEntries, readEntry, storeZip, ZipProblem } from './zip.ts';

/** One sheet of an uploaded file as rows of text cells; rows[0] is the sheet's first row. */
export interface Sheet {
  /** The sheet's name (XLSX); null for a CSV file. */
  name: string | null;
  rows: string[][];
}

export type { CellStyle } from './cells.ts';

/**
 * Reads an uploaded spreadsheet: every sheet of an XLSX workbook, or a CSV file (; , or tab between
 * fields; UTF-8 with or without BOM, else Windows-1252, or UTF-16 with a BOM) as one sheet. Real Excel
 * dates become ISO dates (YYYY-MM-DD). Every limit is checked before the work it guards; a refusal is a
 * SpreadsheetRefused naming it. Runs in the reading worker (see index.ts), never on the server's event loop.
 */
export async function readSpreadsheet(data: Buffer, limits: SpreadsheetLimits, style: CellStyle): Promise<Sheet[]> {
  if (data.length === 0) throw new SpreadsheetRefused({ code: 'empty' });
  if (startsWith(data, [0x50, 0x4b, 0x03, 0x04])) return readXlsx(data, limits, style);
  if (startsWith(data, [0xd0, 0xcf, 0x11, 0xe0])) throw new SpreadsheetRefused({ code: 'xls' });
  return [{ name: null, rows: readCsv(data, limits, style) }];
}

const startsWith = (data: Buffer, magic: number[]) => magic.every((b, i) => data[i] === b);
const megabytes = (bytes: number) => Math.round(bytes / 1024 / 1024);

async function readXlsx(data: Buffer, limits: SpreadsheetLimits, style: CellStyle): Promise<Sheet[]> {
  const parts = unpackXmlParts(data, limits);
  let rows = 0;
  let cells = 0;
  for (const part of parts) {
    const m = measurePart(part.data.toString('utf8'));
    // Escaped text (&amp;) is longer than the cell it holds: the exact count per cell comes after parsing.
    if (m.longestText > limits.cellChars * 6) throw limit('cellChars', limits.cellChars);
    rows += m.lastRow;
    cells += m.lastRow * m.lastColumn;
    if (rows > limits.rows) throw limit('rows', limits.rows);
    if (cells > limits.cells) throw limit('cells', limits.cells);
  }
  let sheets;
  try {
    sheets = await readExcelFile(storeZip(parts));
  } catch {
    throw unreadable();
  }
  return sheets.map((s) => ({ name: s.sheet, rows: s.data.map((row) => row.map((cell) => cellText(cell, limits, style))) }));
}

/** The archive's XML parts (what the XLSX parser reads), each unpacked within its limit and all within theirs. */
function unpackXmlParts(data: Buffer, limits: SpreadsheetLimits): Array<{ name: string; data: Buffer }> {
  let totalApplies = false;
  try {
    const parts: Array<{ name: string; data: Buffer }> = [];
    let total = 0;
    for (const entry of listEntries(data, limits.zipEntries)) {
      if (!entry.name.endsWith('.xml') && !entry.name.endsWith('.rels')) continue;
      // The part's own limit, or what is left of the total when that is less: a refusal names the one that applied.
      totalApplies = limits.unpackedBytes - total < limits.partBytes;
      const content = readEntry(data, entry, Math.min(limits.partBytes, limits.unpackedBytes - total));
      total += content.length;
      parts.push({ name: entry.name, data: content });
    }
    return parts;
  } catch (err) {
    if (!(err instanceof ZipProblem)) throw err;
    if (err.kind === 'entries') throw limit('zipEntries', limits.zipEntries);
    if (err.kind === 'too_large') {
      throw totalApplies ? limit('unpackedBytes', megabytes(limits.unpackedBytes)) : limit('partBytes', megabytes(limits.partBytes));
    }
    throw unreadable();
  }
}
