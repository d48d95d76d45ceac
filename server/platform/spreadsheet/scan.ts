/**
 * Measures an XLSX part's XML without parsing it, in one pass: the longest run of text between tags, and,
 * for a worksheet, the last row and column that hold a cell with content (a cell written as `<c …/>` is
 * empty). The XLSX parser pads every row to the widest row, so rows × columns is what reading the sheet
 * will build, however few cells the file really has. Comments and CDATA can only make it count more.
 */
export interface PartMeasure {
  longestText: number;
  /** 1-based; 0 when the part has no cells. */
  lastRow: number;
  lastColumn: number;
}

export function measurePart(xml: string): PartMeasure {
  const measure: PartMeasure = { longestText: 0, lastRow: 0, lastColumn: 0 };
  const sheet = xml.includes('sheetData');
  let row = 0;
  let column = 0;
  let at = 0;
  for (;;) {
    const lt = xml.indexOf('<', at);
    const textEnd = lt === -1 ? xml.length : lt;
    if (textEnd - at > measure.longestText) measure.longestText = textEnd - at;
    if (lt === -1) break;
    const gt = xml.indexOf('>', lt);
    if (gt === -1) break;
    at = gt + 1;
    if (!sheet) continue;
    const name = tagKind(xml, lt + 1, gt);
    if (name === ROW) {
      const r = attribute(xml, lt, gt);
      row = r ? rowOf(r) || row + 1 : row + 1;
      column = 0;
    } else if (name === CELL) {
      const r = attribute(xml, lt, gt);
      const cellRow = r ? rowOf(r) || row : row;
      column = r ? columnOf(r) || column + 1 : column + 1;
      if (xml.charCodeAt(gt - 1) !== 47 /* '/' */) {
        if (cellRow > measure.lastRow) measure.lastRow = cellRow;
        if (column > measure.lastColumn) measure.lastColumn = column;
      }
    }
  }
  return measure;
}

const OTHER = 0;
const ROW = 1;
const CELL = 2;

/** Whether the tag starting at `from` opens a row, a cell or something else (a namespace prefix is ignored). */
function tagKind(xml: string, from: number, to: number): number {
  let start = from;
  let end = from;
  while (end < to) {
    const ch = xml.charCodeAt(end);
    if (ch === 32 || ch === 9 || ch === 10 || ch === 13 || ch === 47 || ch === 62) break;
    if (ch === 58 /* ':' */) start = end + 1;
    end++;
  }
  const length = end - start;
  if (length === 1 && xml.charCodeAt(start) === 99 /* c */) return CELL;
  if (length === 3 && xml.startsWith('row', start)) return ROW;
  return OTHER;
}

const R_ATTRIBUTE = /\sr\s*=\s*["']([^"']*)["']/;

function attribute(xml: string, from: number, to: number): string | null {
  return R_ATTRIBUTE.exec(xml.slice(from, to))?.[1] ?? null;
}

/** "B12" → 12, "12" → 12 (a row's r), otherwise 0. */
function rowOf(ref: string): number {
  const m = /(\d+)$/.exec(ref);
  return m ? Number(m[1]) : 0;
}

/** "B12" → 2, "XFD1" → 16384, otherwise 0. */
function columnOf(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const ch = ref.charCodeAt(i);
    if (ch >= 65 && ch <= 90) n = n * 26 + (ch - 64);
    else if (ch >= 97 && ch <= 122) n = n * 26 + (ch - 96);
    else break;
  }
  return n;
}
