import { describe, expect, it } from 'vitest';
import { acceptedLanguages, matchLocale } from './locales.ts';

describe('choosing a language', () => {
  it('orders an Accept-Language header by quality, then by position', () => {
    expect(acceptedLanguages('de;q=0.5, nl-BE, it;q=0.9, en;q=0.9, fr;q=0')).toEqual([
      'nl-BE',
      'it',
      'en',
      'de',
    ]);
    expect(acceptedLanguages(undefined)).toEqual([]);
    expect(acceptedLanguages('*')).toEqual([]);
  });

  it('takes the first tag whose language Copse speaks, region or not', () => {
    expect(matchLocale(['de-DE', 'nl-BE', 'en'])).toBe('nl');
    expect(matchLocale(['IT_it'])).toBe('it');
    expect(matchLocale(['de', 'fr'])).toBeUndefined();
  });
});
