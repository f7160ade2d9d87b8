import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { institutionSettings, users } from '../db/schema/index.ts';

/** A member's profile language (none: not signed in or not chosen) and the institution's default. One query. */
export async function findLanguages(
  db: Db,
  userId: string | null | undefined,
): Promise<{ memberLanguage: string | null; institutionDefault: string }> {
  const [row] = await db
    .select({ memberLanguage: users.language, institutionDefault: institutionSettings.defaultLanguage })
    .from(institutionSettings)
    .leftJoin(users, eq(users.id, userId ?? '00000000-0000-0000-0000-000000000000'))
    .where(eq(institutionSettings.id, 1))
    .limit(1);
  return { memberLanguage: row?.memberLanguage ?? null, institutionDefault: row?.institutionDefault ?? 'en' };
}
