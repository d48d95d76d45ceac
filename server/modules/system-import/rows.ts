import { columnLetter, rowNumber } from '../../platform/spreadsheet/index.ts';
import { FIELDS, findHeader, headerMapping, normaliseHeader, sheetNamesUnit, type Columns, type Field, type Mapping } from './fields.ts';
import { fileProblem, type Sheet } from './read-workbook.ts';

/** At most this many data rows per file (a 400 beyond). */
export const MAX_IMPORT_ROWS = 20_000;

/** One cell of a data row: its text and where it is, for messages ("C7", under the header "Systemägare"). */
export interface Cell {
  text: string;
  ref: string;
  column: string;
}

/** One data row of one sheet, by field. A field without a column, or with an empty cell, is absent. */
export interface SourceRow {
  sheet: string | null;
  row: number;
  cells: Partial<Record<Field, Cell>>;
  /** The sheet's name when it names the owning förvaltning (no förvaltning column on the sheet). */
  sheetUnit: string | null;
  /** The header of the förvaltning column (or the sheet), for messages about a missing förvaltning. */
  unitColumn: string | null;
}

export interface SheetSummary {
  name: string | null;
  /** 1-based; null when no header row was found (the sheet is skipped). */
  headerRow: number | null;
  rows: number;
  /** Rows below the header that were taken as notes, not systems. */
  notes: number;
  /** The sheet's name gives the förvaltning of its rows. */
  unitFromName: boolean;
  /** The förvaltning's full name, from the title rows, when Excel cut the sheet's name at 31 characters. */
  fullName?: string;
  /** The sheet's name gives the förvaltning, is 31 characters long (Excel's limit) and no title row completes it. */
  nameCut?: boolean;
  /** The förvaltning the caller gave for the sheet (sheetUnits), read instead of the sheet's name. */
  unitGiven?: string;
}

/** The caller's förvaltning per sheet: {"sheet name as in the file": a unit's name, code or external id, or a new förvaltning's full name}. */
export type SheetUnits = Record<string, string>;

/** Excel's longest sheet name: a name this long was probably cut. */
const SHEET_NAME_MAX = 31;

/**
 * The förvaltning a sheet's name stands for: the name itself, or — when Excel cut it at 31 characters — the
 * longer name in the title rows above the header that starts with it ("Samhällsbyggnadsförvaltningen Te" →
 * "Samhällsbyggnadsförvaltningen Teknik"). `cut` when the name is 31 characters and no title completes it.
 */
function unitOfSheet(name: string, titleRows: string[][]): { unit: string; full: boolean; cut: boolean } {
  if (name.length < SHEET_NAME_MAX) return { unit: name, full: false, cut: false };
  const key = name.toLocaleLowerCase('sv');
  for (const row of titleRows) {
    for (const cell of row) {
      const text = cell.trim();
      if (text.length > name.length && text.toLocaleLowerCase('sv').startsWith(key)) return { unit: text, full: true, cut: false };
    }
  }
  return { unit: name, full: false, cut: true };
}

export interface MappingEntry {
  column: string;
  field: Field | null;
  sheets: string[];
}

export interface SourceTable {
  rows: SourceRow[];
  sheets: SheetSummary[];
  mapping: MappingEntry[];
  /** Fields some sheet has a column for. */
  present: Set<Field>;
}

/** Lines that are notes, not systems, when they stand alone in a row ("* K/R/T enligt …", "Senast uppdaterad …"). */
const NOTE = /^(\*|obs\b|not\b|notera|notering|anm\b|anmärkning|kommentar|källa|senast|uppdaterad|updated|last updated|totalt|summa|total\b|sum\b|förklaring|teckenförklaring|legend|k\s*\/\s*r\s*\/\s*t|krt\b|fotnot|footnote|exporterad|exported|utskriven|printed|sida \d|page \d|\d+\))/i;

/**
 * Finds each sheet's header row and turns the rows below it into source rows. Sheets without a header
 * row (instructions, lists of values) are skipped. Rows that hold a single cell outside the name column,
 * a lone line that reads as a note, or lone lines after the last full row and a blank row, are notes;
 * a repeat of the header is skipped too.
 */
