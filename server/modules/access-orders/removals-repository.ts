import { sql, type SqlBool } from 'kysely';
import type { Tx, Db } from '../../platform/db/index.ts';
import type { AccessOrdersTable } from '../../platform/db/tables/access.ts';
import { CHUNK, OPEN_STATES } from './model.ts';

/**
 * The set-based SQL of removals made by Ansvar (docs/ACCESS.md, "Offboarding and expiry"): due grants found by
 * index, removal orders written a chunk at a time, and removals confirmed by an import. One open removal per grant is
 * the unique partial index access_orders_open_removal_idx: an insert that meets it does nothing, so two instances
 * (or a review closing while offboarding runs) never order a removal twice.
 */

type Q = Db | Tx;

const noOpenRemoval = sql<SqlBool>`not exists (select 1 from access_orders ro where ro.grant_id = g.id and ro.kind = 'removal'
  and ro.state in (${sql.join(OPEN_STATES)}))`;

/** What a removal order copies from its grant. */
export interface GrantFacts {
  id: string;
  system_id: string;
  account_id: string;
  access_role_id: string;
  person_id: string | null;
}

/** Of these grants, the current ones with no open removal. */
export const currentWithoutRemoval = (db: Q, ids: readonly string[]): Promise<GrantFacts[]> =>
  ids.length
    ? db
        .selectFrom('access_grants as g')
        .select(['g.id', 'g.system_id', 'g.account_id', 'g.access_role_id', 'g.person_id'])
        .where('g.id', 'in', ids)
        .where('g.ended_at', 'is', null)
        .where(noOpenRemoval)
        .orderBy('g.id')
        .execute()
    : Promise.resolve([]);

/**
 * Offboarding removals still waiting for execution whose person is no longer left (marked left by mistake, or back):
 * a chunk.
 */
export const removalsOfPeopleBack = (db: Q): Promise<Array<{ id: string; system_id: string }>> =>
  db
    .selectFrom('access_orders as o')
    .innerJoin('people as p', 'p.id', 'o.person_id')
    .select(['o.id', 'o.system_id'])
    .where('o.kind', '=', 'removal')
    .where('o.origin', '=', 'offboarding')
    .where('o.state', '=', 'awaiting_execution')
    .where('p.status', '<>', 'left')
    .orderBy('o.id')
    .limit(CHUNK)
    .execute();

/** Cancels these offboarding removals if they still wait (another instance may have done it first); those it cancelled. */
export const cancelRemovals = (trx: Tx, ids: readonly string[], at: string): Promise<Array<{ id: string; system_id: string }>> =>
  trx
    .updateTable('access_orders')
    .set({ state: 'cancelled', cancelled_by_user_id: null, cancelled_at: at, updated_at: at, version: sql<number>`version + 1` })
    .where('id', 'in', ids)
    .where('origin', '=', 'offboarding')
    .where('state', '=', 'awaiting_execution')
    .returning(['id', 'system_id'])
    .execute();

/** Current grants of people who have left, with no open removal: a chunk. */
export const grantsOfLeftPeople = (db: Q): Promise<GrantFacts[]> =>
  db
    .selectFrom('access_grants as g')
    .innerJoin('people as p', 'p.id', 'g.person_id')
    .select(['g.id', 'g.system_id', 'g.account_id', 'g.access_role_id', 'g.person_id'])
    .where('p.status', '=', 'left')
    .where('g.ended_at', 'is', null)
    .where(noOpenRemoval)
    .orderBy('g.id')
    .limit(CHUNK)
    .execute();

/** Current temporary grants past their last day (valid_to before today), with no open removal: a chunk. */
export const expiredGrants = (db: Q, today: string): Promise<GrantFacts[]> =>
  db
    .selectFrom('access_grants as g')
    .select(['g.id', 'g.system_id', 'g.account_id', 'g.access_role_id', 'g.person_id'])
    .where('g.valid_to', '<', today)
    .where('g.ended_at', 'is', null)
    .where(noOpenRemoval)
    .orderBy('g.valid_to')
    .orderBy('g.id')
    .limit(CHUNK)
    .execute();

