// The catalogs, each loaded on demand: the web app fetches only the language it shows (one chunk each),
// the server loads all three once.
import type { Locale } from '../locales.ts';

/** A catalog as written: message id → ICU MessageFormat text. */
export type Catalog = Record<string, string>;

export const catalogLoaders: Record<Locale, () => Promise<{ default: Catalog }>> = {
  en: () => import('./en.ts'),
  nl: () => import('./nl.ts'),
  it: () => import('./it.ts'),
};
