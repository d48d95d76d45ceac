import { parse } from 'csv-parse/sync';
import { cellText, limitRefused, unreadable, type CellStyle } from './cells.ts';
import type { SpreadsheetLimits } from './limits.ts';

const startsWith = (data: Uint8Array, magic: number[]) => magic.every((b, i) => data[i] === b);

/**
 * Windows-1252's bytes 0x80–0x9F (€, curly quotes, dashes, Š, Ž, …), by the WHATWG Encoding Standard. Node's
 * own decoder of that name reads them as Latin-1, i.e. as invisible control characters, so "Avtal – 2025"
 * written by Swedish Excel would lose its dash.
 */
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
].map((c) => String.fromCharCode(c));

const decodeWindows1252 = (data: Uint8Array): string =>
  new TextDecoder('latin1').decode(data).replace(/[\x80-\x9f]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80]!);

/**
 * A CSV file's text: UTF-16 (little or big endian) when it starts with that BOM; else UTF-8 with or
 * without BOM; else (not valid UTF-8) Windows-1252, what Swedish Excel writes for "CSV (semikolon)".
 */
export function decodeText(data: Uint8Array): string {
  if (startsWith(data, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(data);
  if (startsWith(data, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(data);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data); // drops a BOM
  } catch {
    return decodeWindows1252(data);
  }
}

/** The delimiter (; , or tab) that occurs most in the first lines (quotes are rare in headers, so counting is enough); a comma when none does. */
export function guessDelimiter(text: string): string {
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

/** A CSV file's rows of text cells within the limits; empty lines at the end are dropped. */
export function readCsv(data: Uint8Array, limits: SpreadsheetLimits, style: CellStyle): string[][] {
  const text = decodeText(data);
  if (text.includes('\u0000')) throw unreadable();
  const delimiter = guessDelimiter(text);
  // Every cell after a row's first needs a delimiter: more delimiters than cells allowed is refused before parsing.
  if (count(text, delimiter) > limits.cells) throw limitRefused('cells', limits.cells);
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
  if (last > limits.rows) throw limitRefused('rows', limits.rows);
  let cells = 0;
  const out: string[][] = new Array<string[]>(last);
  for (let i = 0; i < last; i++) {
    const row = rows[i]!;
    cells += row.length;
    if (cells > limits.cells) throw limitRefused('cells', limits.cells);
    out[i] = row.map((cell) => cellText(cell, limits, style));
  }
  return out;
}