/** Inserts removal orders; those whose grant has an open removal already are left out. Returns the ones written. */
export async function insertRemovals(trx: Tx, rows: readonly AccessOrdersTable[]): Promise<Array<Pick<AccessOrdersTable, 'id' | 'grant_id'>>> {
  const out: Array<Pick<AccessOrdersTable, 'id' | 'grant_id'>> = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    const written = await trx
      .insertInto('access_orders')
      .values(rows.slice(i, i + CHUNK))
      .onConflict((oc) => oc.doNothing())
      .returning(['id', 'grant_id'])
      .execute();
    out.push(...written);
  }
  return out;
}

/** The open removal orders of these grants, by grant. */
export async function openRemovalsOf(db: Q, grantIds: readonly string[]): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  for (let i = 0; i < grantIds.length; i += CHUNK) {
    const rows = await db
      .selectFrom('access_orders')
      .select(['id', 'grant_id'])
      .where('grant_id', 'in', grantIds.slice(i, i + CHUNK))
      .where('kind', '=', 'removal')
      .where('state', 'in', OPEN_STATES)
      .execute();
    for (const r of rows) map.set(r.grant_id!, r.id);
  }
  return map;
}

/**
 * An import no longer shows these grants: their done removals not yet confirmed become confirmed, and their open
 * removals done and confirmed at once (by the import: no person). Only grants that have ended. Returns the orders.
 */
export async function confirmByImport(trx: Tx, grantIds: readonly string[], at: string) {
  const out: Array<{ id: string; system_id: string; grant_id: string | null; wasOpen: boolean }> = [];
  const ended = sql<SqlBool>`exists (select 1 from access_grants eg where eg.id = access_orders.grant_id and eg.ended_at is not null)`;
  for (let i = 0; i < grantIds.length; i += CHUNK) {
    const ids = grantIds.slice(i, i + CHUNK);
    const done = await trx
      .updateTable('access_orders')
      .set((eb) => ({ confirmed_at: at, confirmed_by_person_id: null, updated_at: at, version: eb('version', '+', 1) }))
      .where('grant_id', 'in', ids)
      .where('kind', '=', 'removal')
      .where('state', '=', 'done')
      .where('confirmed_at', 'is', null)
      .where(ended)
      .returning(['id', 'system_id', 'grant_id'])
      .execute();
    const open = await trx
      .updateTable('access_orders')
      .set((eb) => ({ state: 'done', executed_at: at, confirmed_at: at, confirmed_by_person_id: null, updated_at: at, version: eb('version', '+', 1) }))
      .where('grant_id', 'in', ids)
      .where('kind', '=', 'removal')
      .where('state', 'in', OPEN_STATES)
      .where(ended)
      .returning(['id', 'system_id', 'grant_id'])
      .execute();
    out.push(...done.map((r) => ({ ...r, wasOpen: false })), ...open.map((r) => ({ ...r, wasOpen: true })));
  }
  return out;
}

/**
 * The grants of a system's done, unconfirmed removals whose account holds the role no more after a full import: the
 * system's own list no longer shows the access, which confirms the removal.
 */
export async function grantsGoneAfterImport(trx: Tx, systemId: string): Promise<string[]> {
  const { rows } = await sql<{ grant_id: string }>`
    select o.grant_id from access_orders o join access_grants g on g.id = o.grant_id
    where o.system_id = ${systemId} and o.kind = 'removal' and o.state = 'done' and o.confirmed_at is null and g.ended_at is not null
      and not exists (select 1 from access_grants c where c.account_id = g.account_id and c.access_role_id = g.access_role_id and c.ended_at is null)`.execute(trx);
  return rows.map((r) => r.grant_id);
}
