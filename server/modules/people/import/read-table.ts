import { parse } from 'csv-parse/sync';
import readExcelFile from 'read-excel-file/node';
import { AppError } from '../../../platform/errors.ts';
import type { MessageKey } from '../../../platform/i18n.ts';

/**
 * An uploaded HR export as rows of trimmed text cells; rows[0] is the file's first row. XLSX (the
 * first sheet with data) or CSV with ; , or tab between fields, in UTF-8 with or without BOM; files
 * that are not valid UTF-8 are read as Windows-1252 (what Swedish Excel writes for "CSV (semikolon)")
 * and files with a UTF-16 BOM as UTF-16.
 */
export async function readTable(data: Buffer): Promise<string[][]> {
  if (data.length === 0) throw fileProblem('people.import.no_file');
  if (startsWith(data, [0x50, 0x4b, 0x03, 0x04])) return readXlsx(data);
  if (startsWith(data, [0xd0, 0xcf, 0x11, 0xe0])) throw fileProblem('people.import.xls_unsupported');
  return readCsv(decodeText(data));
}

export const fileProblem = (key: MessageKey, params?: Record<string, string | number>) =>
  new AppError('validation_failed', { fields: [{ path: 'file', key, ...(params ? { params } : {}) }] });

const startsWith = (data: Buffer, magic: number[]) => magic.every((b, i) => data[i] === b);

async function readXlsx(data: Buffer): Promise<string[][]> {
  let sheets;
  try {
    sheets = await readExcelFile(data);
  } catch {
    throw fileProblem('people.import.unreadable');
  }
  const sheet = sheets.find((s) => s.data.some((row) => row.some((cell) => cellText(cell) !== '')));
  return (sheet?.data ?? []).map((row) => row.map(cellText));
}

function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell).trim();
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

function readCsv(text: string): string[][] {
  if (text.includes('\u0000')) throw fileProblem('people.import.unreadable');
  try {
    return parse(text, {
      delimiter: guessDelimiter(text),
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      trim: true,
    }) as string[][];
  } catch {
    throw fileProblem('people.import.unreadable');
  }
}
