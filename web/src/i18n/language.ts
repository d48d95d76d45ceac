import { LOCALES, type Locale } from '../../../shared/roles.ts';

export type { Locale };

export const LANG_COOKIE = 'ansvar_lang';
export const DEFAULT_LOCALE: Locale = 'sv';
const ONE_YEAR_SECONDS = 60 * 60 * 24 * 365;

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The language chosen earlier in this browser, if any. */
export function readLangCookie(): Locale | null {
  for (const part of document.cookie.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === LANG_COOKIE) {
      const value = decodeURIComponent(rest.join('='));
      return isLocale(value) ? value : null;
    }
  }
  return null;
}

/** Remembers the language for a year; the server reads it to localise its messages. */
export function writeLangCookie(locale: Locale): void {
  document.cookie = `${LANG_COOKIE}=${locale}; path=/; max-age=${ONE_YEAR_SECONDS}; SameSite=Lax`;
}

/** The locale for Intl formatting (dates and times). */
export function intlLocale(locale: string): string {
  return locale === 'en' ? 'en-GB' : 'sv-SE';
}
