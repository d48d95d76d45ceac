import { LOCALES, type Locale } from '../../shared/roles.ts';
import * as access from '../messages/access.ts';
import * as accessOrders from '../messages/access-orders.ts';
import * as accessReviews from '../messages/access-reviews.ts';
import * as agreements from '../messages/agreements.ts';
import * as classifications from '../messages/classifications.ts';
import * as findings from '../messages/findings.ts';
import * as notifications from '../messages/notifications.ts';
import * as core from '../messages/core.ts';
import * as org from '../messages/org.ts';
import * as people from '../messages/people.ts';
import * as policy from '../messages/policy.ts';
import * as systems from '../messages/systems.ts';
import * as systemImport from '../messages/system-import.ts';
import * as uploads from '../messages/uploads.ts';

/**
 * Server-side texts (errors, field messages) in both languages, one file per area under server/messages/.
 * The web app has its own catalogue. A key missing in English is a type error.
 */
const sv = { ...core.sv, ...org.sv, ...people.sv, ...policy.sv, ...systems.sv, ...agreements.sv, ...systemImport.sv, ...uploads.sv, ...classifications.sv, ...findings.sv, ...notifications.sv, ...access.sv, ...accessOrders.sv, ...accessReviews.sv };
export type MessageKey = keyof typeof sv;
const en: Record<MessageKey, string> = { ...core.en, ...org.en, ...people.en, ...policy.en, ...systems.en, ...agreements.en, ...systemImport.en, ...uploads.en, ...classifications.en, ...findings.en, ...notifications.en, ...access.en, ...accessOrders.en, ...accessReviews.en };
const catalogues: Record<Locale, Record<MessageKey, string>> = { sv, en };

export function message(locale: Locale, key: MessageKey, params?: Record<string, string | number>): string {
  const text = catalogues[locale][key];
  return params ? text.replace(/\{(\w+)\}/g, (m, p: string) => (p in params ? String(params[p]) : m)) : text;
}

export const isLocale = (v: unknown): v is Locale => typeof v === 'string' && (LOCALES as readonly string[]).includes(v);

/** The request's language: the ansvar_lang cookie, else Accept-Language, else Swedish. */
export function pickLocale(cookie: string | undefined, acceptLanguage: string | undefined): Locale {
  if (isLocale(cookie)) return cookie;
  if (acceptLanguage) {
    const ranked = acceptLanguage
      .split(',')
      .map((part) => {
        const [tag = '', ...rest] = part.trim().split(';');
        const q = rest.find((r) => r.trim().startsWith('q='));
        return { lang: tag.toLowerCase().split('-')[0] ?? '', q: q ? Number(q.split('=')[1]) : 1 };
      })
      .sort((a, b) => b.q - a.q);
    for (const { lang } of ranked) if (isLocale(lang)) return lang;
  }
  return 'sv';
}

export const catalogueKeys = (locale: Locale): string[] => Object.keys(catalogues[locale]);
