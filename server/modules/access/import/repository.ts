import { sql } from 'kysely';
import type { Db, Tx } from '../../../platform/db/index.ts';
import type { AccessAccountsTable, AccessGrantsTable, AccessImportsTable, AccessRolesTable } from '../../../platform/db/tables/access.ts';
import { importBatches } from '../../../platform/import-batches.ts';
import { inChunks } from '../../../platform/pace.ts';
import type { AccountFacts, ExistingAccount, ExistingGrant, ExistingRole, PersonRef } from './plan-types.ts';

/**
 * SQL of the user-list import: what a plan reads (one query per table, never one per row), the dry-runs, and the
 * apply's writes in chunks — set-based, each checked to touch exactly the rows the plan names.
 */

type Q = Db | Tx;

export const loadRoles = (db: Q, systemId: string): Promise<ExistingRole[]> =>
  db.selectFrom('access_roles').select(['id', 'name', 'name_key', 'status']).where('system_id', '=', systemId).execute();

export const loadAccounts = (db: Q, systemId: string): Promise<ExistingAccount[]> =>
  db
    .selectFrom('access_accounts')
    .select(['id', 'username', 'username_key', 'display_name', 'email', 'type', 'status', 'person_id', 'last_login_at'])
    .where('system_id', '=', systemId)
    .execute();

export const loadCurrentGrants = (db: Q, systemId: string): Promise<ExistingGrant[]> =>
  db
    .selectFrom('access_grants')
    .select(['id', 'account_id', 'access_role_id', 'person_id'])
    .where('system_id', '=', systemId)
    .where('ended_at', 'is', null)
    .execute();

/** Every person (read only; people owns the table): the planner matches accounts in memory. */
export const loadPeople = (db: Q): Promise<PersonRef[]> => db.selectFrom('people').select(['id', 'name', 'email', 'external_id']).execute();

/**
 * The system's access as it stands: rows and the sum of versions of its roles, accounts and grants. Every write
 * adds a row or moves a version, so an unchanged fingerprint means nothing changed since the dry-run.
 */
export async function fingerprintOf(db: Q, systemId: string): Promise<string> {
  const part = async (table: 'access_roles' | 'access_accounts' | 'access_grants') => {
    const row = await db
      .selectFrom(table)
      .select((eb) => [eb.fn.countAll<number | string>().as('n'), eb.fn.sum<number | string | null>('version').as('v')])
      .where('system_id', '=', systemId)
      .executeTakeFirst();
    return `${Number(row?.n ?? 0)}:${Number(row?.v ?? 0)}`;
  };
  return [await part('access_roles'), await part('access_accounts'), await part('access_grants')].join('|');
}

// ——— Dry-runs ———

export const batches = importBatches('access_imports');

export async function insertImport(trx: Tx, row: AccessImportsTable): Promise<void> {
  await trx.insertInto('access_imports').values(row).execute();
}

// ——— The apply's writes ———

/** Rows per insert: at most 16 columns × 1000 rows, under both databases' parameter limits (32,766 and 65,535). */
const INSERT_CHUNK = 1000;
/** Rows per joined update or list of ids. */
const CHUNK = 500;

export async function insertRoles(trx: Tx, rows: AccessRolesTable[]): Promise<void> {
  await inChunks(rows, INSERT_CHUNK, (chunk) => trx.insertInto('access_roles').values(chunk).execute());
}

export async function insertAccounts(trx: Tx, rows: AccessAccountsTable[]): Promise<void> {
  await inChunks(rows, INSERT_CHUNK, (chunk) => trx.insertInto('access_accounts').values(chunk).execute());
}

/** A new current grant: the columns a current grant has (the rest are null, its version 1), fewer parameters per row. */
export type NewGrant = Pick<AccessGrantsTable, 'id' | 'system_id' | 'account_id' | 'access_role_id' | 'person_id' | 'origin' | 'valid_from' | 'started_at' | 'created_at' | 'version'>;

export async function insertGrants(trx: Tx, rows: NewGrant[]): Promise<void> {
  await inChunks(rows, INSERT_CHUNK, (chunk) => trx.insertInto('access_grants').values(chunk).execute());
}

const text = (v: string | null) => sql`cast(${v} as text)`;

/**
 * Writes each account's facts: one statement per chunk, joined to the chunk's rows as a VALUES list (both databases
 * name its columns column1, column2, …); the number written.
 */
export async function updateAccounts(trx: Tx, rows: Array<{ id: string; facts: AccountFacts }>, at: string): Promise<number> {
  let written = 0;
  await inChunks(rows, CHUNK, async (chunk) => {
    const values = sql.join(
      chunk.map(({ id, facts: f }) => sql`(${sql.join([id, f.displayName, f.email, f.type, f.status, f.personId, f.lastLoginAt].map(text))})`),
    );
    const res = await trx
      .updateTable('access_accounts')
      .from(sql`(values ${values})`.as('v'))
      .set((eb) => ({
        display_name: sql<string | null>`v.column2`,
        email: sql<string | null>`v.column3`,
        type: sql<AccessAccountsTable['type']>`v.column4`,
        status: sql<AccessAccountsTable['status']>`v.column5`,
        person_id: sql<string | null>`v.column6`,
        last_login_at: sql<string | null>`v.column7`,
        updated_at: at,
        version: eb('access_accounts.version', '+', 1),
      }))
      // The ids again as a list: the planner then finds the chunk's rows by the primary key whatever it knows of the table.
      .where('access_accounts.id', 'in', chunk.map((r) => r.id))
      .where(sql<boolean>`access_accounts.id = v.column1`)
      .executeTakeFirst();
    written += Number(res.numUpdatedRows);
  });
  return written;
}

/** Marks accounts removed; the number that were not already. */
export async function removeAccounts(trx: Tx, ids: string[], at: string): Promise<number> {
  let written = 0;
  await inChunks(ids, CHUNK, async (chunk) => {
    const res = await trx
      .updateTable('access_accounts')
      .set((eb) => ({ status: 'removed', updated_at: at, version: eb('version', '+', 1) }))
      .where('id', 'in', chunk)
      .where('status', '<>', 'removed')
      .executeTakeFirst();
    written += Number(res.numUpdatedRows);
  });
  return written;
}

/** Ends current grants (reason import); the number that were still current. */
export async function endGrants(trx: Tx, ids: string[], end: { at: string; userId: string | null }): Promise<number> {
  let written = 0;
  await inChunks(ids, CHUNK, async (chunk) => {
    const res = await trx
      .updateTable('access_grants')
      .set((eb) => ({ ended_at: end.at, end_reason: 'import', end_order_id: null, ended_by: end.userId, version: eb('version', '+', 1) }))
      .where('id', 'in', chunk)
      .where('ended_at', 'is', null)
      .executeTakeFirst();
    written += Number(res.numUpdatedRows);
  });
  return written;
}

/** Current grants take their account's person (written first); the number written. */
export async function repersonGrants(trx: Tx, ids: string[]): Promise<number> {
  let written = 0;
  await inChunks(ids, CHUNK, async (chunk) => {
    const res = await trx
      .updateTable('access_grants')
      .set((eb) => ({
        person_id: eb.selectFrom('access_accounts as a').select('a.person_id').whereRef('a.id', '=', 'access_grants.account_id'),
        version: eb('version', '+', 1),
      }))
      .where('id', 'in', chunk)
      .where('ended_at', 'is', null)
      .executeTakeFirst();
    written += Number(res.numUpdatedRows);
  });
  return written;
}
