import type { Locale } from '../../../../shared/roles.ts';
import { swedishDay } from '../../../platform/dates.ts';
import {
  formatRegisterNo, type AuthMethod, type Criticality, type DataLocation, type Hosting, type Lifecycle, type PersonalData, type SystemKind,
} from '../model.ts';
import type { SystemRow } from '../repository.ts';
import { neutraliseText } from './neutralise.ts';
import { formatLink, LINE_SEPARATOR, LIST_SEPARATOR, PEOPLE_SEPARATOR, SYSTEM_WORDS, type SystemWords } from './words.ts';

/**
 * The columns of the register export, in order: their headers in Swedish and English, their cell type
 * and width. The headers are names the system import (server/modules/system-import/fields.ts)
 * recognises, so a file exported and imported again changes nothing; the columns it does not read
 * (confirmation dates, legal basis, links) are left alone by it. Every fact the register form edits is
 * here; dates are real dates in XLSX and YYYY-MM-DD in CSV.
 */
export type CellType = 'text' | 'number' | 'date';

export interface ExportColumn {
  key: string;
  sv: string;
  en: string;
  type: CellType;
  /** Width in characters (XLSX). */
  width: number;
}

/** The roles on the system whose current holders are exported, one column each (the pack's role keys). */
export const EXPORT_ROLES = ['systemagare', 'systemforvaltare', 'driftansvarig'] as const;
export type ExportRole = (typeof EXPORT_ROLES)[number];

export const SYSTEM_EXPORT_COLUMNS = [
  { key: 'registerNo', sv: 'Registernummer', en: 'Register number', type: 'text', width: 14 },
  { key: 'name', sv: 'Namn', en: 'Name', type: 'text', width: 30 },
  { key: 'aliases', sv: 'Andra namn', en: 'Other names', type: 'text', width: 20 },
  { key: 'kind', sv: 'Typ av system', en: 'System type', type: 'text', width: 18 },
  { key: 'lifecycle', sv: 'Livscykel', en: 'Lifecycle', type: 'text', width: 16 },
  { key: 'owningUnit', sv: 'Ägande förvaltning', en: 'Owning unit', type: 'text', width: 28 },
  { key: 'usingUnits', sv: 'Används av', en: 'Used by', type: 'text', width: 30 },
  { key: 'kommungemensamt', sv: 'Kommungemensamt', en: 'Shared by kommun', type: 'text', width: 10 },
  { key: 'criticality', sv: 'Kritikalitet', en: 'Criticality', type: 'text', width: 10 },
  { key: 'samhallsviktig', sv: 'Samhällsviktigt', en: 'Vital to society', type: 'text', width: 10 },
  { key: 'hosting', sv: 'Driftform', en: 'Hosting', type: 'text', width: 26 },
  { key: 'dataLocation', sv: 'Datalagring', en: 'Data location', type: 'text', width: 12 },
  { key: 'thirdCountryTransfer', sv: 'Överföring till tredje land', en: 'Third-country transfer', type: 'text', width: 10 },
  { key: 'thirdCountryBasis', sv: 'Rättslig grund för överföringen', en: 'Legal basis for the transfer', type: 'text', width: 24 },
  { key: 'personalData', sv: 'Personuppgifter', en: 'Personal data', type: 'text', width: 22 },
  { key: 'authMethod', sv: 'Inloggning', en: 'Sign-in', type: 'text', width: 22 },
  { key: 'userCount', sv: 'Antal användare', en: 'Number of users', type: 'number', width: 10 },
  { key: 'systemagare', sv: 'Systemägare', en: 'System owner', type: 'text', width: 22 },
  { key: 'systemforvaltare', sv: 'Systemförvaltare', en: 'System administrator', type: 'text', width: 22 },
  { key: 'driftansvarig', sv: 'Driftansvarig', en: 'Operations lead', type: 'text', width: 22 },
  { key: 'confirmedAt', sv: 'Senast bekräftad', en: 'Last confirmed', type: 'date', width: 12 },
  { key: 'confirmationDue', sv: 'Bekräftas senast', en: 'Confirmation due', type: 'date', width: 12 },
  { key: 'description', sv: 'Beskrivning', en: 'Description', type: 'text', width: 40 },
  { key: 'purpose', sv: 'Syfte', en: 'Purpose', type: 'text', width: 40 },
  { key: 'links', sv: 'Länkar', en: 'Links', type: 'text', width: 40 },
  { key: 'note', sv: 'Anteckningar', en: 'Notes', type: 'text', width: 40 },
] as const satisfies readonly ExportColumn[];

