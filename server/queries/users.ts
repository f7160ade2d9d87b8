import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { units, users } from '../db/schema/index.ts';

export type UserRow = typeof users.$inferSelect;

/** The columns a profile shows: everything but the password hash and the search columns. */
export const profileColumns = {
  id: users.id,
  email: users.email,
  displayName: users.displayName,
  pronouns: users.pronouns,
  unitId: users.unitId,
  kind: users.kind,
  bio: users.bio,
  interests: users.interests,
  expertise: users.expertise,
  photoPath: users.photoPath,
  timeZone: users.timeZone,
  language: users.language,
  remindDayBefore: users.remindDayBefore,
  remindHourBefore: users.remindHourBefore,
  showBadges: users.showBadges,
  role: users.role,
  emailVerifiedAt: users.emailVerifiedAt,
  suspendedAt: users.suspendedAt,
  createdAt: users.createdAt,
  updatedAt: users.updatedAt,
};

/** A person as profile pages show them (see `profileColumns`). */
export type ProfileRow = Omit<UserRow, 'passwordHash' | 'searchDocument' | 'search' | 'erasedAt'>;

/** The text the people search indexes: name, pronouns, unit, tags and bio. */
export function buildPersonSearchDocument(person: {
  displayName: string;
  unitName?: string | null;
  interests: string[];
  expertise: string[];
  bio: string;
}): string {
  return [
    person.displayName,
    person.unitName ?? '',
    ...person.expertise,
    ...person.interests,
    person.bio.slice(0, 2000),
  ]
    .join(' ')
    .toLowerCase();
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  return row;
}

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row;
}

/** A person with their unit's name, for profile pages and the `me` endpoint. One query. */
export async function findProfileById(db: Db, id: string) {
  const [row] = await db
    .select({ user: profileColumns, unitName: units.name })
    .from(users)
    .leftJoin(units, eq(units.id, users.unitId))
    // An erased account has no profile left (its row stays as a tombstone for what others kept).
    .where(and(eq(users.id, id), isNull(users.erasedAt)))
    .limit(1);
  return row;
}

/** The profile fields a person changes themselves, with the search document built from them. */
export type ProfileUpdate = Pick<
  typeof users.$inferInsert,
  | 'displayName'
  | 'pronouns'
  | 'unitId'
  | 'kind'
  | 'bio'
  | 'interests'
  | 'expertise'
  | 'timeZone'
  | 'language'
  | 'remindDayBefore'
  | 'remindHourBefore'
  | 'showBadges'
  | 'searchDocument'
>;

/** Writes a person's profile; answers it as profile pages show it (undefined: no such person). */
export async function updateUserProfile(db: Db, id: string, profile: ProfileUpdate) {
  const [row] = await db
    .update(users)
    .set({ ...profile, updatedAt: sql`now()` })
    .where(eq(users.id, id))
    .returning(profileColumns);
  return row;
}

/** Sets a person's photo (its storage key), or removes it with null. */
export async function updateUserPhoto(db: Db, id: string, photoPath: string | null): Promise<void> {
  await db.update(users).set({ photoPath, updatedAt: sql`now()` }).where(eq(users.id, id));
}

export async function countAdministrators(db: Db): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(users)
    .where(and(eq(users.role, 'administrator'), sql`${users.suspendedAt} is null`));
  return row?.count ?? 0;
}

export async function countUsers(db: Db): Promise<number> {
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(users);
  return row?.count ?? 0;
}
