import { z } from 'zod';
import { rowsBelow } from '../../../platform/spreadsheet/index.ts';
import { fold } from '../../../platform/text.ts';
import type { AccountType } from '../../../../shared/access.ts';
import { findHeader, loginOf, rolesOf, statusOf, typeOf, type Columns, type Field } from './columns.ts';
import { MAX_IMPORT_ROWS, MAX_ROLES_PER_ROW, type ExistingRole, type RowProblem } from './plan-types.ts';
import { fileProblem } from './read-list.ts';

/**
 * The first pass of a dry-run: each data row read into an account's values and its access roles, checked cell by
 * cell. Rows with the same user name (a row per role) make one account: the first row that gives a value sets it,
 * and a later row that gives another is an error naming both. A row with errors adds nothing to its account.
 */

/** The values an account gets from the file's rows; a field no accepted row gave is undefined. */
export interface AccountValues {
  username: string;
  displayName?: string;
  email?: string;
  employeeId?: string;
  type?: AccountType;
  status?: 'active' | 'disabled';
  lastLoginAt?: string | null;
  /** The row that set each field, for the message when a later row differs. */
  from: Partial<Record<Field, number>>;
  /** Access roles by name key: the name as first spelled, and the row that first named it. */
  roles: Map<string, { name: string; row: number }>;
}

export interface ReadRow {
  row: number;
  usernameKey: string | null;
  username: string | null;
  name: string | null;
  roles: string[];
  problems: RowProblem[];
}

export interface ReadOutcome {
  columns: Columns;
  rows: ReadRow[];
  /** By user name key, in the file's order: accounts with at least one accepted row. */
  accounts: Map<string, AccountValues>;
  /** User name keys on rows with errors: full mode leaves their accounts and grants as they are. */
  held: Set<string>;
  /** Rows with errors and no user name: full mode ends nothing, as they may be anyone's. */
  anonymousErrors: number[];
}

const LIMITS: Partial<Record<Field, number>> = { username: 200, name: 200, email: 254, employeeId: 100 };
const emailSchema = z.email();
const isEmail = (v: string) => emailSchema.safeParse(v).success;

export function readRows(table: string[][], roles: readonly ExistingRole[]): ReadOutcome {
  const header = findHeader(table);
  if (!header) throw fileProblem('access.import.no_header');
  const cols = header.columns;
  const data = rowsBelow(table, header.index);
  if (data.length === 0) throw fileProblem('access.import.no_rows');
  if (data.length > MAX_IMPORT_ROWS) throw fileProblem('access.import.too_many_rows', { count: data.length, max: MAX_IMPORT_ROWS });
  const rolesByKey = new Map(roles.map((r) => [r.name_key, r]));
  const out: ReadOutcome = { columns: cols, rows: [], accounts: new Map(), held: new Set(), anonymousErrors: [] };
  // Role names and last logins repeat down a list: each is read once.
  const folds = new Map<string, string>();
  const foldOf = (s: string) => {
    let f = folds.get(s);
    if (f === undefined) folds.set(s, (f = fold(s)));
    return f;
  };
  const logins = new Map<string, string | null | undefined>();
  const loginAt = (s: string) => {
    if (!logins.has(s)) logins.set(s, loginOf(s));
    return logins.get(s);
  };
  const cell = (cells: string[], f: Field) => {
    const c = cols[f];
    return c ? (cells[c.index] ?? '').trim() : '';
  };

  for (const { row, cells } of data) {
    const problems: RowProblem[] = [];
    const problem = (field: RowProblem['field'], key: RowProblem['key'], params?: RowProblem['params']) => problems.push({ field, key, ...(params ? { params } : {}) });
    for (const [f, max] of Object.entries(LIMITS) as Array<[Field, number]>) {
      const v = cell(cells, f);
      if (v.length > max) problem(f as RowProblem['field'], 'access.import.too_long', { value: `${v.slice(0, 40)}…`, max });
    }
    const username = cell(cells, 'username') || null;
    if (!username) problem('username', 'access.import.username_required');
    const email = cell(cells, 'email').toLowerCase() || undefined;
    if (email && !isEmail(email)) problem('email', 'access.import.invalid_email', { value: email });
    const typeText = cell(cells, 'type');
    const type = typeText ? typeOf(typeText) : undefined;
    if (type === null) problem('type', 'access.import.invalid_type', { value: typeText });
    const statusText = cell(cells, 'status');
    const status = statusText ? statusOf(statusText) : undefined;
    if (status === null) problem('status', 'access.import.invalid_status', { value: statusText });
    const loginText = cell(cells, 'lastLogin');
    const lastLoginAt = loginText ? loginAt(loginText) : undefined;
    if (loginText && lastLoginAt === undefined) problem('lastLogin', 'access.import.invalid_login', { value: loginText });

    const names = rolesOf(cell(cells, 'role'));
    if (names.length > MAX_ROLES_PER_ROW) problem('role', 'access.import.too_many_roles', { max: MAX_ROLES_PER_ROW });
    for (const name of names) {
      if (name.length > 200) problem('role', 'access.import.too_long', { value: `${name.slice(0, 40)}…`, max: 200 });
      else if (rolesByKey.get(foldOf(name))?.status === 'retired') problem('role', 'access.import.role_retired', { value: name });
    }

    const key = username ? fold(username) : null;
    const given: Partial<Record<Field, string | null>> = {
      name: cell(cells, 'name') || undefined,
      email,
      employeeId: cell(cells, 'employeeId') || undefined,
      type: type ?? undefined,
      status: status ?? undefined,
      lastLogin: lastLoginAt,
    };
    const account = key ? out.accounts.get(key) : undefined;
    if (account) {
      const had: Partial<Record<Field, string | null | undefined>> = {
        name: account.displayName,
        email: account.email,
        employeeId: account.employeeId,
        type: account.type,
        status: account.status,
        lastLogin: account.lastLoginAt,
      };
      for (const [f, value] of Object.entries(given) as Array<[Field, string | null | undefined]>) {
        if (value === undefined || had[f] === undefined || had[f] === value) continue;
        problem(f as RowProblem['field'], 'access.import.conflict_value', { value: value ?? '', row: account.from[f] ?? 0, other: had[f] ?? '' });
      }
    }
    out.rows.push({ row, usernameKey: key, username, name: given.name ?? null, roles: names, problems });

    if (problems.length) {
      if (key) out.held.add(key);
      else out.anonymousErrors.push(row);
      continue;
    }
    const acc: AccountValues = account ?? { username: username!, from: {}, roles: new Map() };
    if (!account) out.accounts.set(key!, acc);
    const set = <K extends 'displayName' | 'email' | 'employeeId' | 'type' | 'status' | 'lastLoginAt'>(k: K, f: Field, v: AccountValues[K] | undefined) => {
      if (v === undefined || acc[k] !== undefined) return;
      acc[k] = v;
      acc.from[f] = row;
    };
    set('displayName', 'name', given.name ?? undefined);
    set('email', 'email', email);
    set('employeeId', 'employeeId', given.employeeId ?? undefined);
    set('type', 'type', type ?? undefined);
    set('status', 'status', status ?? undefined);
    set('lastLoginAt', 'lastLogin', lastLoginAt);
    for (const name of names) {
      const k = foldOf(name);
      if (!acc.roles.has(k)) acc.roles.set(k, { name, row });
    }
  }
  return out;
}
