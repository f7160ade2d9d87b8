import type { Locale } from '../../../common/i18n/locales.ts';
import type { Db } from '../../db/client.ts';
import { recipientLocale } from '../../lib/i18n.ts';
import { getInstitutionSettings } from '../../queries/institution.ts';

/** What every email to one person needs besides its words: their language and the institution's name. */
export interface Letter {
  locale: Locale;
  institution: string;
}

/** Writes letters to several people: each in their language, else the institution's default. */
export async function letterWriter(db: Db): Promise<(language: string | null | undefined) => Letter> {
  const settings = await getInstitutionSettings(db);
  return (language) => ({
    locale: recipientLocale(language, settings.defaultLanguage),
    institution: settings.name,
  });
}

/** The letter to one person whose profile language is `language` (null: the institution's default). */
export async function letterTo(db: Db, language: string | null | undefined): Promise<Letter> {
  return (await letterWriter(db))(language);
}
