import { z } from 'zod';
import { FINDING_HANDLINGS, SEVERITIES } from '../../../shared/policy.ts';
import { idInput, isoTimestamp, multiLine, optionalFilter, optionalFlag, pageQuery, singleLine } from '../../platform/http/schemas.ts';

const id = idInput;

export { SEVERITIES } from '../../../shared/policy.ts';

export const findingsQuery = z.object({
  systemId: optionalFilter(id).describe('Only findings on this system'),
  unitId: optionalFilter(id).describe('Only findings on this unit or below it (a system counts under its owning unit)'),
  rule: optionalFilter(singleLine(64)).describe('Only findings with this key, e.g. role_vacant, agreement_missing'),
  severity: optionalFilter(z.enum(SEVERITIES)),
  status: z.enum(['open', 'resolved', 'all']).default('open').describe('open (default), resolved (history) or all'),
  handling: optionalFilter(z.enum(['todo', 'handled', ...FINDING_HANDLINGS])).describe(
    'todo (none, acknowledged, risk proposed), handled (not applicable, risk accepted), or one handling',
  ),
  ownerId: optionalFilter(id).describe('Only findings this person is to act on'),
  overdue: optionalFlag.describe('Only open findings past their due date'),
  ...pageQuery,
});
export type FindingsQuery = z.infer<typeof findingsQuery>;

const person = z.object({ id: z.string(), name: z.string() });

export const findingView = z
  .object({
    id: z.string(),
    rule: z.string().describe('The finding’s key, e.g. role_vacant'),
    ruleIds: z.array(z.string()).describe('The policy pack rules this finding keeps from being satisfied'),
    severity: z.enum(SEVERITIES),
    status: z.enum(['open', 'resolved']),
    subject: z.object({
      kind: z.enum(['installation', 'unit', 'system', 'person']),
      id: z.string().nullable(),
      name: z.string().nullable(),
    }),
    systemId: z.string().nullable(),
    unitId: z.string().nullable(),
    text: z.string().describe('In the caller’s language'),
    actor: person.nullable().describe('Who should act, from the responsibilities'),
    handling: z.enum(FINDING_HANDLINGS),
    assignee: person.nullable().describe('Assigned by a person: acts instead of the actor'),
    owner: person.nullable().describe('Whose task it is: the assignee, else the actor'),
    dueOn: z.string().nullable().describe('ISO date; while open'),
    dueSet: z.boolean().describe('The due date was set by a person (else the pack’s default)'),
    overdue: z.boolean(),
    reason: z.string().nullable().describe('Why not applicable, or the motivation of an accepted (or proposed) risk'),
    riskApprover: person.nullable(),
    riskExpiresOn: z.string().nullable(),
    version: z.number().int().describe('Send it back with an action; a stale one is a 409'),
    since: z.string().describe('Since when the gap exists (ISO date or timestamp)'),
    openedAt: isoTimestamp,
    resolvedAt: isoTimestamp.nullable(),
  })
  .meta({ id: 'Finding' });

export const findingsPage = z
  .object({
    items: z.array(findingView),
    nextCursor: z.string().nullable(),
    total: z.number().int().nullable().describe('Findings the filters let through, on the first page (no cursor); null on later pages'),
  })
  .meta({ id: 'FindingsPage' });

export const findingIdParam = z.object({ id });

export const findingDetail = findingView
  .extend({
    may: z.object({ act: z.boolean(), approveRisk: z.boolean() }).describe('What the caller may do with it'),
    approverRoles: z.array(z.string()).describe('The roles that approve an accepted risk on it, named in the caller’s language'),
  })
  .meta({ id: 'FindingDetail' });

const version = z.number().int().min(1).describe('The version the action is based on (a stale one is a 409)');
const isoDay = z.iso.date().describe('ISO date, YYYY-MM-DD');

export const actionBodies = {
  assign: z.object({ version, personId: idInput.nullable().describe('null: nobody (the actor acts again)') }).strict(),
  dueDate: z.object({ version, dueOn: isoDay.nullable().describe('null: back to the pack’s default') }).strict(),
  comment: z.object({ text: multiLine(4000).min(1) }).strict(),
  acknowledge: z.object({ version }).strict(),
  notApplicable: z.object({ version, reason: multiLine(2000).min(1).describe('Why it does not apply') }).strict(),
  acceptRisk: z.object({ version, motivation: multiLine(2000).min(1), expiresOn: isoDay.describe('The last day the risk is accepted') }).strict(),
  approveRisk: z.object({ version }).strict(),
  rejectRisk: z.object({ version, reason: multiLine(2000).min(1) }).strict(),
  reopen: z.object({ version }).strict(),
};

export const historyEntry = z.object({
  at: isoTimestamp,
  kind: z.enum(['opened', 'resolved', 'assigned', 'due_date', 'comment', 'acknowledged', 'not_applicable', 'risk_proposed', 'risk_accepted', 'risk_rejected', 'risk_expired', 'reopened']),
  by: z.string().nullable().describe('Who did it (a user’s name); null for Ansvar itself'),
  text: z.string().nullable().describe('A comment, a reason or a motivation'),
  person: z.string().nullable().describe('Assigned to'),
  date: z.string().nullable().describe('A due date or an expiry date'),
});

export const findingHistory = z.object({ items: z.array(historyEntry) }).meta({ id: 'FindingHistory' });

const bulkFilter = z
  .object({
    systemId: id.optional(),
    unitId: id.optional(),
    rule: singleLine(64).optional(),
    severity: z.enum(SEVERITIES).optional(),
    handling: z.enum(['todo', 'handled', ...FINDING_HANDLINGS]).optional(),
    ownerId: id.optional(),
    overdue: z.boolean().optional(),
  })
  .strict()
  .describe('The filters of GET /api/findings (open findings only)');

export const bulkBody = z
  .discriminatedUnion('action', [
    z.object({ action: z.literal('assign'), filter: bulkFilter, personId: idInput.nullable() }).strict(),
    z.object({ action: z.literal('due_date'), filter: bulkFilter, dueOn: isoDay.nullable() }).strict(),
    z.object({ action: z.literal('acknowledge'), filter: bulkFilter }).strict(),
    z.object({ action: z.literal('not_applicable'), filter: bulkFilter, reason: multiLine(2000).min(1) }).strict(),
  ])
  .meta({ id: 'FindingsBulkAction' });
export type BulkBody = z.infer<typeof bulkBody>;

export const bulkResult = z.object({ changed: z.number().int() }).meta({ id: 'FindingsBulkResult' });
