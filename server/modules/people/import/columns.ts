import { findHeaderRow } from '../../../platform/spreadsheet/index.ts';

/**
 * Recognising the columns of an HR export. Headers are compared without case, spaces and punctuation
 * ("E-post", "e post" and "EPOST" are the same); each field lists its names best first, so a column
 * "Anställningsnummer" wins over a column "ID". Columns not listed (personnummer among them) are ignored.
 */
export const FIELDS = ['externalId', 'name', 'firstName', 'lastName', 'email', 'title', 'unit', 'unitCode', 'manager', 'status'] as const;
export type Field = (typeof FIELDS)[number];

const NAMES: Record<Field, string[]> = {
  externalId: [
    'anställningsnummer', 'anställningsnr', 'anstnr', 'anstnummer', 'anställningsid', 'anstid', 'personalnummer', 'personalnr',
    'employeeid', 'employeenumber', 'employeeno', 'employeenr', 'empid', 'empno', 'staffid', 'staffnumber', 'hrid', 'externalid', 'id',
  ],
  name: ['namn', 'fullständigtnamn', 'heltnamn', 'name', 'fullname', 'displayname', 'visningsnamn'],
  firstName: ['förnamn', 'tilltalsnamn', 'firstname', 'givenname'],
  lastName: ['efternamn', 'lastname', 'surname', 'familyname'],
  email: ['epost', 'epostadress', 'email', 'emailaddress', 'mejl', 'mejladress', 'mail', 'mailadress', 'emejl'],
  title: ['titel', 'befattning', 'befattningsbenämning', 'yrkestitel', 'title', 'jobtitle', 'position'],
  unit: ['enhet', 'enhetsnamn', 'avdelning', 'organisationsenhet', 'orgenhet', 'unit', 'unitname', 'department', 'orgunit'],
  unitCode: ['enhetskod', 'enhetsid', 'avdelningskod', 'orgkod', 'unitcode', 'unitid', 'departmentcode', 'departmentid', 'orgunitcode'],
  manager: [
    'närmastechef', 'chef', 'chefensepost', 'chefepost', 'chefensanställningsnummer', 'chefanstnr', 'chefsanstnr', 'manager',
    'manageremail', 'managerid', 'linemanager', 'supervisor',
  ],
  status: ['status', 'anställningsstatus', 'employmentstatus'],
};

export const normaliseHeader = (s: string): string =>
  s.normalize('NFC').toLocaleLowerCase('sv-SE').replace(/[\s.\-_:/()*#'"]+/g, '');

const RANK = new Map<string, { field: Field; rank: number }>();
for (const field of FIELDS) NAMES[field].forEach((n, rank) => RANK.set(n, { field, rank }));

export interface Column {
  index: number;
  /** The header as written in the file, for messages. */
  label: string;
}

export type Columns = Partial<Record<Field, Column>>;

/** The fields a header row provides (for each field its best-named column). */
export function columnsOf(header: readonly string[]): Columns {
  const best: Partial<Record<Field, { col: Column; rank: number }>> = {};
  header.forEach((label, index) => {
    const hit = RANK.get(normaliseHeader(label));
    if (!hit) return;
    const seen = best[hit.field];
    if (!seen || hit.rank < seen.rank) best[hit.field] = { col: { index, label: label.trim() }, rank: hit.rank };
  });
  return Object.fromEntries(Object.entries(best).map(([f, v]) => [f, v.col])) as Columns;
}

/**
 * The header row: the first of the first rows that names a person (name, or first and last name) and
 * a way to recognise them (employee id or e-mail). Title rows and blank rows above it are skipped.
 */
export function findHeader(rows: readonly string[][]): { index: number; columns: Columns } | null {
  return findHeaderRow(rows, (cells) => {
    const columns = columnsOf(cells);
    const named = columns.name || (columns.firstName && columns.lastName);
    return named && (columns.externalId || columns.email) ? columns : null;
  });
}

/** What one data row says, per field; a field whose column is absent is undefined, an empty cell is ''. */
export type RowValues = Partial<Record<Field, string>>;

export function valuesOf(row: readonly string[], columns: Columns): RowValues {
  const out: RowValues = {};
  for (const field of FIELDS) {
    const col = columns[field];
    if (col) out[field] = (row[col.index] ?? '').trim();
  }
  return out;
}

const STATUS_WORDS: Record<string, 'active' | 'disabled' | 'left'> = {
  aktiv: 'active', active: 'active', anställd: 'active', employed: 'active',
  inaktiv: 'disabled', inactive: 'disabled', avstängd: 'disabled', spärrad: 'disabled', disabled: 'disabled', suspended: 'disabled',
  slutat: 'left', avslutad: 'left', avslutat: 'left', avgått: 'left', left: 'left', terminated: 'left', ended: 'left', former: 'left',
};

/** A status cell in Swedish or English; null when the word is unknown. */
export const statusOf = (value: string): 'active' | 'disabled' | 'left' | null => STATUS_WORDS[normaliseHeader(value)] ?? null;
