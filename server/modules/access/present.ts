import { toBool } from '../../platform/db/index.ts';
import type { AccountRow, GrantListRow } from './lists-repository.ts';
import type { AccessRoleRow } from './roles-repository.ts';
import type { AccessRoleView, GrantView } from './schemas.ts';

/** How the API shows the access model's rows. */

export const presentRole = (r: AccessRoleRow & { grant_count: number }): AccessRoleView => ({
  id: r.id,
  systemId: r.system_id,
  name: r.name,
  description: r.description,
  privileged: toBool(r.privileged),
  status: r.status,
  grantCount: r.grant_count,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export const presentAccount = (r: AccountRow) => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  email: r.email,
  type: r.type,
  status: r.status,
  person: r.person_id && r.person_name !== null ? { id: r.person_id, name: r.person_name } : null,
  lastLoginAt: r.last_login_at,
  grantCount: Number(r.grant_count),
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** A grant's own fields, without its person (a person's access names the system instead). */
export const presentGrantFields = (r: GrantListRow) => ({
  id: r.id,
  account: { id: r.account_id, username: r.username, type: r.account_type },
  accessRole: { id: r.access_role_id, name: r.role_name, privileged: toBool(r.role_privileged) },
  origin: r.origin,
  orderId: r.order_id,
  validFrom: r.valid_from,
  validTo: r.valid_to,
  startedAt: r.started_at,
  endedAt: r.ended_at,
  endReason: r.end_reason,
});

export const presentGrant = (r: GrantListRow): GrantView => ({
  ...presentGrantFields(r),
  person: r.person_id && r.person_name !== null ? { id: r.person_id, name: r.person_name } : null,
});
