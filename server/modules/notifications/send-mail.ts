import type { Services } from '../../platform/context.ts';
import type { EmailLogTable } from '../../platform/db/tables/follow-up.ts';
import { mailConfigured, openMailer, type Mailer } from '../../platform/mail.ts';
import { claimEmail, dueEmailIds, emailById, finishEmail } from './email-repository.ts';

/**
 * Sending the queued e-mails (the job `mail.send`, every minute; docs/FOLLOW-UP.md). Each pending e-mail that is due
 * is claimed before it is sent — its next attempt moves past a lease and the attempt is counted, in one statement
 * that only one instance can win — then sent, then marked sent, or given its reason and a later try (1, 5, 30
 * minutes, 2 and 6 hours) and, after the sixth attempt, marked failed. An SMTP failure is never thrown: it is
 * written into the send log, and the app carries on.
 */

/** Tries per e-mail before it is marked failed. */
export const MAIL_MAX_ATTEMPTS = 6;
/** The pause after the 1st, 2nd, … failed attempt, in minutes. */
const BACKOFF_MINUTES = [1, 5, 30, 120, 360] as const;
/** How long a claimed e-mail is held by the instance sending it; a crashed sender's e-mail is tried again after it. */
export const CLAIM_LEASE_MS = 2 * 60_000;
/** One run sends at most this many, and stops starting new sends after this long (the job's lease is 5 minutes). */
const RUN_MAX_MAILS = 500;
const RUN_MAX_MS = 3 * 60_000;

/** The pause before the next try after `attempts` failed attempts. */
export const retryDelayMs = (attempts: number): number => BACKOFF_MINUTES[Math.max(0, Math.min(attempts, BACKOFF_MINUTES.length) - 1)]! * 60_000;

const reasonOf = (err: unknown): string => (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ').trim().slice(0, 1000) || 'unknown error';

/** Sends one claimed e-mail and records how it went. Never throws for a failed send. */
export async function deliver(services: Services, mailer: Mailer, row: EmailLogTable): Promise<void> {
  try {
    await mailer.send({ to: row.to_address, subject: row.subject, text: row.text_body, html: row.html_body });
  } catch (err) {
    const now = services.now();
    const last = row.attempts >= MAIL_MAX_ATTEMPTS;
    await finishEmail(services.db, row.id, {
      state: last ? 'failed' : 'pending',
      last_error: reasonOf(err),
      next_attempt_at: last ? null : new Date(now.getTime() + retryDelayMs(row.attempts)).toISOString(),
      sent_at: null,
    });
    return;
  }
  await finishEmail(services.db, row.id, { state: 'sent', last_error: null, next_attempt_at: null, sent_at: services.now().toISOString() });
}

/** The job: sends what is due. Without SMTP_URL nothing is sent (and nothing is queued either). */
export async function sendDueMail(services: Services): Promise<number> {
  if (!mailConfigured(services.config)) return 0;
  const started = performance.now();
  let mailer: Mailer | null = null;
  let sent = 0;
  try {
    while (sent < RUN_MAX_MAILS && performance.now() - started < RUN_MAX_MS) {
      const now = services.now();
      const ids = await dueEmailIds(services.db, now.toISOString(), 50);
      if (!ids.length) break;
      for (const id of ids) {
        if (sent >= RUN_MAX_MAILS || performance.now() - started >= RUN_MAX_MS) break;
        const at = services.now();
        if (!(await claimEmail(services.db, id, at.toISOString(), new Date(at.getTime() + CLAIM_LEASE_MS).toISOString()))) continue;
        const row = await emailById(services.db, id);
        if (!row) continue;
        mailer ??= openMailer(services.config);
        await deliver(services, mailer, row);
        sent += 1;
      }
    }
  } finally {
    mailer?.close();
  }
  return sent;
}
