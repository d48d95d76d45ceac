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
  const lead = message(locale, `notifications.kind.${kind}`, { dueOn: str(params.dueOn), by: str(params.by), subject: str(params.subject) });
  const text = findingTextOf(params, locale);
  return text ? message(locale, 'notifications.line', { lead, text }) : lead;
}

export const localeOf = (value: string | null | undefined): Locale => (isLocale(value) ? value : 'sv');

export const presentNotification = (row: NotificationsTable, locale: Locale) => ({
  id: row.id,
  kind: row.kind,
  text: notificationText(locale, row.kind, parseParams(row.params_json)),
  findingId: row.finding_id,
  systemId: row.system_id,
  createdAt: row.created_at,
  read: row.read_at !== null,
});
