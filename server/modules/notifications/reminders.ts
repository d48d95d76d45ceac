import { inTransaction, recordAudit } from '../../platform/audit/audit.ts';
import { loadGrants } from '../../platform/access/permissions.ts';
import { systemCtx, type Ctx, type Services } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Auth } from '../../platform/http/types.ts';
import { hashToken, newToken } from '../../platform/ids.ts';
import { message } from '../../platform/i18n.ts';
import { mailConfigured } from '../../platform/mail.ts';
import type { ReminderFrequency } from '../../policy/follow-up.ts';
import { getActivePack } from '../policy/index.ts';
import { withoutHiddenSystems } from '../systems/index.ts';
import { buildCalendar } from './ics.ts';
import { findingUrl } from './digest.ts';
import { localeOf } from './present.ts';
import { calendarFindings, calendarOwner, reminderSettings, upsertSettings } from './repository.ts';

/**
 * The caller's reminder settings: how often the digest comes (their own choice, or the kommun's default from the
 * pack) and their calendar feed — a secret URL, kept only as its SHA-256, replaced when made again, revoked on
 * request. Each change is audited on the user (never the token).
 */

export async function getReminders(ctx: Ctx, auth: Auth) {
  const [settings, { pack }] = await Promise.all([reminderSettings(ctx.db, auth.session.userId), getActivePack(ctx)]);
  return {
    frequency: settings?.frequency ?? null,
    kommunDefault: pack.followUp.reminderFrequency,
    emailEnabled: mailConfigured(ctx.config),
    calendar: { active: Boolean(settings?.calendar_token_hash), createdAt: settings?.calendar_token_hash ? settings.calendar_created_at : null },
  };
}

export async function putReminders(ctx: Ctx, auth: Auth, frequency: ReminderFrequency | null) {
  const userId = auth.session.userId;
  await inTransaction(ctx, async (trx) => {
    const before = await reminderSettings(trx, userId);
    if ((before?.frequency ?? null) === frequency) return;
    await upsertSettings(trx, userId, { frequency }, ctx.now().toISOString());
    await recordAudit(trx, ctx, { entityType: 'user', entityId: userId, action: 'reminders_update', before: { frequency: before?.frequency ?? null }, after: { frequency } });
  });
  return getReminders(ctx, auth);
}

/** A new feed URL (any earlier one stops working). The token is in the answer only. */
export async function createCalendar(ctx: Ctx, auth: Auth): Promise<{ url: string }> {
  const userId = auth.session.userId;
  const token = newToken();
  const at = ctx.now().toISOString();
  await inTransaction(ctx, async (trx) => {
    const before = await reminderSettings(trx, userId);
    await upsertSettings(trx, userId, { calendar_token_hash: hashToken(token), calendar_created_at: at }, at);
    await recordAudit(trx, ctx, { entityType: 'user', entityId: userId, action: 'calendar_create', after: { replaced: Boolean(before?.calendar_token_hash) } });
  });
  return { url: `${ctx.config.publicUrl}/api/calendar/${token}.ics` };
}

export async function revokeCalendar(ctx: Ctx, auth: Auth): Promise<void> {
  const userId = auth.session.userId;
  await inTransaction(ctx, async (trx) => {
    const before = await reminderSettings(trx, userId);
    if (!before?.calendar_token_hash) return;
    await upsertSettings(trx, userId, { calendar_token_hash: null, calendar_created_at: null }, ctx.now().toISOString());
    await recordAudit(trx, ctx, { entityType: 'user', entityId: userId, action: 'calendar_revoke' });
  });
}

/** At most this many events in a feed (the soonest due). */
export const CALENDAR_MAX_EVENTS = 2000;

/**
 * The feed of a token (no session: the token is the key): the open findings its user's person owns with a due
 * date, as all-day events in the user's language. An unknown or revoked token, or a deactivated user: 404.
 */
export async function calendarFeed(services: Services, token: string): Promise<string> {
  const owner = await calendarOwner(services.reader, hashToken(token));
  if (!owner) throw new AppError('not_found');
  const locale = localeOf(owner.locale);
  const found = owner.personId ? await calendarFindings(services.reader, owner.personId, CALENDAR_MAX_EVENTS) : [];
  // A text naming a system the owner may not see is redacted, as on the findings list.
  const reader = { grants: await loadGrants(services.reader, owner.userId), session: { userId: owner.userId } };
  const rows = await withoutHiddenSystems({ ...systemCtx(services), db: services.reader }, reader, found);
  const host = new URL(services.config.publicUrl).hostname;
  return buildCalendar({
    name: message(locale, 'notifications.calendar.name'),
    stamp: services.now(),
    events: rows.map((r) => {
      const text = locale === 'en' ? r.text_en || r.text_sv : r.text_sv;
      const url = findingUrl(services.config.publicUrl, r.id);
      return {
        uid: `${r.id}@${host}`,
        date: r.due_on!,
        summary: message(locale, 'notifications.calendar.summary', { text }),
        description: [r.subject_name, url].filter(Boolean).join('\n'),
        url,
      };
    }),
  });
}
