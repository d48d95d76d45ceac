import { LOCALES, type Locale } from '../../shared/roles.ts';

/** Server-side texts (errors, field messages) in both languages. The web app has its own catalogue. */
const sv = {
  'error.validation_failed': 'Uppgifterna är inte giltiga. Rätta fälten som är markerade.',
  'error.bad_request': 'Begäran kunde inte tolkas.',
  'error.unauthenticated': 'Du behöver logga in.',
  'error.invalid_credentials': 'Fel e-postadress eller lösenord.',
  'error.csrf_invalid': 'Säkerhetstoken saknas eller är ogiltig. Ladda om sidan och försök igen.',
  'error.forbidden': 'Du har inte behörighet till detta.',
  'error.not_found': 'Det du söker finns inte.',
  'error.token_invalid': 'Länken är ogiltig, redan använd eller har gått ut.',
  'error.conflict': 'Någon annan har ändrat uppgifterna. Ladda om och försök igen.',
  'error.already_set_up': 'Ansvar har redan en administratör.',
  'error.email_taken': 'Det finns redan ett konto med den e-postadressen.',
  'error.payload_too_large': 'Begäran är för stor.',
  'error.too_many_attempts': 'För många misslyckade inloggningar. Försök igen om {minutes} minuter.',
  'error.internal': 'Ett oväntat fel inträffade. Felet är loggat med begärans id.',
  'error.unavailable': 'Tjänsten är inte tillgänglig just nu.',
  'field.required': 'Fältet måste fyllas i.',
  'field.invalid_type': 'Värdet har fel typ.',
  'field.too_short': 'Måste vara minst {min} tecken.',
  'field.too_long': 'Får vara högst {max} tecken.',
  'field.too_small': 'Måste vara minst {min}.',
  'field.too_big': 'Får vara högst {max}.',
  'field.invalid_email': 'Ange en giltig e-postadress.',
  'field.invalid_format': 'Värdet har fel format.',
  'field.invalid_option': 'Välj ett av de tillåtna värdena.',
  'field.unknown_field': 'Okänt fält.',
  'field.invalid': 'Ogiltigt värde.',
  'field.password_common': 'Lösenordet är för vanligt. Välj ett som är svårare att gissa.',
  'field.password_contains_email': 'Lösenordet får inte innehålla e-postadressen.',
} as const;

export type MessageKey = keyof typeof sv;

const en: Record<MessageKey, string> = {
  'error.validation_failed': 'The data is not valid. Correct the marked fields.',
  'error.bad_request': 'The request could not be understood.',
  'error.unauthenticated': 'You need to sign in.',
  'error.invalid_credentials': 'Wrong e-mail address or password.',
  'error.csrf_invalid': 'The security token is missing or invalid. Reload the page and try again.',
  'error.forbidden': 'You do not have permission to do this.',
  'error.not_found': 'What you are looking for does not exist.',
  'error.token_invalid': 'The link is invalid, already used or expired.',
  'error.conflict': 'Someone else has changed this. Reload and try again.',
  'error.already_set_up': 'Ansvar already has an administrator.',
  'error.email_taken': 'There is already an account with that e-mail address.',
  'error.payload_too_large': 'The request is too large.',
  'error.too_many_attempts': 'Too many failed sign-in attempts. Try again in {minutes} minutes.',
  'error.internal': 'An unexpected error occurred. It has been logged with the request id.',
  'error.unavailable': 'The service is not available right now.',
  'field.required': 'This field is required.',
  'field.invalid_type': 'The value has the wrong type.',
  'field.too_short': 'Must be at least {min} characters.',
  'field.too_long': 'Must be at most {max} characters.',
  'field.too_small': 'Must be at least {min}.',
  'field.too_big': 'Must be at most {max}.',
  'field.invalid_email': 'Enter a valid e-mail address.',
  'field.invalid_format': 'The value has the wrong format.',
  'field.invalid_option': 'Choose one of the allowed values.',
  'field.unknown_field': 'Unknown field.',
  'field.invalid': 'Invalid value.',
  'field.password_common': 'The password is too common. Choose one that is harder to guess.',
  'field.password_contains_email': 'The password must not contain the e-mail address.',
};

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
