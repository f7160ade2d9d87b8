import type { FastifyInstance, FastifyRequest } from 'fastify';
import { acceptedLanguages, type Locale, matchLocale } from '../../common/i18n/locales.ts';
import { requestLocale } from '../lib/i18n.ts';
import { institutionLanguage } from '../services/institution-language.ts';

const known = new WeakMap<FastifyRequest, Promise<Locale>>();

/**
 * The language to write a request's answer in (server/lib/i18n.ts requestLocale): the Accept-Language
 * the web app sends, else the signed-in member's (read with the session), else the institution's
 * default (kept a few seconds, services/institution-language.ts): no query of its own on most requests.
 */
export function readerLocale(app: FastifyInstance, request: FastifyRequest): Promise<Locale> {
  let locale = known.get(request);
  if (!locale) {
    const header = request.headers['accept-language'];
    const asked = matchLocale(acceptedLanguages(header));
    locale = asked
      ? Promise.resolve(asked)
      : institutionLanguage(app.deps.database.db).then((institutionDefault) =>
          requestLocale(header, request.actor?.language, institutionDefault),
        );
    known.set(request, locale);
  }
  return locale;
}
