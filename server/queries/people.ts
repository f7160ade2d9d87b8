import { and, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { PersonKind } from '../../common/enums.ts';
import type { Db } from '../db/client.ts';
import { units, users } from '../db/schema/index.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';

/** Turns free text into a prefix tsquery ("assess eval" → "assess:* & eval:*"); only letters and digits pass. */
export function toPrefixTsQuery(text: string): string | undefined {
  const words = text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .slice(0, 8);
  return words.length > 0 ? words.map((word) => `${word}:*`).join(' & ') : undefined;
}

/** What a person's card shows (presentPersonSummary). */
export const personSummaryColumns = {
  id: users.id,
  displayName: users.displayName,
  pronouns: users.pronouns,
  unitId: users.unitId,
  kind: users.kind,
  interests: users.interests,
  expertise: users.expertise,
  photoPath: users.photoPath,
  role: users.role,
  createdAt: users.createdAt,
  updatedAt: users.updatedAt,
};

export interface PeopleFilter {
  q?: string | undefined;
  unitId?: string | undefined;
  expertise?: string | undefined;
  kind?: PersonKind | undefined;
  cursor?: string | undefined;
  limit: number;
}

/**
 * Finds colleagues by name, unit, expertise or kind, in name order with keyset pagination. Words match
 * the start of any word in name, unit, tags and bio; suspended people are left out.
 */
export async function searchPeople(db: Db, filter: PeopleFilter) {
  const conditions: SQL[] = [isNull(users.suspendedAt), isNull(users.erasedAt)];
  const tsquery = filter.q ? toPrefixTsQuery(filter.q) : undefined;
  if (tsquery) conditions.push(sql`${users.search} @@ to_tsquery('simple', ${tsquery})`);
  if (filter.unitId) conditions.push(eq(users.unitId, filter.unitId));
  if (filter.expertise)
    conditions.push(sql`${users.expertise} @> array[${filter.expertise.toLowerCase()}]::text[]`);
  if (filter.kind) conditions.push(eq(users.kind, filter.kind));
  const after = decodeCursor(filter.cursor, 2);
  if (after)
    conditions.push(
      sql`(lower(${users.displayName}), ${users.id}) > (${String(after[0])}, ${String(after[1])}::uuid)`,
    );
  const rows = await db
    .select({ user: personSummaryColumns, unitName: units.name })
    .from(users)
    .leftJoin(units, eq(units.id, users.unitId))
    .where(and(...conditions))
    .orderBy(sql`lower(${users.displayName})`, users.id)
    .limit(filter.limit + 1);
  const page = rows.slice(0, filter.limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > filter.limit && last
      ? encodeCursor([last.user.displayName.toLowerCase(), last.user.id])
      : null;
  return { rows: page, nextCursor };
}

/**
 * The cards of these people (for search results that are people), in one query; suspended people are
 * left out, as everywhere people are listed.
 */
export async function listPersonSummaries(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ user: personSummaryColumns, unitName: units.name })
    .from(users)
    .leftJoin(units, eq(units.id, users.unitId))
    .where(and(inArray(users.id, ids), isNull(users.suspendedAt)));
}
