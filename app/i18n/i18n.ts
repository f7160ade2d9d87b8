// The web app's language: which one it shows, loading its catalog, and keeping a visitor's choice.
//
// The language comes from the member's profile, else the choice kept in this browser (a signed-out
// visitor's switcher), else the browser's languages, else the institution's default. Catalogs are one
// chunk per language, compiled at build time (vite.config.ts), so only the one shown is downloaded.
import { type Messages, setupI18n } from '@lingui/core';
import { isLocale, type Locale, matchLocale, sourceLocale } from '../../common/i18n/locales.ts';
import { catalogLoaders } from './catalog-loaders.ts';

export const i18n = setupI18n();

const loading = new Map<Locale, Promise<void>>();

/** Fetches a language's catalog once (later calls share the first download). */
export function loadLocale(locale: Locale): Promise<void> {
  let promise = loading.get(locale);
  if (!promise) {
    promise = catalogLoaders[locale]().then((catalog) => {
      // The build compiled every message (see vite.config.ts): the object holds Lingui's compiled form.
      i18n.load(locale, catalog.default as unknown as Messages);
    });
    promise.catch(() => loading.delete(locale));
    loading.set(locale, promise);
  }
  return promise;
}

/** Shows Copse in `locale` from now on: its catalog, the page's `lang`, dates and numbers. */
export async function activateLocale(locale: Locale): Promise<void> {
  await loadLocale(locale);
  if (i18n.locale !== locale) i18n.activate(locale);
  document.documentElement.lang = locale;
}

/** The language shown now (English before any is active). */
export function currentLocale(): Locale {
  return isLocale(i18n.locale) ? i18n.locale : sourceLocale;
}

const storageKey = 'copse.language';

/** The language chosen in this browser with the switcher, if any. */
export function keptLocale(): Locale | undefined {
  try {
    const value = localStorage.getItem(storageKey);
    return isLocale(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps a choice of language in this browser (for the next visit, signed in or not). */
export function keepLocale(locale: Locale): void {
  try {
    localStorage.setItem(storageKey, locale);
  } catch {
    // Storage can be off (private windows, policies): the choice then lasts this visit.
  }
}

/** The first of the browser's languages that Copse speaks. */
export function browserLocale(): Locale | undefined {
  return matchLocale(navigator.languages?.length ? navigator.languages : [navigator.language]);
}

/** The language to show: the profile's, else the one kept here, else the browser's, else the institution's. */
export function chooseLocale(
  profileLanguage: string | null | undefined,
  institutionDefault?: string,
): Locale {
  if (isLocale(profileLanguage)) return profileLanguage;
  return (
    keptLocale() ?? browserLocale() ?? (isLocale(institutionDefault) ? institutionDefault : sourceLocale)
  );
}
