import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Locale } from '../../common/i18n/locales.ts';
import type { Db } from '../db/client.ts';
import { institutionSettings, units, users } from '../db/schema/index.ts';

export async function getInstitutionSettings(db: Db) {
  const [row] = await db.select().from(institutionSettings).where(eq(institutionSettings.id, 1)).limit(1);
  if (!row) throw new Error('institution_settings row is missing: migrations did not run');
  return row;
}

/** Renames the institution or changes its default language (undefined: unchanged); answers the row. */
export async function updateInstitutionSettings(
  db: Db,
  changes: { name?: string | undefined; defaultLanguage?: Locale | undefined },
) {
  const [row] = await db
    .update(institutionSettings)
    .set({ name: changes.name, defaultLanguage: changes.defaultLanguage, updatedAt: sql`now()` })
    .where(eq(institutionSettings.id, 1))
    .returning();
  return row;
}

/** Turns single-sign-on-only mode on or off. */
export async function updateSsoOnly(db: Db, ssoOnly: boolean): Promise<void> {
  await db
    .update(institutionSettings)
    .set({ ssoOnly, updatedAt: sql`now()` })
    .where(eq(institutionSettings.id, 1));
}

/** Sets the institution's logo (its storage key and type), or removes it with nulls. */
export async function updateInstitutionLogo(
  db: Db,
  logo: { path: string; contentType: string } | null,
): Promise<void> {
  await db
    .update(institutionSettings)
    .set({ logoPath: logo?.path ?? null, logoContentType: logo?.contentType ?? null, updatedAt: sql`now()` })
    .where(eq(institutionSettings.id, 1));
}

/** Units in name order, with how many people belong to each (one grouped query). */
export async function listUnits(db: Db) {
  return db
    .select({
      id: units.id,
      name: units.name,
      memberCount: sql<number>`count(${users.id})::int`,
    })
    .from(units)
    .leftJoin(users, and(eq(users.unitId, units.id), isNull(users.suspendedAt)))
    .groupBy(units.id)
    .orderBy(asc(sql`lower(${units.name})`));
}

export async function findUnitByName(db: Db, name: string) {
  const [row] = await db.select().from(units).where(sql`lower(${units.name}) = lower(${name})`).limit(1);
  return row;
}

/** A unit's name (undefined: no such unit). */
export async function findUnitName(db: Db, id: string): Promise<string | undefined> {
  const [row] = await db.select({ name: units.name }).from(units).where(eq(units.id, id)).limit(1);
  return row?.name;
}

/** Adds a unit; answers the new row. */
export async function insertUnit(db: Db, name: string) {
  const [row] = await db.insert(units).values({ name }).returning();
  return row;
}

/** Renames a unit; answers it (undefined: no such unit). */
export async function updateUnitName(db: Db, id: string, name: string) {
  const [row] = await db.update(units).set({ name }).where(eq(units.id, id)).returning();
  return row;
}

/** Takes the unit off everyone in it (their accounts stay, with no unit). */
export async function clearUsersUnit(db: Db, unitId: string): Promise<void> {
  await db.update(users).set({ unitId: null }).where(eq(users.unitId, unitId));
}

/** Deletes a unit; answers whether there was one. */
export async function deleteUnitById(db: Db, id: string): Promise<boolean> {
  const deleted = await db.delete(units).where(eq(units.id, id)).returning({ id: units.id });
  return deleted.length > 0;
}
