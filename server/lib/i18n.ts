// The server's side of Copse's languages: the same catalogs as the web app (common/i18n/catalogs),
// compiled once at start, and which language a request or a recipient gets.
import { type I18n, type Messages, setupI18n } from '@lingui/core';
import { compileMessageOrThrow } from '@lingui/message-utils/compileMessage';
import { readCatalog } from '../../common/i18n/catalogs/read-catalogs.ts';
import { acceptedLanguages, isLocale, type Locale, locales, matchLocale } from '../../common/i18n/locales.ts';
import type { MessageId } from '../../common/i18n/message-id.ts';

const catalogs = Object.fromEntries(locales.map((locale) => [locale, readCatalog(locale)])) as Record<
  Locale,
  Record<string, string>
>;

function compile(catalog: Record<string, string>): Messages {
  return Object.fromEntries(
    Object.entries(catalog).map(([id, message]) => [id, compileMessageOrThrow(message)]),
  );
}

const instances = new Map<Locale, I18n>(
  locales.map((locale) => [locale, setupI18n({ locale, messages: { [locale]: compile(catalogs[locale]) } })]),
);

/** The Lingui instance of a language, to translate many messages for one reader. */
export function translator(locale: Locale): I18n {
  const instance = instances.get(locale);
  if (!instance) throw new Error(`No catalog for ${locale}`);
  return instance;
}

/** One message in `locale`, its ICU placeholders filled from `values`. */
export function translate(locale: Locale, id: MessageId, values?: Record<string, unknown>): string {
  return translator(locale)._(id, values);
}

/** Whether `id` is a message of the catalogs (for text that may be a message id or already a sentence). */
export function isMessageId(id: string): id is MessageId {
  return Object.hasOwn(catalogs.en, id);
}

/**
 * The language to answer a request in: the one the client asks for (the web app sends the language it
 * shows), else the signed-in member's, else the institution's default.
 */
export function requestLocale(
  acceptLanguage: string | undefined,
  memberLanguage: string | null | undefined,
  institutionDefault: string,
): Locale {
  return (
    matchLocale(acceptedLanguages(acceptLanguage)) ??
    (isLocale(memberLanguage) ? memberLanguage : undefined) ??
    (isLocale(institutionDefault) ? institutionDefault : 'en')
  );
}

/** The language of an email or a notification to someone: theirs, else the institution's default. */
export function recipientLocale(language: string | null | undefined, institutionDefault: string): Locale {
  if (isLocale(language)) return language;
  return isLocale(institutionDefault) ? institutionDefault : 'en';
}
