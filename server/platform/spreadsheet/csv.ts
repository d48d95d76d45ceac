import { parse } from 'csv-parse/sync';
import { cellText, limitRefused, unreadable, type CellStyle } from './cells.ts';
import type { SpreadsheetLimits } from './limits.ts';

const startsWith = (data: Uint8Array, magic: number[]) => magic.every((b, i) => data[i] === b);

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
    return new TextDecoder('windows-1252').decode(data);
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
