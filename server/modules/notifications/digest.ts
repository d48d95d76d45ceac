import type { Locale } from '../../../shared/roles.ts';
import type { NotificationKind } from '../../platform/db/tables/follow-up.ts';
import { swedishDay } from '../../platform/dates.ts';
import { message, type MessageKey } from '../../platform/i18n.ts';
import { addDays, type ReminderFrequency } from '../../policy/follow-up.ts';

/**
 * The digest e-mail, pure (docs/FOLLOW-UP.md, "Notifications and reminders"): when it is time for a user's digest,
 * how its notifications are grouped, and the e-mail itself in the user's language, as plain text and simple HTML.
 */

// ——— When ———

/** The digest goes out at the first run on or after this hour, Swedish time. */
export const DIGEST_HOUR = 7;

const stockholmHour = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Stockholm', hour: '2-digit', hourCycle: 'h23' });

/** The instant of a whole hour on a Swedish calendar day (Sweden is UTC+1 in winter, UTC+2 in summer). */
export function stockholmInstant(day: string, hour: number): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  for (const offset of [2, 1]) {
    const at = new Date(Date.UTC(y, m - 1, d, hour - offset));
    if (swedishDay(at) === day && Number(stockholmHour.format(at)) === hour) return at;
  }
  // An hour the clocks skip (02:00 on the last Sunday of March): the hour after it.
  return new Date(Date.UTC(y, m - 1, d, hour - 1));
}

/** Monday is 0, Sunday 6, of a calendar day. */
const weekdayOf = (day: string): number => (new Date(`${day}T12:00:00Z`).getUTCDay() + 6) % 7;

/**
 * The latest digest time at or before `now`: 07:00 Swedish time today (else yesterday) for daily, 07:00 on the
 * latest Monday for weekly; null for off.
 */
export function digestSlot(frequency: ReminderFrequency, now: Date): Date | null {
  if (frequency === 'off') return null;
  let day = swedishDay(now);
  if (now < stockholmInstant(day, DIGEST_HOUR)) day = addDays(day, -1);
  if (frequency === 'weekly') day = addDays(day, -weekdayOf(day));
  return stockholmInstant(day, DIGEST_HOUR);
}

/**
 * Is it time for a user's digest? When the latest digest time has passed since their last digest. A user who has
 * never had one gets the first on a digest day (not at once on a Wednesday for a weekly digest); a user who has had
 * one gets the digest they missed while no instance ran.
 */
export function digestDue(frequency: ReminderFrequency, lastDigestAt: string | null, now: Date): boolean {
  const slot = digestSlot(frequency, now);
  if (!slot) return false;
  if (lastDigestAt === null) return swedishDay(now) === swedishDay(slot);
  return new Date(lastDigestAt) < slot;
}

// ——— What ———

export const DIGEST_GROUPS = ['overdue', 'due_soon', 'assigned', 'risk_to_approve', 'access_review', 'other'] as const;
export type DigestGroup = (typeof DIGEST_GROUPS)[number];

export const groupOf = (kind: NotificationKind): DigestGroup =>
  kind === 'overdue' || kind === 'due_soon' || kind === 'assigned' || kind === 'risk_to_approve'
    ? kind
    : kind === 'access_review_reminder' || kind === 'access_review_escalated'
      ? 'access_review'
      : 'other';

export interface DigestItem {
  kind: NotificationKind;
  /** The notification's text in the recipient's language. */
  text: string;
  subject: string | null;
  findingId: string | null;
  /** Where in Ansvar it leads (present.ts), if anywhere. */
  path: string | null;
  createdAt: string;
}

/**
 * The items by group, in the groups' order, empty groups left out; newest first within a group, and a finding
 * told twice in one group (overdue with two due dates) once, the newest.
 */
