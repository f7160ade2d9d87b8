// The catalogs as the web app loads them: one chunk per language (each area file of
// common/i18n/catalogs/<language>/ compiled at build time by vite.config.ts and merged here), so only
// the language shown is downloaded.
import type { Catalog } from '../../common/i18n/catalogs/index.ts';
import type { Locale } from '../../common/i18n/locales.ts';

export const catalogLoaders: Record<Locale, () => Promise<{ default: Catalog }>> = {
  en: () => import('./catalogs/en.ts'),
  nl: () => import('./catalogs/nl.ts'),
  it: () => import('./catalogs/it.ts'),
};
