import type { Locale } from '../../../shared/roles.ts';
import type { NotificationKind, NotificationsTable } from '../../platform/db/tables/follow-up.ts';
import { isLocale, message } from '../../platform/i18n.ts';

/** What a notification says, in a language: its kind's lead-in and the finding's text, from its params. */

type Params = Record<string, string | number | null | undefined>;

export const parseParams = (json: string): Params => {
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === 'object' ? (value as Params) : {};
  } catch {
    return {};
  }
};

const str = (v: string | number | null | undefined): string => (v === null || v === undefined ? '' : String(v));

/** The finding's text in the language (Swedish when there is no English), from a notification's params. */
export const findingTextOf = (params: Params, locale: Locale): string => str(params[`text_${locale}`]) || str(params.text_sv) || str(params.text_en);

export function notificationText(locale: Locale, kind: NotificationKind, params: Params): string {
  const lead = message(locale, `notifications.kind.${kind}`, {
    dueOn: str(params.dueOn),
    by: str(params.by),
    subject: str(params.subject),
    review: str(params.review),
    count: str(params.count),
  });
  const text = findingTextOf(params, locale);
  return text ? message(locale, 'notifications.line', { lead, text }) : lead;
}

/**
 * Where in Ansvar a notification leads: its finding; a review's reminder to the reviewer's inbox; a review's
 * escalation to the access tab of the system it is about (the systemägare may read the system, not always the
 * review); else its system, or nowhere.
 */
export function notificationPath(kind: NotificationKind, findingId: string | null, systemId: string | null, params: Params): string | null {
  if (findingId) return `/findings/${encodeURIComponent(findingId)}`;
  if (kind === 'access_review_reminder' && typeof params.reviewId === 'string') return `/access-reviews/${encodeURIComponent(params.reviewId)}/inbox`;
  if (!systemId) return null;
  return `/systems/${encodeURIComponent(systemId)}${kind === 'access_review_escalated' ? '?tab=access' : ''}`;
}

export const localeOf = (value: string | null | undefined): Locale => (isLocale(value) ? value : 'sv');

export function presentNotification(row: NotificationsTable, locale: Locale) {
  const params = parseParams(row.params_json);
  return {
    id: row.id,
    kind: row.kind,
    text: notificationText(locale, row.kind, params),
    findingId: row.finding_id,
    systemId: row.system_id,
    path: notificationPath(row.kind, row.finding_id, row.system_id, params),
    createdAt: row.created_at,
    read: row.read_at !== null,
  };
}
