import { sql, type SqlBool } from 'kysely';
import type { Db } from '../../platform/db/index.ts';
import { toCount } from '../../platform/db/index.ts';
import type { AccessAccountsTable, AccessGrantsTable } from '../../platform/db/tables/access.ts';
import { containsPattern } from '../../platform/text.ts';
import type { AccountStatus, AccountType } from '../../../shared/access.ts';

/**
 * The SQL of the access model's lists: a system's accounts (keyset on the user name, by the unique index
 * (system_id, username_key)), a system's grants (keyset on id, or on ended_at and id for history, by the index
 * (system_id, ended_at, id)), and a person's grants everywhere (index (person_id, ended_at)).
 */

const like = (column: string, pattern: string) => sql<SqlBool>`${sql.ref(column)} like ${pattern} escape '\\'`;

// ——— Accounts ———

export interface AccountFilter {
  systemId: string;
  q?: string | undefined;
  status?: AccountStatus | undefined;
  unmatched?: boolean | undefined;
}

export type AccountRow = AccessAccountsTable & { person_name: string | null; grant_count: number | string };

function accountsOf(db: Db, f: AccountFilter) {
  let q = db.selectFrom('access_accounts as a').leftJoin('people as p', 'p.id', 'a.person_id').where('a.system_id', '=', f.systemId);
  if (f.status) q = q.where('a.status', '=', f.status);
  if (f.unmatched === true) q = q.where('a.type', '=', 'personal').where('a.person_id', 'is', null).where('a.status', '<>', 'removed');
  if (f.unmatched === false) q = q.where((eb) => eb.or([eb('a.type', '<>', 'personal'), eb('a.person_id', 'is not', null)]));
  if (f.q) {
    const pattern = containsPattern(f.q);
    // Display names are kept as the system spells them: lower() folds their ASCII letters, the rest must match as written.
    q = q.where((eb) =>
      eb.or([like('a.username_key', pattern), like('a.email', pattern), sql<SqlBool>`lower(a.display_name) like ${pattern} escape '\\'`, like('p.name_search', pattern)]),
    );
  }
  return q;
}

export async function accountPage(db: Db, f: AccountFilter, after: { k: string; id: string } | undefined, limit: number) {
  let q = accountsOf(db, f)
    .selectAll('a')
    .select([
      'p.name as person_name',
      (eb) =>
        eb
          .selectFrom('access_grants as g')
          .select((e) => e.fn.countAll<number | string>().as('n'))
          .whereRef('g.account_id', '=', 'a.id')
          .where('g.ended_at', 'is', null)
          .as('grant_count'),
    ]);
  if (after) q = q.where(sql<SqlBool>`(a.username_key > ${after.k} or (a.username_key = ${after.k} and a.id > ${after.id}))`);
  const rows = (await q.orderBy('a.username_key').orderBy('a.id').limit(limit + 1).execute()) as AccountRow[];
  return { rows: rows.slice(0, limit), hasMore: rows.length > limit };
}

export async function countAccounts(db: Db, f: AccountFilter): Promise<number> {
  const row = await accountsOf(db, f).select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
  return toCount(row?.n as number | string | undefined);
}

// ——— Grants ———

export interface GrantFilter {
  systemId: string;
  ended: boolean;
  q?: string | undefined;
  accessRoleId?: string | undefined;
  privileged?: boolean | undefined;
}

export type GrantListRow = AccessGrantsTable & {
  username: string;
  account_type: AccountType;
  role_name: string;
  role_privileged: number;
  person_name: string | null;
};

/** The grants the filter names by their own columns. */
function ownGrantsOf(db: Db, f: GrantFilter) {
  let q = db
    .selectFrom('access_grants as g')
    .where('g.system_id', '=', f.systemId)
    .where('g.ended_at', f.ended ? 'is not' : 'is', null);
  if (f.accessRoleId) q = q.where('g.access_role_id', '=', f.accessRoleId);
  return q;
}

function grantsOf(db: Db, f: GrantFilter) {
  let q = ownGrantsOf(db, f)
    .innerJoin('access_accounts as a', 'a.id', 'g.account_id')
    .innerJoin('access_roles as r', 'r.id', 'g.access_role_id')
    .leftJoin('people as p', 'p.id', 'g.person_id');
  if (f.privileged !== undefined) q = q.where('r.privileged', '=', f.privileged ? 1 : 0);
  if (f.q) {
    const pattern = containsPattern(f.q);
    q = q.where((eb) => eb.or([like('a.username_key', pattern), like('p.name_search', pattern)]));
  }
  return q;
}

const grantColumns = ['a.username', 'a.type as account_type', 'r.name as role_name', 'r.privileged as role_privileged', 'p.name as person_name'] as const;

/** Current grants newest first (keyset on id); ended ones most recently ended first (keyset on ended_at, id). */
export async function grantPage(db: Db, f: GrantFilter, after: { e: string | null; id: string } | undefined, limit: number) {
  let q = grantsOf(db, f).selectAll('g').select(grantColumns);
  if (after && f.ended && after.e !== null) {
    q = q.where(sql<SqlBool>`(g.ended_at < ${after.e} or (g.ended_at = ${after.e} and g.id < ${after.id}))`);
  } else if (after) q = q.where('g.id', '<', after.id);
  q = f.ended ? q.orderBy('g.ended_at', 'desc').orderBy('g.id', 'desc') : q.orderBy('g.id', 'desc');
  const rows = (await q.limit(limit + 1).execute()) as GrantListRow[];
  return { rows: rows.slice(0, limit), hasMore: rows.length > limit };
}

/**
 * The filter's grants counted, joined to their accounts, roles and people only when a filter reads those: every grant
 * has its account and its role (neither is ever deleted), and the person is a left join.
 */
export async function countGrants(db: Db, f: GrantFilter): Promise<number> {
  const row =
    f.q || f.privileged !== undefined
      ? await grantsOf(db, f).select((eb) => eb.fn.countAll().as('n')).executeTakeFirst()
      : await ownGrantsOf(db, f).select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
  return toCount(row?.n as number | string | undefined);
}

// ——— A person's access ———

/** Every grant of the person, current and ended, most recently started first, with its system. */
export const grantsOfPerson = (db: Db, personId: string) =>
  db
    .selectFrom('access_grants as g')
    .innerJoin('access_accounts as a', 'a.id', 'g.account_id')
    .innerJoin('access_roles as r', 'r.id', 'g.access_role_id')
    .leftJoin('people as p', 'p.id', 'g.person_id')
    .selectAll('g')
    .select(grantColumns)
    .where('g.person_id', '=', personId)
    .orderBy('g.started_at', 'desc')
    .orderBy('g.id', 'desc')
    .execute() as Promise<GrantListRow[]>;
