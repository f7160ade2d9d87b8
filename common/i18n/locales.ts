// The languages Copse speaks, and how a request or a browser's preferences pick one of them.

/** The languages Copse is complete in. English is the source language of the catalogs. */
export const locales = ['en', 'nl', 'it'] as const;
export type Locale = (typeof locales)[number];

export const sourceLocale: Locale = 'en';

/** Each language by its own name, as a switcher lists them ("Nederlands", not "Dutch"). */
export const localeNames: Record<Locale, string> = { en: 'English', nl: 'Nederlands', it: 'Italiano' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** The first of `tags` (BCP 47, best first: "nl-BE", "it", "en-GB") whose language Copse speaks. */
export function matchLocale(tags: readonly string[]): Locale | undefined {
  for (const tag of tags) {
    const language = tag.trim().toLowerCase().split(/[-_]/)[0];
    if (isLocale(language)) return language;
  }
  return undefined;
}

/** The tags of an Accept-Language header, best first ("nl-NL,nl;q=0.9,en;q=0.8" → nl-NL, nl, en). */
export function acceptedLanguages(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...parameters] = part.trim().split(';');
      const q = parameters.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim(), quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((entry) => entry.tag && entry.tag !== '*' && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index)
    .map((entry) => entry.tag);
}