export function groupItems(items: readonly DigestItem[]): Array<{ group: DigestGroup; items: DigestItem[] }> {
  const byGroup = new Map<DigestGroup, DigestItem[]>();
  const sorted = [...items].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
  const seen = new Set<string>();
  for (const item of sorted) {
    const group = groupOf(item.kind);
    if (item.findingId) {
      const key = `${group}|${item.findingId}`;
      if (seen.has(key)) continue;
      seen.add(key);
    }
    const list = byGroup.get(group);
    if (list) list.push(item);
    else byGroup.set(group, [item]);
  }
  return DIGEST_GROUPS.filter((g) => byGroup.has(g)).map((group) => ({ group, items: byGroup.get(group)! }));
}

// ——— The e-mail ———

/** At most this many lines in one e-mail; the rest are counted ("… and 12 more"). */
export const DIGEST_MAX_LINES = 100;

export interface DigestMail {
  subject: string;
  text: string;
  html: string;
  /** Lines in the e-mail (after grouping). */
  lines: number;
}

export const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

export const findingUrl = (publicUrl: string, findingId: string): string => `${publicUrl}/findings/${encodeURIComponent(findingId)}`;

/** The digest of one user: greeting, the groups with a link to each finding (or review, or system), a link to Mitt ansvar. */
export function renderDigest(input: { locale: Locale; name: string; publicUrl: string; items: readonly DigestItem[]; maxLines?: number }): DigestMail {
  const { locale, publicUrl } = input;
  const t = (key: MessageKey, params?: Record<string, string | number>) => message(locale, key, params);
  const groups = groupItems(input.items);
  const lines = groups.reduce((n, g) => n + g.items.length, 0);
  let budget = input.maxLines ?? DIGEST_MAX_LINES;
  const home = `${publicUrl}/`;
  const text: string[] = [t('notifications.digest.greeting', { name: input.name }), '', t('notifications.digest.intro'), ''];
  const html: string[] = [
    `<p>${escapeHtml(t('notifications.digest.greeting', { name: input.name }))}</p>`,
    `<p>${escapeHtml(t('notifications.digest.intro'))}</p>`,
  ];
  for (const { group, items } of groups) {
    if (budget <= 0) break;
    const shown = items.slice(0, budget);
    budget -= shown.length;
    const heading = t(`notifications.group.${group}`);
    text.push(`${heading} (${items.length})`);
    html.push(`<h2 style="font-size:1.1em">${escapeHtml(heading)} (${items.length})</h2>`, '<ul>');
    for (const item of shown) {
      const label = item.subject ? `${item.text} (${item.subject})` : item.text;
      if (item.path) {
        const url = `${publicUrl}${item.path}`;
        text.push(`- ${label}`, `  ${url}`);
        html.push(`<li>${escapeHtml(item.text)}${item.subject ? ` (${escapeHtml(item.subject)})` : ''} <a href="${escapeHtml(url)}">${escapeHtml(t('notifications.digest.open'))}</a></li>`);
      } else {
        text.push(`- ${label}`);
        html.push(`<li>${escapeHtml(label)}</li>`);
      }
    }
    html.push('</ul>');
    text.push('');
  }
  const left = lines - Math.min(lines, input.maxLines ?? DIGEST_MAX_LINES);
  if (left > 0) {
    text.push(t('notifications.digest.more', { count: left }), '');
    html.push(`<p>${escapeHtml(t('notifications.digest.more', { count: left }))}</p>`);
  }
  text.push(t('notifications.digest.my_tasks'), home, '', '-- ', t('notifications.digest.footer'));
  html.push(
    `<p>${escapeHtml(t('notifications.digest.my_tasks'))} <a href="${escapeHtml(home)}">${escapeHtml(home)}</a></p>`,
    `<p style="color:#555;font-size:0.9em">${escapeHtml(t('notifications.digest.footer'))}</p>`,
  );
  const subject = lines === 1 ? t('notifications.digest.subject_one') : t('notifications.digest.subject', { count: lines });
  return {
    subject,
    text: `${text.join('\n')}\n`,
    html: `<!doctype html>\n<html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body>\n${html.join('\n')}\n</body></html>\n`,
    lines,
  };
}