export type ExportColumnKey = (typeof SYSTEM_EXPORT_COLUMNS)[number]['key'];

/** The header row in the caller's language. */
export const headersOf = (locale: Locale): string[] => SYSTEM_EXPORT_COLUMNS.map((c) => c[locale]);

/** What one exported row is made of: the system, its using units' names, its current role holders' names and the due date. */
export interface ExportSource {
  row: SystemRow;
  usingUnits: readonly string[];
  holders: ReadonlyMap<string, readonly string[]>;
  confirmationDue: string;
}

/** A cell: text, a number, a date as YYYY-MM-DD (the column's type says which), or empty. */
export type Cell = string | number | null;

const json = <T>(text: string): T => JSON.parse(text) as T;
const yesNo = (v: number | null, w: SystemWords): string | null => (v === null ? null : v === 1 ? w.yes : w.no);
const word = <K extends string>(words: Record<K, string>, code: string | null): string | null => (code === null ? null : (words[code as K] ?? code));
/** The date in Sweden of a timestamp (confirmations are dated as people there saw them). */
const swedishDate = (iso: string | null): string | null => (iso === null ? null : swedishDay(new Date(iso)));

const VALUES: Record<ExportColumnKey, (s: ExportSource, w: SystemWords) => Cell> = {
  registerNo: (s) => formatRegisterNo(s.row.register_no),
  name: (s) => s.row.name,
  aliases: (s) => json<string[]>(s.row.aliases_json).join(LINE_SEPARATOR),
  kind: (s, w) => word<SystemKind>(w.kind, s.row.kind),
  lifecycle: (s, w) => word<Lifecycle>(w.lifecycle, s.row.lifecycle),
  owningUnit: (s) => s.row.owning_unit_name,
  usingUnits: (s) => s.usingUnits.join(LIST_SEPARATOR),
  kommungemensamt: (s, w) => yesNo(s.row.kommungemensamt, w),
  criticality: (s, w) => word<Criticality>(w.criticality, s.row.criticality),
  samhallsviktig: (s, w) => yesNo(s.row.samhallsviktig, w),
  hosting: (s, w) => word<Hosting>(w.hosting, s.row.hosting),
  dataLocation: (s, w) => word<DataLocation>(w.dataLocation, s.row.data_location),
  thirdCountryTransfer: (s, w) => yesNo(s.row.third_country_transfer, w),
  thirdCountryBasis: (s) => s.row.third_country_basis,
  personalData: (s, w) => word<PersonalData>(w.personalData, s.row.personal_data),
  authMethod: (s, w) => word<AuthMethod>(w.authMethod, s.row.auth_method),
  userCount: (s) => s.row.user_count,
  systemagare: (s) => holdersOf(s, 'systemagare'),
  systemforvaltare: (s) => holdersOf(s, 'systemforvaltare'),
  driftansvarig: (s) => holdersOf(s, 'driftansvarig'),
  confirmedAt: (s) => swedishDate(s.row.confirmed_at),
  confirmationDue: (s) => s.confirmationDue,
  description: (s) => s.row.description,
  purpose: (s) => s.row.purpose,
  links: (s) => json<Array<{ label: string; url: string }>>(s.row.links_json).map(formatLink).join(LINE_SEPARATOR),
  note: (s) => s.row.note,
};

const holdersOf = (s: ExportSource, role: ExportRole): string => (s.holders.get(role) ?? []).join(PEOPLE_SEPARATOR);

/** One row of cells, in column order; text is neutralised against formula injection, empty text is an empty cell. */
export function cellsOf(source: ExportSource, locale: Locale): Cell[] {
  const words = SYSTEM_WORDS[locale];
  return SYSTEM_EXPORT_COLUMNS.map((c) => {
    const value = VALUES[c.key](source, words);
    if (typeof value !== 'string') return value;
    return value === '' ? null : c.type === 'text' ? neutraliseText(value) : value;
  });
}
