// Numbers, lists and the Intl formatters behind dates, in the language shown. Building an Intl formatter
// costs far more than using one, and lists format hundreds of dates: each is made once per language and
// options, then reused.
import { currentLocale } from '../i18n/i18n.ts';

type Formatter = Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat | Intl.ListFormat;
const formatters = new Map<string, Formatter>();

function cached<T extends Formatter>(kind: string, options: object, make: (locale: string) => T): T {
  const locale = currentLocale();
  const key = `${kind}|${locale}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) {
    formatter = make(locale);
    formatters.set(key, formatter);
  }
  return formatter;
}

/** A date formatter in the language shown (and `options.timeZone`, when given). */
export function dateFormatter(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return cached('date', options, (locale) => new Intl.DateTimeFormat(locale, options));
}

export function relativeTimeFormatter(options: Intl.RelativeTimeFormatOptions): Intl.RelativeTimeFormat {
  return cached('relative', options, (locale) => new Intl.RelativeTimeFormat(locale, options));
}

/** "1,234" in English, "1.234" in Dutch and Italian. */
export function formatNumber(value: number, options: Intl.NumberFormatOptions = {}): string {
  return cached('number', options, (locale) => new Intl.NumberFormat(locale, options)).format(value);
}

/** "a, b and c", "a, b en c", "a, b e c". */
export function formatList(items: readonly string[], type: Intl.ListFormatType = 'conjunction'): string {
  return cached('list', { type }, (locale) => new Intl.ListFormat(locale, { type })).format(items);
}
