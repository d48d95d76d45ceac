import { sql, type SqlBool } from 'kysely';
import type { Db, Tx } from '../../platform/db/index.ts';
import { currentOn } from '../../platform/db/validity.ts';
import { OPEN_STATES } from './model.ts';

/**
 * What the orders' rules read from other modules' tables (people, roles, org units, grants, accounts,
 * classifications): reads only, each one indexed lookup.
 */

type Q = Db | Tx;

export const personFor = (db: Q, id: string) =>
  db.selectFrom('people').select(['id', 'name', 'email', 'home_unit_id', 'status']).where('id', '=', id).executeTakeFirst();

/** Does the person hold one of the roles today on the unit or on a unit above it (a chef ordering for their people)? */
export async function holdsOnUnitOrAbove(db: Q, personId: string, roles: readonly string[], unitId: string, today: string): Promise<boolean> {
  if (!roles.length) return false;
  const row = await db
    .selectFrom('role_assignments as ra')
    .select('ra.id')
    .where('ra.principal_kind', '=', 'person')
    .where('ra.principal_id', '=', personId)
    .where('ra.role_key', 'in', roles)
    .where('ra.subject_kind', '=', 'unit')
    .where(currentOn(today, 'ra'))
    .where(sql<SqlBool>`exists (select 1 from org_unit_closure cl where cl.ancestor_id = ra.subject_id and cl.descendant_id = ${unitId})`)
    .executeTakeFirst();
  return row !== undefined;
}

/** Does the person hold one of the roles today on the system itself? */
export async function holdsOnSystem(db: Q, personId: string, roles: readonly string[], systemId: string, today: string): Promise<boolean> {
  if (!roles.length) return false;
  const row = await db
    .selectFrom('role_assignments as ra')
    .select('ra.id')
    .where('ra.principal_kind', '=', 'person')
    .where('ra.principal_id', '=', personId)
    .where('ra.role_key', 'in', roles)
    .where('ra.subject_kind', '=', 'system')
    .where('ra.subject_id', '=', systemId)
    .where(currentOn(today, 'ra'))
    .executeTakeFirst();
  return row !== undefined;
}

/** Is the person's home unit the IT unit (an org unit with function it_unit) or a unit below it? */
export async function worksInItUnit(db: Q, personId: string): Promise<boolean> {
  const row = await db
    .selectFrom('people as p')
    .innerJoin('org_unit_closure as cl', 'cl.descendant_id', 'p.home_unit_id')
    .innerJoin('org_units as u', 'u.id', 'cl.ancestor_id')
    .select('p.id')
    .where('p.id', '=', personId)
    .where('p.status', '=', 'active')
    .where('u.function', '=', 'it_unit')
    .executeTakeFirst();
  return row !== undefined;
}

/** The person's accounts in the system that still exist there. */
export const accountsOf = (db: Q, personId: string, systemId: string) =>
  db
    .selectFrom('access_accounts')
    .select(['id', 'username', 'person_id'])
    .where('person_id', '=', personId)
    .where('system_id', '=', systemId)
    .where('status', '!=', 'removed')
    .execute();

/** Does the person hold the access role now (through any of their accounts)? */
export async function holdsAccessRole(db: Q, personId: string, accessRoleId: string): Promise<boolean> {
  const row = await db
    .selectFrom('access_grants')
    .select('id')
    .where('person_id', '=', personId)
    .where('ended_at', 'is', null)
    .where('access_role_id', '=', accessRoleId)
    .executeTakeFirst();
  return row !== undefined;
}

/** An open grant order of the access role for the person, if any. */
export const openGrantOrder = (db: Q, personId: string, accessRoleId: string) =>
  db
    .selectFrom('access_orders')
    .select('id')
    .where('person_id', '=', personId)
    .where('kind', '=', 'grant')
    .where('state', 'in', OPEN_STATES)
    .where('access_role_id', '=', accessRoleId)
    .executeTakeFirst();

/** The open removal of a grant, if any (at most one: access_orders_open_removal_idx). */
export const openRemovalOf = (db: Q, grantId: string) =>
  db.selectFrom('access_orders').select('id').where('grant_id', '=', grantId).where('kind', '=', 'removal').where('state', 'in', OPEN_STATES).executeTakeFirst();

/** The konfidentialitet of the system's approved classification (null: none approved, or not assessed). */
export async function approvedConfidentiality(db: Q, systemId: string): Promise<number | null> {
  const row = await db
    .selectFrom('classifications')
    .select('level_confidentiality')
    .where('system_id', '=', systemId)
    .where('status', '=', 'approved')
    .executeTakeFirst();
  return row?.level_confidentiality ?? null;
}

/** A grant with the home unit of its person (a removal is ordered by the chef of the grantee). */
export const grantFor = (db: Q, id: string) =>
  db
    .selectFrom('access_grants as g')
    .leftJoin('people as p', 'p.id', 'g.person_id')
    .select(['g.id', 'g.system_id', 'g.account_id', 'g.access_role_id', 'g.person_id', 'g.ended_at', 'p.home_unit_id'])
    .where('g.id', '=', id)
    .executeTakeFirst();

/** Is the grant current (not ended)? */
export async function grantIsCurrent(db: Q, id: string): Promise<boolean> {
  const row = await db.selectFrom('access_grants').select('id').where('id', '=', id).where('ended_at', 'is', null).executeTakeFirst();
  return row !== undefined;
}

/** The system's account with this user name (folded as the access module keys it), if any. */
export const accountByKey = (db: Q, systemId: string, usernameKey: string) =>
  db.selectFrom('access_accounts').select(['id', 'person_id', 'status']).where('system_id', '=', systemId).where('username_key', '=', usernameKey).executeTakeFirst();
