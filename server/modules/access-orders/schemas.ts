import { z } from 'zod';
import { ORDER_KINDS, ORDER_ORIGINS, ORDER_STATES } from '../../../shared/access.ts';
import { idInput, isoTimestamp, multiLine, optionalFilter, pageQuery, singleLine } from '../../platform/http/schemas.ts';

/** What the caller may do next with an order (`actions` of an order). */
export const ORDER_ACTIONS = ['approve', 'reject', 'execute', 'cancel', 'confirm'] as const;
export type OrderAction = (typeof ORDER_ACTIONS)[number];

/** The list's `role`: orders waiting for me as approver or executor, or that I ordered. */
export const ORDER_ROLES = ['approver', 'executor', 'orderer'] as const;
export type OrderRole = (typeof ORDER_ROLES)[number];

const isoDay = z.iso.date().describe('ISO date, YYYY-MM-DD');
const reason = multiLine(2000).min(1).describe('Why the access is needed, or why it is removed');

export const createOrderBody = z
  .discriminatedUnion('kind', [
    z
      .object({
        kind: z.literal('grant'),
        systemId: idInput,
        accessRoleId: idInput.describe('An active access role of the system'),
        personId: idInput.describe('Who gets the access (someone of the orderer’s unit or a unit below it)'),
        reason,
        validFrom: isoDay.describe('The first day (today or later)'),
        validTo: isoDay.nullable().optional().describe('A temporary grant’s last day; absent or null: until removed'),
      })
      .strict(),
    z.object({ kind: z.literal('removal'), grantId: idInput.describe('A current grant'), reason }).strict(),
  ])
  .meta({ id: 'NewAccessOrder' });
export type CreateOrderBody = z.infer<typeof createOrderBody>;

export const ordersQuery = z.object({
  state: optionalFilter(z.enum(ORDER_STATES)),
  role: optionalFilter(z.enum(ORDER_ROLES)).describe(
    'approver: waiting for my approval; executor: waiting for me to execute; orderer: the orders I made',
  ),
  systemId: optionalFilter(idInput),
  personId: optionalFilter(idInput).describe('Orders for this person'),
  ...pageQuery,
});
export type OrdersQuery = z.infer<typeof ordersQuery>;

const named = z.object({ id: z.string(), name: z.string() });

export const orderView = z
  .object({
    id: z.string(),
    kind: z.enum(ORDER_KINDS),
    origin: z.enum(ORDER_ORIGINS).describe('ordered by a person; offboarding, expiry and review: made by Ansvar'),
    state: z.enum(ORDER_STATES),
    system: z.object({ id: z.string(), registerNo: z.string(), name: z.string() }),
    accessRole: z.object({ id: z.string(), name: z.string(), privileged: z.boolean() }),
    person: named.nullable().describe('Who gets (or loses) the access; null: an account of no person'),
    account: z.object({ id: z.string(), username: z.string() }).nullable().describe('The account in the system, once known'),
    grantId: z.string().nullable().describe('A removal: the grant it ends; a done grant order: the grant it started'),
    reviewId: z.string().nullable(),
    reason: z.string().nullable(),
    validFrom: z.string().nullable(),
    validTo: z.string().nullable(),
    approvalRequired: z.boolean(),
    orderer: named.nullable().describe('null: made by Ansvar (offboarding, expiry, a review)'),
    orderedAt: isoTimestamp,
    decidedBy: named.nullable().describe('Approved or rejected by'),
    decidedAt: isoTimestamp.nullable(),
    decisionComment: z.string().nullable(),
    executedBy: named.nullable(),
    executedAt: isoTimestamp.nullable(),
    ticketRef: z.string().nullable(),
    confirmedBy: named.nullable().describe('A removal confirmed by hand (null with confirmedAt: confirmed by an import)'),
    confirmedAt: isoTimestamp.nullable(),
    cancelledBy: z.string().nullable().describe('The user who cancelled it'),
    cancelledAt: isoTimestamp.nullable(),
    version: z.number().int().describe('Send it back with an action; a stale one is a 409'),
    actions: z.array(z.enum(ORDER_ACTIONS)).describe('What the caller may do next'),
  })
  .meta({ id: 'AccessOrder' });

export const ordersPage = z
  .object({
    items: z.array(orderView),
    nextCursor: z.string().nullable(),
    total: z.number().int().nullable().describe('Orders the filters let through, on the first page (no cursor); null on later pages'),
  })
  .meta({ id: 'AccessOrdersPage' });

export const TRAIL_STEPS = ['ordered', 'approved', 'rejected', 'executed', 'cancelled', 'confirmed'] as const;

export const trailStep = z.object({
  at: isoTimestamp,
  step: z.enum(TRAIL_STEPS),
  by: z.string().nullable().describe('Who (a user’s name); null: Ansvar itself or an import'),
  comment: z.string().nullable(),
  ticketRef: z.string().nullable(),
});

export const orderDetail = orderView.extend({ trail: z.array(trailStep).describe('Every step, oldest first, from the audit trail') }).meta({ id: 'AccessOrderDetail' });

export const orderIdParam = z.object({ id: idInput });

const version = z.number().int().min(1).describe('The version the action is based on (a stale one is a 409)');
const comment = multiLine(2000).optional();

export const actionBodies = {
  approve: z.object({ version, comment }).strict(),
  reject: z.object({ version, comment: comment.describe('Why (required)') }).strict(),
  execute: z
    .object({
      version,
      ticketRef: singleLine(200).min(1).describe('The ticket in which the access was changed'),
      username: singleLine(200).optional().describe('A grant order: the user name in the system (required when the person has no account there yet)'),
    })
    .strict(),
  cancel: z.object({ version, comment }).strict(),
  confirm: z.object({ version, comment }).strict(),
};
