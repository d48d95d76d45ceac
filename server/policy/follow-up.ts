import { z } from 'zod';
import type { Severity } from '../../shared/policy.ts';
import { addMonths } from './dates.ts';

/**
 * Following findings up (issue 14, docs/FOLLOW-UP.md): how long a finding may stay open before it is due, who
 * approves an accepted risk and for how long at most, and how often people are reminded. A pack section with
 * defaults, so a pack written before it has the same values.
 */

const key = z.string().regex(/^[a-z][a-z0-9_]*$/).max(64);
const days = z.number().int().min(1).max(3650);

export const REMINDER_FREQUENCIES = ['daily', 'weekly', 'off'] as const;
export type ReminderFrequency = (typeof REMINDER_FREQUENCIES)[number];

export const FOLLOW_UP_DEFAULTS = {
  dueDays: { high: 30, medium: 90, low: 180 },
  dueSoonDays: 7,
  riskApprovers: ['systemagare'],
  kommunRiskApprovers: ['it_chef'],
  maxRiskMonths: 12,
  reminderFrequency: 'weekly' as ReminderFrequency,
};

export const followUpSchema = z
  .object({
    dueDays: z
      .object({ high: days, medium: days, low: days })
      .strict()
      .default(FOLLOW_UP_DEFAULTS.dueDays)
      .describe('Days from when a finding opens until it is due, per severity'),
    dueSoonDays: z.number().int().min(1).max(60).default(FOLLOW_UP_DEFAULTS.dueSoonDays).describe('A reminder this many days before a due date'),
    riskApprovers: z
      .array(key)
      .min(1)
      .max(10)
      .default(FOLLOW_UP_DEFAULTS.riskApprovers)
      .describe('Roles on the system (or a unit above it) whose holders approve an accepted risk on a system'),
    kommunRiskApprovers: z
      .array(key)
      .min(1)
      .max(10)
      .default(FOLLOW_UP_DEFAULTS.kommunRiskApprovers)
      .describe('Roles whose holders approve an accepted risk on a unit or the kommun as a whole'),
    maxRiskMonths: z.number().int().min(1).max(36).default(FOLLOW_UP_DEFAULTS.maxRiskMonths).describe('How long a risk may be accepted at most'),
    reminderFrequency: z.enum(REMINDER_FREQUENCIES).default(FOLLOW_UP_DEFAULTS.reminderFrequency).describe('The kommun’s default for reminder e-mails'),
  })
  .strict();

export type FollowUp = z.infer<typeof followUpSchema>;

/** The ISO date n days after an ISO date. */
export function addDays(isoDate: string, n: number): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** When a finding opened on `openedDay` is due, unless someone set another date. */
export const defaultDueOn = (spec: Pick<FollowUp, 'dueDays'>, severity: Severity, openedDay: string): string => addDays(openedDay, spec.dueDays[severity]);

/** Where a due date stands on `today`: overdue (passed), due soon (within dueSoonDays) or later. */
export function dueState(dueOn: string | null, today: string, dueSoonDays: number): 'overdue' | 'due_soon' | 'later' | 'none' {
  if (!dueOn) return 'none';
  if (dueOn < today) return 'overdue';
  return dueOn <= addDays(today, dueSoonDays) ? 'due_soon' : 'later';
}

/** An accepted risk's expiry must be after today and at most maxRiskMonths away. Null: fine; else the reason's key. */
export function riskExpiryProblem(expiresOn: string, today: string, maxRiskMonths: number): 'past' | 'too_far' | null {
  if (expiresOn <= today) return 'past';
  return expiresOn > addMonths(today, maxRiskMonths) ? 'too_far' : null;
}
