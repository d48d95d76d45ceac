import type { JobKind } from '../../platform/jobs.ts';

/** The access reviews' background work: reminders and escalation of overdue reviews (docs/ACCESS.md). */
export function accessReviewJobs(): Record<string, JobKind> {
  return {};
}
