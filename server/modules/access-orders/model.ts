import { ORDER_STATES, type GrantEndReason, type OrderOrigin, type OrderState } from '../../../shared/access.ts';
import type { AccessOrdersTable } from '../../platform/db/tables/access.ts';
import type { Pack } from '../../policy/schema.ts';

/** The orders' vocabulary (docs/ACCESS.md, "The trail"). */

/** An order not yet done, rejected or cancelled: it still waits for someone. */
export const OPEN_STATES: readonly OrderState[] = ORDER_STATES.filter((s) => s.startsWith('awaiting_'));

/** Why a removal's grant ends: the origin of the removal (a person's order, offboarding, expiry, a review). */
export const endReasonOf = (origin: OrderOrigin): GrantEndReason => (origin === 'ordered' ? 'order' : origin);

/** The audit actions of an order, one per step of its trail. */
export const ORDER_EVENTS = { order: 'ordered', approve: 'approved', reject: 'rejected', execute: 'executed', cancel: 'cancelled', confirm: 'confirmed' } as const;
export type OrderEvent = keyof typeof ORDER_EVENTS;

/** Rows written at a time by the set-based removals (one multi-row insert or update per chunk). */
export const CHUNK = 500;

/** Roles named as the pack names them, in the caller's language, for messages ("Systemägare eller Chef"). */
export function roleNames(pack: Pack, keys: readonly string[], locale: 'sv' | 'en'): string {
  const names = keys.map((k) => pack.roles.find((r) => r.key === k)?.name[locale] ?? k);
  return names.join(locale === 'sv' ? ' eller ' : ' or ');
}

/** What an order's first audit event records of it. */
export const orderFacts = (o: AccessOrdersTable) => ({
  kind: o.kind,
  origin: o.origin,
  state: o.state,
  systemId: o.system_id,
  accessRoleId: o.access_role_id,
  personId: o.person_id,
  grantId: o.grant_id,
  reviewId: o.review_id,
  reason: o.reason,
  validFrom: o.valid_from,
  validTo: o.valid_to,
  approvalRequired: o.approval_required === 1,
});
