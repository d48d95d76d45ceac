import { SpreadsheetRefused, type SpreadsheetLimits } from './limits.ts';

/**
 * How cells become text: `trim` takes spaces off the ends; `clean` also turns non-breaking and repeated
 * spaces into one, trims each line of a cell and drops empty lines (what people type in Excel).
 * Each import chooses: the HR import trims, the register import cleans.
 */
export type CellStyle = 'trim' | 'clean';

export const limitRefused = (name: Exclude<keyof SpreadsheetLimits, 'memoryMb'>, value: number) => new SpreadsheetRefused({ code: 'limit', limit: name, value });
export const unreadable = () => new SpreadsheetRefused({ code: 'unreadable' });

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

/** One cell as text in the import's style; real Excel dates become ISO dates (YYYY-MM-DD). */
export function cellText(cell: unknown, limits: SpreadsheetLimits, style: CellStyle): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') {
    if (cell.length > limits.cellChars) throw limitRefused('cellChars', limits.cellChars);
    // Control characters (an XLSX cell can spell NUL as _x0000_) are never text anyone typed: they go.
    const text = CONTROL.test(cell) ? cell.replace(CONTROLS, '') : cell;
    return style === 'clean' ? clean(text) : text.trim();
  }
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  return String(cell);
}
