import { z } from 'zod';
import { SEVERITIES } from '../../../shared/policy.ts';
import { idInput, isoTimestamp, optionalFilter, pageQuery, singleLine } from '../../platform/http/schemas.ts';

const id = idInput;

export { SEVERITIES } from '../../../shared/policy.ts';

export const findingsQuery = z.object({
  systemId: optionalFilter(id).describe('Only findings on this system'),
  unitId: optionalFilter(id).describe('Only findings on this unit or below it (a system counts under its owning unit)'),
  rule: optionalFilter(singleLine(64)).describe('Only findings with this key, e.g. role_vacant, agreement_missing'),
  severity: optionalFilter(z.enum(SEVERITIES)),
  status: z.enum(['open', 'resolved', 'all']).default('open').describe('open (default), resolved (history) or all'),
  ...pageQuery,
});
export type FindingsQuery = z.infer<typeof findingsQuery>;

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
    actor: z.object({ id: z.string(), name: z.string() }).nullable().describe('Who should act, from the responsibilities'),
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
