import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { institutionSettings, units, users } from '../db/schema/index.ts';

export async function getInstitutionSettings(db: Db) {
  const [row] = await db.select().from(institutionSettings).where(eq(institutionSettings.id, 1)).limit(1);
  if (!row) throw new Error('institution_settings row is missing: migrations did not run');
  return row;
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
