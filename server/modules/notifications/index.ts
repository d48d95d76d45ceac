/**
 * Notifications (docs/FOLLOW-UP.md): what a person is told — in the app, in their digest e-mail — the send log,
 * reminder settings and the calendar feed. Other modules tell people through `notify`, in their own transaction;
 * the app runs the module's background work through `notificationJobs`.
 */
import type { JobKind } from '../../platform/jobs.ts';
import { checkDueDates } from './due-check.ts';
import { queueDigests } from './send-digests.ts';
import { sendDueMail } from './send-mail.ts';

export { insertNotifications as notify, type NotificationInput } from './repository.ts';
// Visits to Mitt ansvar (the tasks module asks when the previous one was).
export { previousVisit, recordVisit } from './visit-repository.ts';

const HOUR = 60 * 60 * 1000;

/** The background jobs: the due-date check and the digest hourly, sending queued e-mail every minute. */
export function notificationJobs(): Record<string, JobKind> {
  return {
    'notifications.due_check': { everyMs: HOUR, handler: async (services) => void (await checkDueDates(services)) },
    'notifications.digest': { everyMs: HOUR, handler: async (services) => void (await queueDigests(services)) },
    // A failed send is retried by the send log's own schedule, not by the job: a run is never retried.
    'mail.send': { everyMs: 60 * 1000, maxAttempts: 1, handler: async (services) => void (await sendDueMail(services)) },
  };
}
