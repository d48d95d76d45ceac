import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LOCALES } from '../../../shared/roles.ts';
import en from './en.json';
import sv from './sv.json';
import { DEFAULT_LOCALE, readLangCookie } from './language.ts';

export const resources = { sv: { translation: sv }, en: { translation: en } } as const;

// Reflect the active language in <html lang> so screen readers pronounce text correctly.
i18next.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});

// Start-up order: the cookie, else the signed-in user's saved locale (applied by
// useLocaleSync once /api/me has answered), else Swedish.
void i18next.use(initReactI18next).init({
  resources,
  lng: readLangCookie() ?? DEFAULT_LOCALE,
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: [...LOCALES],
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
  initAsync: false,
});

export default i18next;
