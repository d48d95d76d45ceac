/**
 * Access to a system (docs/ACCESS.md): its access roles (behörigheter), its accounts, the grants of an access role
 * to an account, the orders that start and end grants, and the reviews (behörighetskontroll) that confirm them.
 */

/** An account is a person's own, a service's, shared by several, or an administrator account. */
export const ACCOUNT_TYPES = ['personal', 'service', 'shared', 'administrator'] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];

/** An account is active or disabled in the system; removed once the system's own list no longer has it. */
export const ACCOUNT_STATUSES = ['active', 'disabled', 'removed'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

/** How a grant came: executed from an order, read from the system's own user list, or carried over from before Ansvar. */
export const GRANT_ORIGINS = ['order', 'import', 'migration'] as const;
export type GrantOrigin = (typeof GRANT_ORIGINS)[number];

/** Why a grant ended. */
export const GRANT_END_REASONS = ['order', 'import', 'offboarding', 'expiry', 'review'] as const;
export type GrantEndReason = (typeof GRANT_END_REASONS)[number];

/** An order starts a grant, or ends one (a withdrawal). */
export const ORDER_KINDS = ['grant', 'removal'] as const;
export type OrderKind = (typeof ORDER_KINDS)[number];

/** Who or what made an order: a person ordering, or Ansvar for someone who left, a temporary grant that ran out, a review's removal. */
export const ORDER_ORIGINS = ['ordered', 'offboarding', 'expiry', 'review'] as const;
export type OrderOrigin = (typeof ORDER_ORIGINS)[number];

/** An order's life: waiting for approval (when the pack asks for it), then for execution; done, rejected or cancelled. */
export const ORDER_STATES = ['awaiting_approval', 'awaiting_execution', 'done', 'rejected', 'cancelled'] as const;
export type OrderState = (typeof ORDER_STATES)[number];

/** A review (behörighetskontroll) is open for decisions until it is closed. */
export const REVIEW_STATES = ['open', 'closed'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

/** A reviewer's decision on a grant: keep it, remove it, or change it (the comment says how). */
export const REVIEW_DECISIONS = ['keep', 'remove', 'change'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/** What a review covers: chosen systems, or the systems owned by a unit and the units below it. */
export const REVIEW_SCOPES = ['systems', 'unit'] as const;
export type ReviewScope = (typeof REVIEW_SCOPES)[number];
