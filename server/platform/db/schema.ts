import type { AccessTables } from './tables/access.ts';
import type { ClassificationTables } from './tables/classifications.ts';
import type { FindingTables } from './tables/findings.ts';
import type { FollowUpTables } from './tables/follow-up.ts';
import type { OrgTables } from './tables/org.ts';
import type { PeopleTables } from './tables/people.ts';
import type { PolicyTables } from './tables/policy.ts';
import type { SystemTables } from './tables/systems.ts';
import type { SystemImportTables } from './tables/system-imports.ts';

/**
 * Table types for Kysely. Both dialects store the same shapes:
 * ids are UUIDv7 text, timestamps ISO-8601 UTC text, booleans 0/1 integers, JSON as text.
 */
export interface UsersTable {
  id: string;
  person_id?: string | null; // added by 0002: the person this account belongs to
  email: string; // lower-cased
  name: string;
  password_hash: string | null;
  status: 'active' | 'disabled';
  locale: string | null;
  version: number;
  created_at: string;
  updated_at: string;
  last_seen_at: string | null;
}

export interface SessionsTable {
  id: string; // sha256 of the cookie token; the token itself is never stored
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string; // absolute limit
  ip: string | null;
  user_agent: string | null;
  revoked_at: string | null;
}

export interface AccountTokensTable {
  id: string; // sha256 of the token in the link
  kind: 'setup' | 'invite' | 'password_reset';
  user_id?: string | null; // added by 0012: the user a password reset link is for
  email: string | null;
  name: string | null;
  app_role: string | null;
  created_by: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface LoginFailuresTable {
  id: string;
  email: string;
  ip: string;
  at: string;
}

export interface OrgUnitsTable {
  id: string;
  parent_id: string | null;
  name: string;
  name_search: string; // added by 0002: lower-cased (sv-SE) name and code, for search
  name_sort: string; // added by 0011: sortKey(name), Swedish alphabetical order for sorting and paging
  code: string | null;
  external_id: string | null;
  function: 'it_unit' | 'kansli' | null;
  kind: string;
  status: 'active' | 'inactive';
  created_at: string;
  updated_at: string;
  version: number;
}

export interface OrgUnitClosureTable {
  ancestor_id: string;
  descendant_id: string;
  depth: number;
}

export interface PermissionGrantsTable {
  id: string;
  user_id: string;
  app_role: string;
  org_unit_id: string | null; // null: the whole installation
  include_subunits: number;
  created_at: string;
  created_by: string | null;
}

export interface AuditEventsTable {
  id: string;
  seq: number;
  at: string;
  actor_id: string | null;
  origin: string;
  request_id: string | null;
  entity_type: string;
  entity_id: string;
  action: string;
  before_json: string | null;
  after_json: string | null;
  message: string | null;
  prev_hash: string;
  hash: string;
}

/** The audit chain's last event (one row, id 1): locked and moved by every transaction that records events. */
export interface AuditChainHeadTable {
  id: number;
  seq: number | string;
  hash: string;
}

export interface Database extends OrgTables, PeopleTables, PolicyTables, SystemTables, FindingTables, SystemImportTables, ClassificationTables, FollowUpTables, AccessTables {
  users: UsersTable;
  sessions: SessionsTable;
  account_tokens: AccountTokensTable;
  login_failures: LoginFailuresTable;
  org_units: OrgUnitsTable;
  org_unit_closure: OrgUnitClosureTable;
  permission_grants: PermissionGrantsTable;
  audit_events: AuditEventsTable;
  audit_chain_head: AuditChainHeadTable;
}
