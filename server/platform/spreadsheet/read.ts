import { parse } from 'csv-parse/sync';
import readExcelFile from 'read-excel-file/node';
import { SpreadsheetRefused, type SpreadsheetLimits } from './limits.ts';
import { measurePart } from './scan.ts';
import { listEntries, readEntry, storeZip, ZipProblem } from './zip.ts';

/** One sheet of an uploaded file as rows of text cells; rows[0] is the sheet's first row. */
export interface Sheet {
  /** The sheet's name (XLSX); null for a CSV file. */
  name: string | null;
  rows: string[][];
}

/**
 * How cells become text: `trim` takes spaces off the ends; `clean` also turns non-breaking and repeated
 * spaces into one, trims each line of a cell and drops empty lines (what people type in Excel).
 */
export type CellStyle = 'trim' | 'clean';

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
  return [{ name: null, rows: readCsv(decodeText(data), limits, style) }];
}

const startsWith = (data: Buffer, magic: number[]) => magic.every((b, i) => data[i] === b);
const limit = (name: Exclude<keyof SpreadsheetLimits, 'memoryMb'>, value: number) => new SpreadsheetRefused({ code: 'limit', limit: name, value });
const unreadable = () => new SpreadsheetRefused({ code: 'unreadable' });
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

/** Non-breaking and repeated spaces become one space; each line of a cell is trimmed; empty lines go. */
const clean = (s: string): string =>
  // Most cells need nothing: test once, work only on those that do.
  !/[\u00a0\u2007\u202f\t\r\n]|\s\s|^\s|\s$/.test(s)
    ? s
    : s
        .replace(/[\u00a0\u2007\u202f\t ]+/g, ' ')
        .split(/\r?\n|\r/)
        .map((l) => l.trim())
        .filter(Boolean)
        .join('\n');

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const CONTROLS = new RegExp(CONTROL.source, 'g');

function cellText(cell: unknown, limits: SpreadsheetLimits, style: CellStyle): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') {
    if (cell.length > limits.cellChars) throw limit('cellChars', limits.cellChars);
    // Control characters (an XLSX cell can spell NUL as _x0000_) are never text anyone typed: they go.
    const text = CONTROL.test(cell) ? cell.replace(CONTROLS, '') : cell;
    return style === 'clean' ? clean(text) : text.trim();
  }
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  return String(cell);
}

function decodeText(data: Buffer): string {
  if (startsWith(data, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(data);
  if (startsWith(data, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(data);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data); // drops a BOM
  } catch {
    return new TextDecoder('windows-1252').decode(data);
  }
}

/** The delimiter that occurs most in the first lines (quotes are rare in headers, so counting is enough). */
function guessDelimiter(text: string): string {
  const head = text.split(/\r?\n/, 30).join('\n');
  const counts = [';', ',', '\t'].map((d) => ({ d, n: head.split(d).length - 1 }));
  counts.sort((a, b) => b.n - a.n);
  return counts[0]!.n > 0 ? counts[0]!.d : ',';
}

function count(text: string, ch: string): number {
  let n = 0;
  for (let at = text.indexOf(ch); at !== -1; at = text.indexOf(ch, at + 1)) n++;
  return n;
}

function readCsv(text: string, limits: SpreadsheetLimits, style: CellStyle): string[][] {
  if (text.includes('\u0000')) throw unreadable();
  const delimiter = guessDelimiter(text);
  // Every cell after a row's first needs a delimiter: more delimiters than cells allowed is refused before parsing.
  if (count(text, delimiter) > limits.cells) throw limit('cells', limits.cells);
  let rows: string[][];
  try {
    rows = parse(text, {
      delimiter,
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      to: limits.rows + 1,
    }) as string[][];
  } catch {
    throw unreadable();
  }
  // Empty lines at the end are not rows with content.
  let last = rows.length;
  while (last > 0 && rows[last - 1]!.every((c) => c.trim() === '')) last--;
  if (last > limits.rows) throw limit('rows', limits.rows);
  let cells = 0;
  const out: string[][] = new Array<string[]>(last);
  for (let i = 0; i < last; i++) {
    const row = rows[i]!;
    cells += row.length;
    if (cells > limits.cells) throw limit('cells', limits.cells);
    out[i] = row.map((cell) => cellText(cell, limits, style));
  }
  return out;
}
