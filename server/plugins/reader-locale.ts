import type { FastifyInstance, FastifyRequest } from 'fastify';
import { acceptedLanguages, type Locale, matchLocale } from '../../common/i18n/locales.ts';
import { requestLocale } from '../lib/i18n.ts';
import { findLanguages } from '../queries/languages.ts';

const known = new WeakMap<FastifyRequest, Promise<Locale>>();

/**
 * The language to write a request's answer in (server/lib/i18n.ts requestLocale): the Accept-Language
 * the web app sends, else the signed-in member's, else the institution's default. Looks up the last two
 * only when the header names no language Copse speaks; once per request.
 */
export function readerLocale(app: FastifyInstance, request: FastifyRequest): Promise<Locale> {
  let locale = known.get(request);
  if (!locale) {
    const header = request.headers['accept-language'];
    const asked = matchLocale(acceptedLanguages(header));
    locale = asked
      ? Promise.resolve(asked)
      : findLanguages(app.deps.database.db, request.actor?.id).then(
          ({ memberLanguage, institutionDefault }) =>
            requestLocale(header, memberLanguage, institutionDefault),
        );
    known.set(request, locale);
  }
  return locale;
}
