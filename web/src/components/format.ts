import { intlLocale } from '../i18n/language.ts';

/** Date and time in the user's language (sv-SE or en-GB), local time zone. */
export function formatDateTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(language), {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(date);
}

/**
 * A date, the one way every page writes it: "2 dec. 2026" in Swedish, "2 Dec 2026" in English (the date of
 * formatDateTime). A calendar day (YYYY-MM-DD) is read at noon, so no time zone moves it to another day.
 */
export function formatDate(iso: string, language: string): string {
  const date = new Date(iso.length === 10 ? `${iso}T12:00:00` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(language), { dateStyle: 'medium' }).format(date);
}
