import { inTransaction, recordAudit } from '../../platform/audit/audit.ts';
import { systemCtx, type Services } from '../../platform/context.ts';
import { swedishDay } from '../../platform/dates.ts';
import type { JobKind } from '../../platform/jobs.ts';
import { addDays } from '../../policy/follow-up.ts';
import { notify, type NotificationInput } from '../notifications/index.ts';
import { getActivePack } from '../policy/index.ts';
import { undecidedCount } from './decision-repository.ts';
import { reviewsToTell, stampTold, undecidedByReviewer, undecidedBySystemHolder, type Thresholds } from './reminder-repository.ts';

const DAY = 24 * 60 * 60 * 1000;

/**
 * Reminders and escalation of overdue reviews (docs/ACCESS.md, "Reminders and escalation"). An open campaign past its
 * due date:
 * - reminds each reviewer who still has undecided items the first day after the due date, then every
 *   `access.reviewReminderEveryDays` days (a notification, and so a line in their digest e-mail);
 * - once, `access.reviewEscalateAfterDays` days after the due date, tells the holders of `access.escalateTo`
 *   (systemägare) of each system with undecided items, one notification per system.
 * The campaign's stamps (reminded_on, escalated_on) are set in the same transaction, only if still due, so two
 * instances running the job tell people once; an audit event says how many items and reviewers were waiting.
 */
export async function remindOverdueReviews(services: Services): Promise<number> {
  const ctx = systemCtx(services);
  const today = swedishDay(ctx.now());
  const { access } = (await getActivePack(ctx)).pack;
  const t: Thresholds = {
    today,
    remindAgainOn: addDays(today, -access.reviewReminderEveryDays),
    escalateDueOn: addDays(today, -access.reviewEscalateAfterDays),
  };
  let told = 0;
  for (const review of await reviewsToTell(ctx.db, t)) {
    const remind = review.reminded_on === null || review.reminded_on <= t.remindAgainOn;
    const escalate = review.escalated_on === null && review.due_on <= t.escalateDueOn;
    const [undecided, reviewers, holders] = await Promise.all([
      undecidedCount(ctx.db, review.id),
      remind ? undecidedByReviewer(ctx.db, review.id) : [],
      escalate ? undecidedBySystemHolder(ctx.db, review.id, access.escalateTo, today) : [],
    ]);
    const about = { review: review.name, dueOn: review.due_on, reviewId: review.id };
    const notifications: NotificationInput[] = [
      ...reviewers.map((r) => ({
        personId: r.personId,
        kind: 'access_review_reminder' as const,
        eventKey: `access_review_reminder:${review.id}:${today}`,
        params: { ...about, count: r.undecided },
      })),
      ...holders.map((h) => ({
        personId: h.personId,
        kind: 'access_review_escalated' as const,
        eventKey: `access_review_escalated:${review.id}:${h.systemId}`,
        systemId: h.systemId,
        params: { ...about, subject: h.systemName, count: h.undecided },
      })),
    ];
    await inTransaction(ctx, async (trx) => {
      if (!(await stampTold(trx, review.id, t, { remind, escalate }))) return;
      await notify(trx, ctx.now(), notifications);
      const base = { dueOn: review.due_on, undecided };
      if (escalate) {
        const after = { ...base, systems: new Set(holders.map((h) => h.systemId)).size, told: holders.length, escalatedOn: today };
        await recordAudit(trx, ctx, { entityType: 'access_review', entityId: review.id, action: 'escalate', after });
      }
      if (remind) {
        const after = { ...base, reviewers: reviewers.length, remindedOn: today };
        await recordAudit(trx, ctx, { entityType: 'access_review', entityId: review.id, action: 'remind', after });
      }
      told += 1;
    });
  }
  return told;
}

/** The access reviews' background work: reminders and escalation of overdue reviews, daily, once across instances. */
export function accessReviewJobs(): Record<string, JobKind> {
  return {
    'access.review_reminders': { everyMs: DAY, handler: async (services) => void (await remindOverdueReviews(services)) },
  };
}
