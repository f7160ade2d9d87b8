import { useLingui } from '@lingui/react';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import type { Locale } from '../../common/i18n/locales.ts';
import { apiSend } from '../api/client.ts';
import { keys, useInstitution, useMe } from '../api/queries.ts';
import type { Me } from '../api/types.ts';
import { activateLocale, chooseLocale, currentLocale, keepLocale } from './i18n.ts';

/**
 * Switches the language: shown at once, kept in this browser, and saved on the member's profile when
 * someone is signed in (so their emails and notifications follow).
 */
export function useChangeLanguage(): (locale: Locale) => Promise<void> {
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  return useCallback(
    async (locale: Locale) => {
      keepLocale(locale);
      await activateLocale(locale);
      if (me && me.language !== locale) {
        const updated = await apiSend<Me>('PATCH', '/me', { language: locale });
        queryClient.setQueryData(keys.me, updated);
      }
    },
    [me, queryClient],
  );
}

/** The language shown now; components that call this re-render when it changes. */
export function useLocale(): Locale {
  useLingui();
  return currentLocale();
}

/**
 * Follows the signed-in person: signing in as someone who chose another language, or an administrator
 * changing the institution's default, switches what is shown.
 */
export function useLanguageSync(): void {
  const { data: me } = useMe();
  const { data: institution } = useInstitution();
  const wanted = chooseLocale(me?.language, institution?.defaultLanguage);
  useEffect(() => {
    if (wanted !== currentLocale()) void activateLocale(wanted);
  }, [wanted]);
}
