import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { meQueryKey } from '../api/me.ts';
import type { Me } from '../api/types.ts';
import { isLocale, readLangCookie, writeLangCookie, type Locale } from '../i18n/language.ts';

/** The active language, narrowed to the ones Ansvar has. */
export function useLocale(): Locale {
  const { i18n } = useTranslation();
  return isLocale(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'sv';
}

/** Switches language, remembers it in the cookie and, when signed in, on the user's profile. */
export function useChangeLocale(signedIn: boolean) {
  const { i18n } = useTranslation();
  const queryClient = useQueryClient();
  return useCallback(
    async (locale: Locale) => {
      writeLangCookie(locale);
      await i18n.changeLanguage(locale);
      // Texts the server writes (role names, findings) come in the cookie's language: read them again.
      void queryClient.invalidateQueries();
      if (!signedIn) return;
      try {
        await api.put<unknown>('/api/me/locale', { locale });
        queryClient.setQueryData<Me>(meQueryKey, (me) => (me ? { ...me, locale } : me));
      } catch {
        // The language still changed here (and the cookie remembers it); only the profile
        // preference was not saved. Not worth interrupting the user for.
      }
    },
    [i18n, queryClient, signedIn],
  );
}

/** Without a language cookie, a signed-in user's saved locale decides the language. */
export function useLocaleFromProfile(me: Me | undefined): void {
  const { i18n } = useTranslation();
  const saved = me?.locale ?? null;
  useEffect(() => {
    if (!saved || readLangCookie()) return;
    writeLangCookie(saved);
    if (i18n.resolvedLanguage !== saved) void i18n.changeLanguage(saved);
  }, [saved, i18n]);
}
