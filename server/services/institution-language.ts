// The institution's default language, read for answers that need it (an error for a signed-out visitor
// who sends no Accept-Language) without a query per request: kept a few seconds per database, and
// forgotten at once when an administrator changes it.
import type { Db } from '../db/client.ts';
import { getInstitutionSettings } from '../queries/institution.ts';

const keepMs = 5_000;
const cache = new WeakMap<Db, { language: string; until: number }>();

export async function institutionLanguage(db: Db): Promise<string> {
  const cached = cache.get(db);
  if (cached && cached.until > Date.now()) return cached.language;
  const { defaultLanguage } = await getInstitutionSettings(db);
  cache.set(db, { language: defaultLanguage, until: Date.now() + keepMs });
  return defaultLanguage;
}

/** After the default language changed: the next answer reads it again. */
export function forgetInstitutionLanguage(db: Db): void {
  cache.delete(db);
}
