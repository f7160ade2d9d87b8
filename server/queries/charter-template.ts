import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { type CharterSections, charterTemplate, users } from '../db/schema/index.ts';

/** The institution's charter template (one row), with who last changed it. */
export async function findCharterTemplate(db: Db) {
  const [row] = await db
    .select({
      sections: charterTemplate.sections,
      seeded: charterTemplate.seeded,
      updatedAt: charterTemplate.updatedAt,
      updatedById: users.id,
      updatedByName: users.displayName,
    })
    .from(charterTemplate)
    .leftJoin(users, eq(users.id, charterTemplate.updatedBy))
    .where(eq(charterTemplate.id, 1))
    .limit(1);
  return row;
}

/** Replaces the template's sections (creating the row if a database somehow lacks it). */
export async function saveCharterTemplate(
  db: Db,
  sections: CharterSections,
  updatedBy: string,
): Promise<void> {
  await db
    .insert(charterTemplate)
    .values({ id: 1, sections, seeded: false, updatedBy })
    .onConflictDoUpdate({
      target: charterTemplate.id,
      set: { sections, seeded: false, updatedBy, updatedAt: sql`now()` },
    });
}
