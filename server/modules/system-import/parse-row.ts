import type { MessageKey } from '../../platform/i18n.ts';
import { parseRegisterNo, type SystemFactsInput } from '../systems/index.ts';
import { ROLE_FIELDS, type Field, type RoleField } from './fields.ts';
import type { RowMessage } from './plan-types.ts';
import type { Cell, SourceRow } from './rows.ts';
import {
  authMethodOf, countOf, criticalityOf, dataLocationOf, dateOf, hostingOf, isVacant, kindOf, lifecycleOf, linkOf, listOf, peopleListOf,
  personalData, yesNo, type Parsed,
} from './values.ts';
import type { Lifecycle } from '../systems/index.ts';

/** The facts a row can state about a system, each with the cell it came from. */
export type FactField = Exclude<keyof SystemFactsInput, 'name' | 'owningUnitId' | 'usingUnitIds' | 'aliases' | 'links' | 'note'>;

export interface Stated<T> {
  value: T;
  cell: Cell;
}

export interface RoleCell {
  cell: Cell;
  /** "Vakant" (or a dash): the role has no holder. */
  vacant: boolean;
  names: string[];
}

/** One data row read into typed values; a cell that cannot be read is an error naming it. */
export interface ParsedRow {
  src: SourceRow;
  errors: RowMessage[];
  notes: RowMessage[];
  name: Stated<string> | null;
  registerNo: Stated<number> | null;
  facts: Partial<{ [K in FactField]: Stated<SystemFactsInput[K]> }>;
  lifecycle: Stated<Lifecycle> | null;
  aliases: Stated<string[]> | null;
  link: Stated<{ label: string; url: string }> | null;
  comment: Stated<string> | null;
  /**
   * Optional cells that could not be read, as "Header: text": the field stays empty, the row is imported
   * and the text goes to the system's note (only the identity — name, register number, förvaltning — stops a row).
   */
  kept: string[];
  /** K/R/T as written: one column, or the K, R and T columns joined as "K/R/T". */
  krt: Stated<string> | null;
  unit: Stated<string> | null;
  using: Array<Stated<string>>;
  roles: Partial<Record<RoleField, RoleCell>>;
  supplier: Stated<string> | null;
  agreementEnd: Stated<string> | null;
}

const LIMITS: Partial<Record<Field, number>> = { name: 200, description: 4000, purpose: 4000, note: 4000, supplier: 200, unit: 200 };

export const messageAt = (cell: Cell | null, key: MessageKey, params?: Record<string, string | number>): RowMessage => ({
  cell: cell?.ref || null,
  column: cell?.column ?? null,
  key,
  ...(params ? { params } : {}),
});

export function parseRow(src: SourceRow): ParsedRow {
  const c = src.cells;
  const errors: RowMessage[] = [];
  const notes: RowMessage[] = [];
  const kept: string[] = [];
  /** An optional cell: one that cannot be read is a remark, and its text is kept for the note. */
  const read = <T>(field: Field, reader: (text: string) => Parsed<T>): Stated<T> | null => {
    const cell = c[field];
    if (!cell) return null;
    const r = reader(cell.text);
    if ('error' in r) {
      notes.push(messageAt(cell, r.error, r.params));
      kept.push(`${cell.column}: ${cell.text}`);
      return null;
    }
    return { value: r.value, cell };
  };
  const text = (field: Field): Stated<string> | null => {
    const cell = c[field];
    if (!cell) return null;
    const max = LIMITS[field];
    if (max && cell.text.length > max) {
      errors.push(messageAt(cell, 'systemImport.value.too_long', { max }));
      return null;
    }
    return { value: cell.text, cell };
  };

  const facts: ParsedRow['facts'] = {};
  const put = <K extends FactField>(k: K, v: Stated<SystemFactsInput[K]> | null) => {
    if (v) (facts as Record<string, unknown>)[k] = v;
  };
  put('kind', read('kind', kindOf));
  put('description', text('description'));
  put('purpose', text('purpose'));
  put('kommungemensamt', read('kommungemensamt', yesNo));
  put('criticality', read('criticality', criticalityOf));
  put('samhallsviktig', read('samhallsviktig', yesNo));
  put('hosting', read('hosting', hostingOf));
  put('dataLocation', read('dataLocation', dataLocationOf));
  put('thirdCountryTransfer', read('thirdCountryTransfer', yesNo));
  put('authMethod', read('authMethod', authMethodOf));
  put('userCount', read('userCount', countOf));
  const personal = read('personalData', personalData);
  const sensitive = read('sensitivePersonalData', yesNo);
  if (sensitive?.value) put('personalData', { value: 'sensitive', cell: sensitive.cell });
  else put('personalData', personal);

  // The register number is identity: one that cannot be read stops the row.
  const registerCell = c.registerNo;
  const registerNoValue = registerCell ? parseRegisterNo(registerCell.text) : null;
  if (registerCell && registerNoValue === null) errors.push(messageAt(registerCell, 'systemImport.value.register_no', { value: registerCell.text }));
  const registerNo: Stated<number> | null = registerCell && registerNoValue !== null ? { value: registerNoValue, cell: registerCell } : null;
  const name = text('name');
  if (!name && !registerNo && !errors.some((e) => e.column === c.registerNo?.column)) errors.push(messageAt(null, 'systemImport.row.name_missing'));

  const aliasesCell = c.aliases;
  let aliases: Stated<string[]> | null = null;
  if (aliasesCell) {
    const list = listOf(aliasesCell.text);
    if (list.some((a) => a.length > 200)) errors.push(messageAt(aliasesCell, 'systemImport.value.too_long', { max: 200 }));
    else aliases = { value: list, cell: aliasesCell };
  }

  const roles: ParsedRow['roles'] = {};
  for (const f of Object.keys(ROLE_FIELDS) as RoleField[]) {
    const cell = c[f];
    if (!cell) continue;
    roles[f] = isVacant(cell.text) ? { cell, vacant: true, names: [] } : { cell, vacant: false, names: peopleListOf(cell.text).filter((n) => !isVacant(n)) };
  }

  const lifecycle = read('lifecycle', lifecycleOf);
  const link = read('link', linkOf);
  const agreementEnd = read('agreementEnd', dateOf);
  if (kept.length) notes.push(messageAt(null, 'systemImport.row.kept_in_note', { columns: kept.map((k) => k.slice(0, k.indexOf(':'))).join(', ') }));

  return {
    src,
    errors,
    notes,
    kept,
    name,
    registerNo,
    facts,
    lifecycle,
    aliases,
    link,
    comment: text('note'),
    krt: krtOf(c),
    unit: text('unit') ?? (src.sheetUnit ? { value: src.sheetUnit, cell: { text: src.sheetUnit, ref: '', column: src.sheet ?? '' } } : null),
    using: c.usingUnits ? listOf(c.usingUnits.text).map((value) => ({ value, cell: c.usingUnits! })) : [],
    roles,
    supplier: text('supplier'),
    agreementEnd,
  };
}

/** One K/R/T column as written, or the separate K, R and T columns as "3/2/–". */
function krtOf(c: SourceRow['cells']): Stated<string> | null {
  if (c.classification) return { value: c.classification.text, cell: c.classification };
  const parts = [c.confidentiality, c.integrity, c.availability];
  const first = parts.find(Boolean);
  if (!first) return null;
  return { value: parts.map((p) => p?.text ?? '–').join('/'), cell: first };
}
