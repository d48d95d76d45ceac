import type { MessageKey } from '../../platform/i18n.ts';
import { parseKrt, type KrtLevels } from '../../policy/krt.ts';
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
  /**
   * K/R/T that reads and is on the policy's scale: its levels, and the text the draft classification keeps as its
   * reference (the one column's text, or the K, R, T (and S) columns joined as "3/2/2"). A cell that does not read is a
   * remark (and its text goes to the note), and the row gives no classification.
   */
  krt: Stated<KrtRead> | null;
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

export interface KrtRead {
  levels: KrtLevels;
  reference: string;
}

/** The aspects whose level is not on the policy's scale (empty: all are). */
export type ScaleCheck = (levels: KrtLevels) => string[];

export function parseRow(src: SourceRow, offScale: ScaleCheck = () => []): ParsedRow {
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
  const krt = krtOf(c, offScale, (cell, key, params) => {
    notes.push(messageAt(cell, key, params));
    kept.push(`${cell.column}: ${cell.text}`);
  });
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
    krt,
    unit: text('unit') ?? (src.sheetUnit ? { value: src.sheetUnit, cell: { text: src.sheetUnit, ref: '', column: src.sheet ?? '' } } : null),
    using: c.usingUnits ? listOf(c.usingUnits.text).map((value) => ({ value, cell: c.usingUnits! })) : [],
    roles,
    supplier: text('supplier'),
    agreementEnd,
  };
}

const ASPECT_FIELDS = [
  ['confidentiality', 'K'],
  ['integrity', 'R'],
  ['availability', 'T'],
  ['traceability', 'S'],
] as const;
const KRT_REFERENCE_MAX = 200;
/** A cell with only dashes (or question marks) and separators states no level: "–", "-/-/-". */
const NO_LEVELS = /^[\s/,;?–—-]*$/;
/** A level not assessed in a column of its own. */
const NO_LEVEL = /^(?:[–—?-])$/;

/**
 * K/R/T as the row writes it: the one column (parseKrt: "3/2/2", "3/2/2/1", "K3 R2 T2", "C3 I2 A2"), else the
 * columns per aspect (a digit each, "–" or nothing for a level not assessed). A cell that does not read, or a level
 * not on the policy's scale, is a remark naming the cell (`refuse`), and the row states no K/R/T.
 */
function krtOf(c: SourceRow['cells'], offScale: ScaleCheck, refuse: (cell: Cell, key: MessageKey, params: Record<string, string>) => void): Stated<KrtRead> | null {
  const one = c.classification;
  if (one) {
    if (NO_LEVELS.test(one.text)) return null;
    const levels = parseKrt(one.text);
    if (!levels) {
      refuse(one, 'systemImport.value.krt', { value: one.text });
      return null;
    }
    const off = offScale(levels);
    if (off.length) {
      refuse(one, 'systemImport.value.krt_scale', { value: one.text, levels: ASPECT_FIELDS.filter(([a]) => off.includes(a)).map(([a, l]) => `${l}${levels[a]}`).join(', ') });
      return null;
    }
    return { value: { levels, reference: one.text.slice(0, KRT_REFERENCE_MAX) }, cell: one };
  }
  const present = ASPECT_FIELDS.filter(([a]) => c[a]);
  if (!present.length) return null;
  const levels: KrtLevels = { confidentiality: null, integrity: null, availability: null, traceability: null };
  let readable = true;
  for (const [a] of present) {
    const cell = c[a]!;
    const text = cell.text.trim();
    if (/^\d$/.test(text)) levels[a] = Number(text);
    else if (!NO_LEVEL.test(text)) {
      refuse(cell, 'systemImport.value.krt_level', { value: cell.text });
      readable = false;
    }
  }
  if (!readable || ASPECT_FIELDS.every(([a]) => levels[a] === null)) return null;
  const off = offScale(levels);
  if (off.length) {
    for (const [a, l] of ASPECT_FIELDS) if (off.includes(a)) refuse(c[a]!, 'systemImport.value.krt_scale', { value: c[a]!.text, levels: `${l}${levels[a]}` });
    return null;
  }
  // The reference reads as the one column would: "3/2/2", with spårbarhet "3/2/2/1"; a level not assessed as "–".
  const shown = c.traceability ? ASPECT_FIELDS : ASPECT_FIELDS.slice(0, 3);
  const reference = shown.map(([a]) => (levels[a] === null ? '–' : String(levels[a]))).join('/');
  return { value: { levels, reference }, cell: c[present[0]![0]]! };
}
