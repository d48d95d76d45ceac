import { z } from 'zod';
import { FINDING_HANDLINGS, SEVERITIES } from '../../../shared/policy.ts';
import { isoTimestamp, optionalFilter, pageQuery } from '../../platform/http/schemas.ts';

export const TASK_KINDS = ['finding', 'risk_approval', 'classification_approval'] as const;
export const TASK_STATES = ['overdue', 'due_soon', 'later'] as const;

export const tasksQuery = z.object({
  kind: optionalFilter(z.enum(TASK_KINDS)).describe('finding (yours to act on), risk_approval (a risk waiting for your approval), classification_approval'),
  state: optionalFilter(z.enum(TASK_STATES)).describe('overdue, due_soon (within the pack’s dueSoonDays) or later'),
  ...pageQuery,
});
export type TasksQuery = z.infer<typeof tasksQuery>;

const ref = z.object({ id: z.string(), name: z.string() });

export const taskView = z
  .object({
    kind: z.enum(TASK_KINDS),
    id: z.string().describe('The finding’s or the classification’s id'),
    text: z.string().describe('What is to be done, in the caller’s language'),
    system: ref.nullable(),
    subjectName: z.string().nullable().describe('What it is about (a system, a unit, the kommun)'),
    severity: z.enum(SEVERITIES).nullable(),
    handling: z.enum(FINDING_HANDLINGS).nullable(),
    dueOn: z.string().nullable().describe('ISO date'),
    state: z.enum(TASK_STATES),
    isNew: z.boolean().describe('Came after the caller’s previous visit'),
    createdAt: isoTimestamp,
  })
  .meta({ id: 'Task' });

export const tasksPage = z
  .object({ items: z.array(taskView), nextCursor: z.string().nullable(), total: z.number().int().nullable() })
  .meta({ id: 'TasksPage' });

const roleHeld = z.object({ role: z.string().describe('The role’s name in the caller’s language'), subject: ref.extend({ kind: z.enum(['unit', 'system']) }) });

export const summarySchema = z
  .object({
    person: ref.nullable().describe('The person the account belongs to; null: no person, so no roles or tasks'),
    roles: z.array(roleHeld).describe('Where the person holds a role today (at most 200)'),
    rolesTotal: z.number().int(),
    tasks: z.object({
      total: z.number().int(),
      overdue: z.number().int(),
      dueSoon: z.number().int(),
      later: z.number().int(),
      riskApprovals: z.number().int(),
      classificationApprovals: z.number().int(),
    }),
    unread: z.number().int().describe('Unread notifications'),
    since: z
      .object({
        at: isoTimestamp.nullable().describe('The previous visit; null on the first'),
        newTasks: z.number().int(),
        resolved: z.number().int().describe('Findings of yours resolved since'),
        handled: z.number().int().describe('Findings of yours acted on by someone since'),
      })
      .describe('What changed since the previous visit'),
    responsible: z
      .array(ref.extend({ kind: z.enum(['unit', 'system']), open: z.number().int(), overdue: z.number().int() }))
      .describe('The units you lead and the systems you own, with their open findings (at most 50, most open first)'),
  })
  .meta({ id: 'MySummary' });
