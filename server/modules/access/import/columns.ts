import { columnLetter, findHeaderRow } from '../../../platform/spreadsheet/index.ts';
import type { AccountType } from '../../../../shared/access.ts';

/**
 * The columns of a system's own user list (docs/ACCESS.md, "The user list's columns"). Headers are compared
 * without case, spaces and punctuation ("E-post", "e post" and "EPOST" are the same), in Swedish or English;
 * each field lists its names best first, so a column "Användarnamn" wins over a column "Konto".
 */
export const FIELDS = ['username', 'name', 'email', 'employeeId', 'role', 'lastLogin', 'status', 'type'] as const;
export type Field = (typeof FIELDS)[number];

const NAMES: Record<Field, string[]> = {
  username: [
    'användarnamn', 'användarid', 'användarkonto', 'användare', 'kontonamn', 'konto', 'inloggningsnamn', 'inloggning',
    'username', 'userid', 'user', 'accountname', 'account', 'loginname', 'login', 'samaccountname',
  ],
  name: ['namn', 'fullständigtnamn', 'heltnamn', 'visningsnamn', 'name', 'fullname', 'displayname'],
  email: ['epost', 'epostadress', 'mejl', 'mejladress', 'email', 'emailaddress', 'mail', 'mailadress'],
  employeeId: [
    'anställningsnummer', 'anställningsnr', 'anstnr', 'anstnummer', 'personalnummer', 'personalnr', 'employeeid', 'employeenumber',
    'employeeno', 'employeenr',
  ],
  role: ['behörighet', 'behörigheter', 'roll', 'roller', 'grupp', 'grupper', 'role', 'roles', 'group', 'groups', 'permission', 'permissions'],
  lastLogin: ['senasteinloggning', 'senastinloggad', 'lastlogin', 'lastlogon', 'lastloggedin', 'lastsignin'],
  status: ['status', 'kontostatus', 'aktiv', 'active', 'enabled', 'accountstatus'],
  type: ['kontotyp', 'typ', 'accounttype', 'type'],
};

export const normaliseHeader = (s: string): string => s.normalize('NFC').toLocaleLowerCase('sv-SE').replace(/[\s.\-_:/()*#'"]+/g, '');

const RANK = new Map<string, { field: Field; rank: number }>();
for (const field of FIELDS) NAMES[field].forEach((n, rank) => RANK.has(n) || RANK.set(n, { field, rank }));

export interface Column {
  index: number;
  /** The header as written in the file, for messages. */
  label: string;
  /** The column's letter as a spreadsheet shows it (A, B, …, AA). */
  letter: string;
}

export type Columns = Partial<Record<Field, Column>>;

export function columnsOf(header: readonly string[]): Columns {
  const best: Partial<Record<Field, { col: Column; rank: number }>> = {};
  header.forEach((label, index) => {
    const hit = RANK.get(normaliseHeader(label));
    if (!hit) return;
    const seen = best[hit.field];
    if (!seen || hit.rank < seen.rank) best[hit.field] = { col: { index, label: label.trim(), letter: columnLetter(index) }, rank: hit.rank };
  });
  return Object.fromEntries(Object.entries(best).map(([f, v]) => [f, v.col])) as Columns;
}

/** The header row: the first of the first rows with a user name column and at least one more known column. */
export function findHeader(rows: readonly string[][]): { index: number; columns: Columns } | null {
  return findHeaderRow(rows, (cells) => {
    const columns = columnsOf(cells);
    return columns.username && Object.keys(columns).length >= 2 ? columns : null;
  });
}

// ——— Values ———

const words = <T extends string>(map: Record<T, string[]>): Map<string, T> => {
  const out = new Map<string, T>();
  for (const [value, list] of Object.entries(map) as Array<[T, string[]]>) for (const w of list) out.set(w, value);
  return out;
};

const TYPE_WORDS = words<AccountType>({
  personal: ['personlig', 'personligt', 'person', 'personkonto', 'användare', 'anställd', 'personal', 'user', 'named', 'individual', 'employee'],
  service: ['tjänstekonto', 'tjänst', 'service', 'serviceaccount', 'servicekonto', 'system', 'systemkonto', 'funktionskonto', 'integration', 'application', 'app'],
  shared: ['delat', 'delad', 'delatkonto', 'gemensamt', 'gemensam', 'gruppkonto', 'shared', 'sharedaccount', 'generic', 'group'],
  administrator: ['administratör', 'admin', 'adminkonto', 'administratörskonto', 'administrator', 'administrative', 'privileged', 'privilegierat'],
});

/** An account type cell in Swedish or English; null when the word is unknown. */
export const typeOf = (value: string): AccountType | null => TYPE_WORDS.get(normaliseHeader(value)) ?? null;

const STATUS_WORDS = words<'active' | 'disabled'>({
  active: ['aktiv', 'aktivt', 'ja', 'j', 'x', 'active', 'enabled', 'yes', 'y', 'true', '1', 'öppen', 'open'],
  disabled: ['inaktiv', 'inaktivt', 'avstängd', 'avstängt', 'spärrad', 'spärrat', 'låst', 'nej', 'n', 'inactive', 'disabled', 'locked', 'suspended', 'no', 'false', '0'],
});

/** A status cell (or an "active"/"enabled" yes-no cell) in Swedish or English; null when unknown. */
export const statusOf = (value: string): 'active' | 'disabled' | null => STATUS_WORDS.get(normaliseHeader(value)) ?? null;

const NEVER = new Set(['aldrig', 'never', '-', '–', 'ingen', 'none', 'n/a']);
const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * A last-login cell: a date (YYYY-MM-DD, what a real Excel date reads as), a date and time (kept as the
 * system's local time, YYYY-MM-DDTHH:MM:SS), or one with a zone (as UTC). "Never" and the like are none.
 * undefined: not a date.
 */
export function loginOf(value: string): string | null | undefined {
  const v = value.trim();
  if (NEVER.has(v.toLowerCase())) return null;
  const m = DATE.exec(v);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, zone] = m;
  const day = `${y}-${mo}-${d}`;
  const check = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(check.getTime()) || check.toISOString().slice(0, 10) !== day) return undefined;
  if (h === undefined) return day;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 59) return undefined;
  const local = `${day}T${h}:${mi}:${s ?? '00'}`;
  if (!zone) return local;
  const at = new Date(`${local}${zone.toUpperCase() === 'Z' ? 'Z' : zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone}`);
  return Number.isNaN(at.getTime()) ? undefined : at.toISOString();
}

/** Several access roles in one cell, separated by ; , or |. */
export const rolesOf = (value: string): string[] =>
  value
    .split(/[;,|]/)
    .map((r) => r.trim())
    .filter(Boolean);
