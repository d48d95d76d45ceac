import { inTransaction, recordAudit } from '../../platform/audit/audit.ts';
import { systemCtx, type Services } from '../../platform/context.ts';
import { swedishDay } from '../../platform/dates.ts';
import type { JobKind } from '../../platform/jobs.ts';
import { markReminded, overdueUnreminded, reviewersWithUndecided, undecidedCount } from './decision-repository.ts';

const DAY = 24 * 60 * 60 * 1000;

/**
 * Reminders and escalation of overdue reviews (docs/ACCESS.md): each open campaign past its due date is reminded
 * once a day (reminded_on) and escalated the first day (escalated_on), with an audit event saying how many items
 * are undecided and how many reviewers have them. The jobs table runs it once a day across instances, and the
 * date stamps keep a second run the same day from repeating it.
 *
 * Telling the people themselves waits for notifications to offer a kind for it (see the report of issue 15).
 */
export async function remindOverdueReviews(services: Services): Promise<number> {
  const ctx = systemCtx(services);
  const today = swedishDay(ctx.now());
  let reminded = 0;
  for (const review of await overdueUnreminded(ctx.db, today)) {
    const [undecided, reviewers] = await Promise.all([undecidedCount(ctx.db, review.id), reviewersWithUndecided(ctx.db, review.id)]);
    const escalate = review.escalated_on === null;
    await inTransaction(ctx, async (trx) => {
      if (!(await markReminded(trx, review.id, today, escalate))) return;
      await recordAudit(trx, ctx, {
        entityType: 'access_review',
        entityId: review.id,
        action: escalate ? 'escalate' : 'remind',
        after: { dueOn: review.due_on, undecided, reviewers, remindedOn: today, ...(escalate ? { escalatedOn: today } : {}) },
      });
      reminded += 1;
    });
  }
  return reminded;
}

/** The access reviews' background work: reminders and escalation of overdue reviews, daily, once across instances. */
export function accessReviewJobs(): Record<string, JobKind> {
  return {
    'access.review_reminders': { everyMs: DAY, handler: async (services) => void (await remindOverdueReviews(services)) },
  };
}
