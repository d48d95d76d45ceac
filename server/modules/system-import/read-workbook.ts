import { parse } from 'csv-parse/sync';
import { restoreText } from '../systems/export/neutralise.ts';
import readExcelFile from 'read-excel-file/node';
import { AppError } from '../../platform/errors.ts';
import type { MessageKey } from '../../platform/i18n.ts';

/** One sheet of the uploaded file as rows of cleaned text cells; rows[0] is the sheet's first row. */
export interface Sheet {
  /** The sheet's name (XLSX); null for a CSV file. */
  name: string | null;
  rows: string[][];
}

/**
 * Reads an uploaded register: every sheet of an XLSX workbook, or a CSV file (; , or tab between
 * fields; UTF-8 with or without BOM, else Windows-1252, or UTF-16 with a BOM) as one sheet. Cells
 * become text without stray spaces; real Excel dates become ISO dates (YYYY-MM-DD).
 */
export async function readWorkbook(data: Buffer): Promise<Sheet[]> {
  if (data.length === 0) throw fileProblem('systemImport.file.empty');
  if (startsWith(data, [0x50, 0x4b, 0x03, 0x04])) return readXlsx(data);
  if (startsWith(data, [0xd0, 0xcf, 0x11, 0xe0])) throw fileProblem('systemImport.file.xls');
  return [{ name: null, rows: readCsv(decodeText(data)) }];
}

export const fileProblem = (key: MessageKey, params?: Record<string, string | number>) =>
  new AppError('validation_failed', { fields: [{ path: 'file', key, ...(params ? { params } : {}) }] });

const startsWith = (data: Buffer, magic: number[]) => magic.every((b, i) => data[i] === b);

async function readXlsx(data: Buffer): Promise<Sheet[]> {
  let sheets;
  try {
    sheets = await readExcelFile(data);
  } catch {
    throw fileProblem('systemImport.file.unreadable');
  }
  return sheets.map((s) => ({ name: s.sheet, rows: s.data.map((row) => row.map(cellText)) }));
}

/** Non-breaking and repeated spaces become one space; each line of a cell is trimmed; empty lines go. */
export const clean = (s: string): string =>
  // Most cells need nothing: test once, work only on those that do.
  !/[\u00a0\u2007\u202f\t\r\n]|\s\s|^\s|\s$/.test(s)
    ? s
    : s
        .replace(/[\u00a0\u2007\u202f\t ]+/g, ' ')
        .split(/\r?\n|\r/)
        .map((l) => l.trim())
        .filter(Boolean)
        .join('\n');

/** A text cell as stored: cleaned, and without the guard apostrophe the export puts before formula-like text. */
const textOf = (s: string): string => restoreText(clean(s));

function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return textOf(cell);
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

/** The delimiter that occurs most in the first lines. */
function guessDelimiter(text: string): string {
  const head = text.split(/\r?\n/, 30).join('\n');
  const counts = [';', ',', '\t'].map((d) => ({ d, n: head.split(d).length - 1 }));
  counts.sort((a, b) => b.n - a.n);
  return counts[0]!.n > 0 ? counts[0]!.d : ',';
}

function readCsv(text: string): string[][] {
  if (text.includes('\u0000')) throw fileProblem('systemImport.file.unreadable');
  try {
    const rows = parse(text, {
      delimiter: guessDelimiter(text),
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    }) as string[][];
    return rows.map((r) => r.map(textOf));
  } catch {
    throw fileProblem('systemImport.file.unreadable');
  }
}