export function sourceRows(sheets: Sheet[], mapping: Mapping, sheetUnits: SheetUnits = {}): SourceTable {
  const given = new Map(Object.entries(sheetUnits).map(([sheet, unit]) => [sheet.trim().toLocaleLowerCase('sv'), unit.trim()]));
  const rows: SourceRow[] = [];
  const summaries: SheetSummary[] = [];
  const entries = new Map<string, MappingEntry>();
  const present = new Set<Field>();
  for (const sheet of sheets) {
    const header = findHeader(sheet.rows, mapping);
    if (!header) {
      if (sheet.rows.some((r) => r.some((c) => c !== ''))) summaries.push({ name: sheet.name, headerRow: null, rows: 0, notes: 0, unitFromName: false });
      continue;
    }
    const headerCells = sheet.rows[header.index]!;
    for (const { label, field } of headerMapping(headerCells, header.columns)) {
      const e = entries.get(label) ?? { column: label, field, sheets: [] };
      if (sheet.name !== null && !e.sheets.includes(sheet.name)) e.sheets.push(sheet.name);
      entries.set(label, e);
    }
    for (const f of Object.keys(header.columns) as Field[]) present.add(f);
    const unitFromName = !header.columns.unit && sheetNamesUnit(sheet.name);
    const givenUnit = unitFromName ? given.get(sheet.name!.trim().toLocaleLowerCase('sv')) : undefined;
    const sheetUnit = givenUnit ? { unit: givenUnit, full: false, cut: false } : unitFromName ? unitOfSheet(sheet.name!.trim(), sheet.rows.slice(0, header.index)) : null;
    const { data, notes } = dataRows(sheet.rows, header.index, header.columns);
    const columns = FIELDS.flatMap((f) => (header.columns[f] ? [{ f, ...header.columns[f], letter: columnLetter(header.columns[f].index) }] : []));
    for (const { index, cells } of data) {
      const row = rowNumber(index);
      const out: SourceRow['cells'] = {};
      for (const col of columns) {
        const text = cells[col.index];
        if (text) out[col.f] = { text, ref: `${col.letter}${row}`, column: col.label };
      }
      rows.push({
        sheet: sheet.name,
        row,
        cells: out,
        sheetUnit: sheetUnit?.unit ?? null,
        unitColumn: header.columns.unit?.label ?? null,
      });
    }
    summaries.push({
      name: sheet.name, headerRow: header.index + 1, rows: data.length, notes, unitFromName,
      ...(sheetUnit?.full ? { fullName: sheetUnit.unit } : {}), ...(sheetUnit?.cut ? { nameCut: true } : {}), ...(givenUnit ? { unitGiven: givenUnit } : {}),
    });
    if (rows.length > MAX_IMPORT_ROWS) throw fileProblem('systemImport.file.too_many_rows', { max: MAX_IMPORT_ROWS });
  }
  if (!summaries.some((s) => s.headerRow !== null)) throw fileProblem('systemImport.file.no_header');
  if (rows.length === 0) throw fileProblem('systemImport.file.no_rows');
  return { rows, sheets: summaries, mapping: [...entries.values()], present };
}

function dataRows(all: string[][], headerIndex: number, columns: Columns): { data: Array<{ index: number; cells: string[] }>; notes: number } {
  const header = all[headerIndex]!;
  const headerKey = header.map(normaliseHeader).join('|');
  const first = header.findIndex((c) => c !== '');
  /** A repeat of the header row (cheap test first: the first header cell). */
  const repeatsHeader = (cells: string[]) => cells[first]?.toLowerCase() === header[first]!.toLowerCase() && cells.map(normaliseHeader).join('|') === headerKey;
  const mapped = new Set(Object.values(columns).map((c) => c.index));
  const nameColumns = new Set([columns.name?.index, columns.registerNo?.index].filter((i) => i !== undefined));
  const filled = (cells: string[]) => {
    const at: number[] = [];
    for (let i = 0; i < cells.length; i++) if (cells[i] !== '') at.push(i);
    return at;
  };
  const filledRows = all.map((cells, i) => (i > headerIndex ? filled(cells) : []));
  let lastFull = -1;
  for (let i = headerIndex + 1; i < all.length; i++) if (filledRows[i]!.filter((c) => mapped.has(c)).length >= 2) lastFull = i;

  const data: Array<{ index: number; cells: string[] }> = [];
  let notes = 0;
  let gapAfterFull = false;
  for (let i = headerIndex + 1; i < all.length; i++) {
    const cells = all[i]!;
    const at = filledRows[i]!;
    if (at.length === 0) {
      if (i > lastFull && lastFull !== -1) gapAfterFull = true;
      continue;
    }
    if (repeatsHeader(cells)) continue;
    const lone = at.length === 1 ? cells[at[0]!]! : null;
    const isNote =
      !at.some((c) => mapped.has(c)) || (lone !== null && (!nameColumns.has(at[0]!) || NOTE.test(lone) || (gapAfterFull && i > lastFull)));
    if (isNote) notes++;
    else data.push({ index: i, cells });
  }
  return { data, notes };
}
