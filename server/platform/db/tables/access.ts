import type { AccountStatus, AccountType, GrantEndReason, GrantOrigin, OrderKind, OrderOrigin, OrderState, ReviewDecision, ReviewScope, ReviewState } from '../../../../shared/access.ts';

/** Access to systems: roles, accounts, grants, their imports, orders and reviews (migration 0017, docs/ACCESS.md). */

/** A system's access role (behörighet), as the system itself names it. */
export interface AccessRolesTable {
  id: string;
  system_id: string;
  name: string;
  name_key: string; // fold(name): the name as the system has it, matched by the import; unique per system
  name_sort: string; // sortKey(name)
  description: string | null;
  privileged: number; // 0/1
  status: 'active' | 'retired';
  created_at: string;
  updated_at: string;
  version: number;
}

/** An account in a system: a person's, a service's, shared or an administrator account. */
export interface AccessAccountsTable {
  id: string;
  system_id: string;
  username: string;
  username_key: string; // fold(username), unique per system
  display_name: string | null;
  email: string | null; // lower-cased
  type: AccountType;
  status: AccountStatus;
  person_id: string | null; // the person it belongs to; null: unmatched (or not a person's account)
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

/** An access role granted to an account, since when and until when; ended grants stay as history. */
export interface AccessGrantsTable {
  id: string;
  system_id: string;
  account_id: string;
  access_role_id: string;
  person_id: string | null; // the account's person when the grant was last written (kept with the account's)
  origin: GrantOrigin;
  order_id: string | null; // the order it was executed from
  valid_from: string; // ISO date
  valid_to: string | null; // a temporary grant's last day
  started_at: string;
  ended_at: string | null; // null: current
  end_reason: GrantEndReason | null;
  end_order_id: string | null;
  ended_by: string | null; // user id
  created_at: string;
  version: number;
}

/** The dry-run of a system's user list import (platform/import-batches.ts). */
export interface AccessImportsTable {
  id: string;
  system_id: string;
  created_by: string | null;
  created_at: string;
  expires_at: string;
  mode: 'full' | 'partial';
  file_name: string | null;
  plan_json: string;
  applied_at: string | null;
}

/** An order to start a grant or to end one, with its whole trail. */
export interface AccessOrdersTable {
  id: string;
  kind: OrderKind;
  origin: OrderOrigin;
  state: OrderState;
  system_id: string;
  access_role_id: string;
  person_id: string | null; // for whom (null: a removal of an unmatched account's grant)
  account_id: string | null; // the account to grant on, when known
  grant_id: string | null; // a removal: the grant it ends; a grant order once done: the grant it started
  review_id: string | null; // a removal from a review
  reason: string | null;
  valid_from: string | null;
  valid_to: string | null;
  approval_required: number; // 0/1
  ordered_by_person_id: string | null; // null: Ansvar made it (offboarding, expiry, review)
  ordered_by_user_id: string | null;
  ordered_at: string;
  decided_by_person_id: string | null; // approved or rejected by
  decided_at: string | null;
  decision_comment: string | null;
  executed_by_person_id: string | null;
  executed_by_user_id: string | null;
  executed_at: string | null;
  ticket_ref: string | null;
  confirmed_by_person_id: string | null; // a removal: who confirmed the access is gone in the system (or null: an import showed it)
  confirmed_at: string | null;
  cancelled_by_user_id: string | null;
  cancelled_at: string | null;
  updated_at: string;
  version: number;
}

/** A review campaign (behörighetskontroll). */
export interface AccessReviewsTable {
  id: string;
  name: string;
  scope: ReviewScope;
  scope_unit_id: string | null; // scope unit: the unit whose subtree's systems are reviewed
  due_on: string;
  state: ReviewState;
  created_by: string | null;
  created_at: string;
  closed_by: string | null;
  closed_at: string | null;
  items_total: number;
  reminded_on: string | null;
  escalated_on: string | null;
  version: number;
}

/** The systems a review covers (a system's last closed review sets when its next is due). */
export interface AccessReviewSystemsTable {
  review_id: string;
  system_id: string;
}

/** One grant under review and its decision (one decision per grant; any of its reviewers makes it). Key: review and grant. */
export interface AccessReviewItemsTable {
  review_id: string;
  grant_id: string;
  system_id: string;
  account_id: string;
  access_role_id: string;
  person_id: string | null;
  privileged: number; // 0/1, when the review began
  decision: ReviewDecision | null;
  comment: string | null;
  decided_by_person_id: string | null;
  decided_at: string | null;
  removal_order_id: string | null; // made when the review closes
  version: number;
}

/** Who reviews an item: one row per reviewer, with what the inbox sorts and groups by. */
export interface AccessReviewReviewersTable {
  review_id: string;
  grant_id: string;
  reviewer_person_id: string;
  role_key: string; // the role that makes them a reviewer (chef, systemforvaltare)
  system_id: string;
  grantee_person_id: string | null;
}

/** A reviewer's tally in a campaign: their items, and how many of them are decided (by anyone). */
export interface AccessReviewTalliesTable {
  review_id: string;
  reviewer_person_id: string;
  items: number;
  decided: number;
}

export interface AccessTables {
  access_roles: AccessRolesTable;
  access_accounts: AccessAccountsTable;
  access_grants: AccessGrantsTable;
  access_imports: AccessImportsTable;
  access_orders: AccessOrdersTable;
  access_reviews: AccessReviewsTable;
  access_review_systems: AccessReviewSystemsTable;
  access_review_items: AccessReviewItemsTable;
  access_review_reviewers: AccessReviewReviewersTable;
  access_review_tallies: AccessReviewTalliesTable;
}
