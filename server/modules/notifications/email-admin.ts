import { z } from 'zod';
import { assertCan } from '../../platform/access/permissions.ts';
import { inTransaction, recordAudit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import type { EmailLogTable } from '../../platform/db/tables/follow-up.ts';
import { AppError } from '../../platform/errors.ts';
import { decodeCursor, encodeCursor } from '../../platform/http/schemas.ts';
import type { Auth } from '../../platform/http/types.ts';
import { message } from '../../platform/i18n.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { mailConfigured, openMailer } from '../../platform/mail.ts';
import { countEmails, emailById, insertEmails, listEmails } from './email-repository.ts';
import type { EmailLogQuery } from './schemas.ts';
import { CLAIM_LEASE_MS, deliver } from './send-mail.ts';

/**
 * The administrator's side of e-mail: a test e-mail sent at once (and logged like any other), and the send log.
 * Both need an installation-wide users:manage grant.
 */

/** The test e-mail waits at most this long for the SMTP server; a slower one is left to the send job. */
const TEST_TIMEOUT_MS = 10_000;

const presentEmail = (r: Pick<EmailLogTable, 'id' | 'kind' | 'to_address' | 'subject' | 'state' | 'attempts' | 'last_error' | 'created_at' | 'sent_at'>) => ({
  id: r.id,
  kind: r.kind,
  to: r.to_address,
  subject: r.subject,
  state: r.state,
  attempts: r.attempts,
  lastError: r.last_error,
  createdAt: r.created_at,
  sentAt: r.sent_at,
});

/**
 * Sends a test e-mail now: the log entry is written first, already claimed for this attempt (so the send job leaves
 * it alone), then sent within TEST_TIMEOUT_MS. Answers with the entry: sent, or pending with the reason (the send job
 * tries again later). Without SMTP_URL: refused.
 */
export async function sendTestEmail(ctx: Ctx, auth: Auth, to: string) {
  assertCan(auth.grants, 'users:manage');
  if (!mailConfigured(ctx.config)) throw new AppError('refused', { fields: [{ path: 'to', key: 'notifications.smtp_missing' }] });
  const now = ctx.now();
  const row: EmailLogTable = {
    id: uuidv7(now.getTime()),
    kind: 'test',
    to_address: to,
    person_id: null,
    user_id: null,
    locale: ctx.locale,
    subject: message(ctx.locale, 'notifications.test.subject'),
    text_body: `${message(ctx.locale, 'notifications.test.body', { url: ctx.config.publicUrl })}\n`,
    html_body: null,
    state: 'pending',
    attempts: 1,
    last_error: null,
    next_attempt_at: new Date(now.getTime() + CLAIM_LEASE_MS).toISOString(),
    created_by: auth.session.userId,
    created_at: now.toISOString(),
    sent_at: null,
  };
  await inTransaction(ctx, async (trx) => {
    await insertEmails(trx, [row]);
    await recordAudit(trx, ctx, { entityType: 'email', entityId: row.id, action: 'test_send', after: { to } });
  });
  const mailer = openMailer(ctx.config, TEST_TIMEOUT_MS);
  try {
    await deliver(ctx, mailer, row);
  } finally {
    mailer.close();
  }
  return presentEmail((await emailById(ctx.db, row.id)) ?? row);
}

const cursorSchema = z.object({ c: z.string(), id: z.string() });

export async function listEmailLog(ctx: Ctx, auth: Auth, q: EmailLogQuery) {
  assertCan(auth.grants, 'users:manage');
  const after = decodeCursor(q.cursor, cursorSchema);
  const filter = { state: q.state };
  const [{ rows, hasMore }, total] = await Promise.all([
    listEmails(ctx.db, { ...filter, after }, q.limit),
    after ? Promise.resolve(null) : countEmails(ctx.db, filter),
  ]);
  const last = rows[rows.length - 1];
  return {
    items: rows.map(presentEmail),
    total,
    nextCursor: hasMore && last ? encodeCursor({ c: last.created_at, id: last.id }) : null,
  };
}
