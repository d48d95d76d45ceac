import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Db, Tx } from './index.ts';
import { currentOn } from './validity.ts';
import type { HolderKind, HolderStatus } from '../../../shared/policy.ts';

/**
 * The holder of a role assignment, whatever its kind (a person, an org unit, a supplier with perhaps one
 * of its contacts), named in SQL: one correlated lookup by primary key per row, so every list of
 * assignments (the roles list, a system's holders, a person's or unit's roles) shows holders the same way.
 * `alias` is the role_assignments alias of the query.
 */
export const holderName = (alias: string): RawBuilder<string | null> => {
  const kind = sql.ref(`${alias}.principal_kind`);
  const id = sql.ref(`${alias}.principal_id`);
  return sql<string | null>`case ${kind}
    when 'person' then (select hp.name from people hp where hp.id = ${id})
    when 'unit' then (select hu.name from org_units hu where hu.id = ${id})
    when 'supplier' then (select hs.name from suppliers hs where hs.id = ${id})
  end`;
};

/** A holder's status: the person's; a unit's active/inactive; a supplier is always active. */
export const holderStatus = (alias: string): RawBuilder<HolderStatus | null> => {
  const kind = sql.ref(`${alias}.principal_kind`);
  const id = sql.ref(`${alias}.principal_id`);
  return sql<HolderStatus | null>`case ${kind}
    when 'person' then (select hp.status from people hp where hp.id = ${id})
    when 'unit' then (select hu.status from org_units hu where hu.id = ${id})
    when 'supplier' then 'active'
  end`;
};

/** The name of a supplier holder's contact, if one is named. */
export const holderContactName = (alias: string): RawBuilder<string | null> =>
  sql<string | null>`(select hc.name from supplier_contacts hc where hc.id = ${sql.ref(`${alias}.principal_contact_id`)})`;

export interface HolderColumns {
  principal_kind: HolderKind;
  principal_id: string;
  principal_contact_id: string | null;
  holder_name: string | null;
  holder_status: HolderStatus | null;
  holder_contact_name: string | null;
}

/** How the API shows a holder (the RoleHolder schema in platform/http/schemas.ts). */
export interface Holder {
  kind: HolderKind;
  id: string;
  name: string;
  status: HolderStatus;
  contact: { id: string; name: string } | null;
}

/** A holder that no longer exists (a deleted row) shows as ended rather than failing the list. */
export const presentHolder = (r: HolderColumns): Holder => ({
  kind: r.principal_kind,
  id: r.principal_id,
  name: r.holder_name ?? '',
  status: r.holder_status ?? (r.principal_kind === 'unit' ? 'inactive' : 'left'),
  contact: r.principal_contact_id && r.holder_contact_name !== null ? { id: r.principal_contact_id, name: r.holder_contact_name } : null,
});

// ——— Which roles a person holds (approvals: a classification, an accepted risk) ———

/** A condition on a role assignment aliased `ra`: held on the system, or on its owning unit or any unit above it. */
export const heldOnSystemOrAbove = (systemId: string, owningUnitId: string): RawBuilder<SqlBool> =>
  sql<SqlBool>`((ra.subject_kind = 'system' and ra.subject_id = ${systemId})
    or (ra.subject_kind = 'unit' and exists (select 1 from org_unit_closure cl where cl.ancestor_id = ra.subject_id and cl.descendant_id = ${owningUnitId})))`;

/** Which of these roles the person holds today on the system, or on its owning unit or any unit above it. */
export async function approverRolesOf(db: Db | Tx, personId: string, systemId: string, owningUnitId: string, roles: readonly string[], today: string): Promise<string[]> {
  if (!roles.length) return [];
  const rows = await db
    .selectFrom('role_assignments as ra')
    .select('ra.role_key')
    .where('ra.principal_kind', '=', 'person')
    .where('ra.principal_id', '=', personId)
    .where('ra.role_key', 'in', roles)
    .where(currentOn(today, 'ra'))
    .where(heldOnSystemOrAbove(systemId, owningUnitId))
    .execute();
  return [...new Set(rows.map((r) => r.role_key))];
}

/** Does the person hold the role (or one of the roles) anywhere today (the support role, the IT-chef)? */
export async function holdsRole(db: Db | Tx, personId: string, roles: string | readonly string[], today: string): Promise<boolean> {
  const row = await db
    .selectFrom('role_assignments as ra')
    .select('ra.id')
    .where('ra.principal_kind', '=', 'person')
    .where('ra.principal_id', '=', personId)
    .where('ra.role_key', 'in', typeof roles === 'string' ? [roles] : roles.length ? roles : [''])
    .where(currentOn(today, 'ra'))
    .executeTakeFirst();
  return row !== undefined;
}
