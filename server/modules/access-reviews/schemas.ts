import { z } from 'zod';
import { ACCOUNT_TYPES, GRANT_ORIGINS, REVIEW_DECISIONS, REVIEW_SCOPES, REVIEW_STATES } from '../../../shared/access.ts';
import { idInput, isoTimestamp, optionalFilter, optionalFlag, optionalText, pageQuery, singleLine } from '../../platform/http/schemas.ts';

/** Requests and answers of access reviews (behörighetskontroll, docs/ACCESS.md "Reviews"). */

/** At most this many decisions in one request (one transaction, all or none). */
export const DECISIONS_MAX = 500;
/** At most this many chosen systems in one campaign (a unit's scope has no such limit). */
export const SYSTEMS_MAX = 5000;

/** How a reviewer's inbox is grouped: by system (then grant) or by grantee (then grant). */
export const ITEM_GROUPS = ['system', 'person'] as const;
export type ItemGroup = (typeof ITEM_GROUPS)[number];

const isoDay = z.iso.date().describe('ISO date, YYYY-MM-DD');
const version = z.number().int().min(1).describe('The version the change is based on; a stale one is a 409');

export const reviewIdParam = z.object({ id: idInput.describe('The review id') });

const name = singleLine(200).min(1).describe('What the campaign is called, e.g. "Behörighetskontroll HT 2026"');
const dueOn = isoDay.describe('The last day for decisions (today or later)');

export const createReviewBody = z
  .discriminatedUnion('scope', [
    z
      .object({
        name,
        dueOn,
        scope: z.literal('systems'),
        systemIds: z.array(idInput).min(1).max(SYSTEMS_MAX).describe('The systems to review (retired ones are left out)'),
      })
      .strict(),
    z
      .object({ name, dueOn, scope: z.literal('unit'), unitId: idInput.describe('The systems owned by this unit and the units below it') })
      .strict(),
  ])
  .meta({ id: 'NewAccessReview' });
export type CreateReviewBody = z.infer<typeof createReviewBody>;

export const reviewsQuery = z.object({
  state: optionalFilter(z.enum(REVIEW_STATES)),
  ...pageQuery,
});
export type ReviewsQuery = z.infer<typeof reviewsQuery>;

const named = z.object({ id: z.string(), name: z.string() });

const progress = z.object({
  total: z.number().int(),
  decided: z.number().int(),
  keep: z.number().int(),
  remove: z.number().int(),
  change: z.number().int(),
});

export const reviewSummary = z
  .object({
    id: z.string(),
    name: z.string(),
    scope: z.enum(REVIEW_SCOPES),
    unit: named.nullable().describe('scope unit: the unit whose systems (and its sub-units’) are reviewed'),
    systems: z.number().int().describe('Systems the campaign covers'),
    dueOn: z.string(),
    state: z.enum(REVIEW_STATES),
    overdue: z.boolean().describe('Open and past its due date'),
    createdBy: z.string().nullable().describe('The user who started it'),
    createdAt: isoTimestamp,
    closedBy: z.string().nullable(),
    closedAt: isoTimestamp.nullable(),
    progress: progress.describe('Items (grants) in the campaign, decided, and by decision'),
    version: z.number().int().describe('Send it back to close; a stale one is a 409'),
  })
  .meta({ id: 'AccessReviewSummary' });

export const reviewsPage = z
  .object({
    items: z.array(reviewSummary),
    nextCursor: z.string().nullable(),
    total: z.number().int().nullable().describe('Campaigns the caller sees, on the first page (no cursor); null on later pages'),
  })
  .meta({ id: 'AccessReviewsPage' });

export const reviewDetail = reviewSummary
  .extend({
    reviewers: z
      .array(z.object({ person: named, total: z.number().int(), decided: z.number().int() }))
      .describe('Progress per reviewer (the caller’s own only, unless they started it or administer its systems)'),
    mine: z.object({ total: z.number().int(), decided: z.number().int() }).nullable().describe('The caller’s own items; null: not a reviewer'),
    may: z.object({ close: z.boolean(), evidence: z.boolean(), decide: z.boolean() }),
  })
  .meta({ id: 'AccessReview' });
export type ReviewDetail = z.infer<typeof reviewDetail>;

export const itemsQuery = z.object({
  reviewer: optionalFilter(z.literal('me')).describe('me: only the items the caller reviews (a reviewer always gets only theirs)'),
  group: z.enum(ITEM_GROUPS).default('system').describe('system: by system, then grant; person: by grantee, then grant'),
  decided: optionalFlag.describe('true: only decided items; false: only undecided'),
  systemId: optionalFilter(idInput),
  personId: optionalFilter(idInput).describe('Only the grants of this person'),
  ...pageQuery,
});
export type ItemsQuery = z.infer<typeof itemsQuery>;

export const reviewItem = z
  .object({
    grantId: z.string(),
    system: z.object({ id: z.string(), registerNo: z.string(), name: z.string() }),
    person: named.nullable().describe('The grantee; null: an account of no person'),
    account: z.object({ username: z.string(), type: z.enum(ACCOUNT_TYPES) }),
    accessRole: z.object({ name: z.string(), privileged: z.boolean().describe('As when the review began') }),
    since: z.string().describe('The grant’s first day'),
    origin: z.enum(GRANT_ORIGINS),
    decision: z.enum(REVIEW_DECISIONS).nullable(),
    comment: z.string().nullable(),
    decidedBy: named.nullable(),
    decidedAt: isoTimestamp.nullable(),
    removalOrderId: z.string().nullable().describe('The removal order a remove decision became when the review closed'),
    version: z.number().int().describe('Send it back with a decision; a stale one is a 409'),
    reviewers: z.array(z.string()).describe('Who may decide it'),
  })
  .meta({ id: 'AccessReviewItem' });
export type ReviewItem = z.infer<typeof reviewItem>;

export const itemsPage = z
  .object({
    items: z.array(reviewItem),
    nextCursor: z.string().nullable(),
    total: z.number().int().nullable().describe('Items the filters let through, on the first page (no cursor); null on later pages'),
  })
  .meta({ id: 'AccessReviewItemsPage' });

export const decisionsBody = z
  .object({
    decisions: z
      .array(
        z
          .object({
            grantId: idInput,
            decision: z.enum(REVIEW_DECISIONS),
            comment: optionalText(2000).optional().describe('Required to change, and to keep a privileged grant'),
            version,
          })
          .strict(),
      )
      .min(1)
      .max(DECISIONS_MAX),
  })
  .strict()
  .meta({ id: 'AccessReviewDecisions' });
export type DecisionsBody = z.infer<typeof decisionsBody>;

export const decisionsResult = z
  .object({
    decided: z.number().int(),
    items: z.array(z.object({ grantId: z.string(), decision: z.enum(REVIEW_DECISIONS), version: z.number().int() })),
  })
  .meta({ id: 'AccessReviewDecisionsResult' });

export const closeBody = z.object({ version }).strict();
