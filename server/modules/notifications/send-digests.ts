import { systemCtx, type Services } from '../../platform/context.ts';
import { transactionLock } from '../../platform/db/index.ts';
import type { EmailLogTable } from '../../platform/db/tables/follow-up.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { mailConfigured } from '../../platform/mail.ts';
import { getActivePack } from '../policy/index.ts';
import { digestDue, renderDigest, type DigestItem } from './digest.ts';
import { hideUnreadable } from './hidden.ts';
import { digestRecipients, insertEmails, markEmailed, stampDigests, unemailedNotifications } from './email-repository.ts';
import { localeOf, notificationPath, notificationText, parseParams } from './present.ts';

/**
 * The job `notifications.digest` (hourly; docs/FOLLOW-UP.md): for each active user whose frequency says it is time
 * (digest.ts) and whose person has notifications not yet e-mailed, one e-mail in their language. In one transaction
 * per chunk of users: the e-mails are queued in the send log (sent by `mail.send`), their notifications marked
 * e-mailed and the users' last digest stamped — so a second run finds nothing to send. A notification of a finding
 * resolved since is left out of the e-mail (and marked e-mailed with the rest). Without SMTP_URL nothing is queued.
 */

const CHUNK = 200;
const DIGEST_LOCK_KEY = 0x6e6f7469; // "noti"

type Recipient = Awaited<ReturnType<typeof digestRecipients>>[number];

export async function queueDigests(services: Services): Promise<number> {
  if (!mailConfigured(services.config)) return 0;
  const { pack } = await getActivePack(services);
  const now = services.now();
  let afterId: string | null = null;
  let queued = 0;
  for (;;) {
    const users = await digestRecipients(services.db, afterId, CHUNK);
    const due = users.filter((u) => digestDue(u.frequency ?? pack.followUp.reminderFrequency, u.last_digest_at, now));
    if (due.length) queued += await queueChunk(services, due, now);
    if (users.length < CHUNK) break;
    afterId = users[users.length - 1]!.id;
  }
  return queued;
}

async function queueChunk(services: Services, users: readonly Recipient[], now: Date): Promise<number> {
  const at = now.toISOString();
  return services.db.transaction().execute(async (trx) => {
    // Two instances never queue the same notifications: the second reads them after the first has committed.
    await transactionLock(trx, services.dialect, DIGEST_LOCK_KEY);
    const notes = await unemailedNotifications(trx, [...new Set(users.map((u) => u.person_id))]);
    const byPerson = new Map<string, typeof notes>();
    for (const n of notes) {
      const list = byPerson.get(n.person_id);
      if (list) list.push(n);
      else byPerson.set(n.person_id, [n]);
    }
    const emails: EmailLogTable[] = [];
    const emailed: string[] = [];
    for (const user of users) {
      const told = byPerson.get(user.person_id) ?? [];
      if (!told.length) continue;
      // A text naming a system the recipient may not see is redacted, as on the findings list.
      const mine = await hideUnreadable(systemCtx(services), trx, { userId: user.id }, told);
      emailed.push(...mine.map((n) => n.id));
      const locale = localeOf(user.locale);
      const items: DigestItem[] = mine
        .filter((n) => n.finding_id === null || n.finding_status === 'open')
        .map((n) => {
          const params = parseParams(n.params_json);
          const subject = n.subject_name ?? (typeof params.subject === 'string' ? params.subject : null);
          const path = notificationPath(n.kind, n.finding_id, n.system_id, params);
          return { kind: n.kind, text: notificationText(locale, n.kind, params), subject, findingId: n.finding_id, path, createdAt: n.created_at };
        });
      if (!items.length) continue;
      const mail = renderDigest({ locale, name: user.name, publicUrl: services.config.publicUrl, items });
      emails.push({
        id: uuidv7(now.getTime()),
        kind: 'digest',
        to_address: user.email,
        person_id: user.person_id,
        user_id: user.id,
        locale,
        subject: mail.subject,
        text_body: mail.text,
        html_body: mail.html,
        state: 'pending',
        attempts: 0,
        last_error: null,
        next_attempt_at: at,
        created_by: null,
        created_at: at,
        sent_at: null,
      });
    }
    await insertEmails(trx, emails);
    await markEmailed(trx, [...new Set(emailed)], at);
    await stampDigests(trx, users.map((u) => u.id), at);
    return emails.length;
  });
}
