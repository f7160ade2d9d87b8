import { and, asc, desc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { MembershipRole } from '../../common/enums.ts';
import type { Db } from '../db/client.ts';
import { communityMembers, joinRequests, units, users } from '../db/schema/index.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { toPrefixTsQuery } from './people.ts';

/** A community's members in name order, searchable by name, filterable by role; keyset pagination. */
export async function listCommunityMembers(
  db: Db,
  communityId: string,
  filter: {
    q?: string | undefined;
    role?: MembershipRole | undefined;
    cursor?: string | undefined;
    limit: number;
  },
) {
  const conditions: (SQL | undefined)[] = [eq(communityMembers.communityId, communityId)];
  const tsquery = filter.q ? toPrefixTsQuery(filter.q) : undefined;
  if (tsquery) conditions.push(sql`${users.search} @@ to_tsquery('simple', ${tsquery})`);
  if (filter.role) conditions.push(eq(communityMembers.role, filter.role));
  const after = decodeCursor(filter.cursor, 2);
  if (after)
    conditions.push(
      sql`(lower(${users.displayName}), ${users.id}) > (${String(after[0])}, ${String(after[1])}::uuid)`,
    );
  const rows = await db
    .select({
      id: users.id,
      displayName: users.displayName,
      pronouns: users.pronouns,
      photoPath: users.photoPath,
      updatedAt: users.updatedAt,
      unitName: units.name,
      role: communityMembers.role,
      joinedAt: communityMembers.joinedAt,
    })
    .from(communityMembers)
    .innerJoin(users, eq(users.id, communityMembers.userId))
    .leftJoin(units, eq(units.id, users.unitId))
    .where(and(...conditions))
    .orderBy(sql`lower(${users.displayName})`, asc(users.id))
    .limit(filter.limit + 1);
  const page = rows.slice(0, filter.limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > filter.limit && last ? encodeCursor([last.displayName.toLowerCase(), last.id]) : null;
  return { rows: page, nextCursor };
}

/** Pending join requests of a community, oldest first (at most 200: leaders answer them). */
export async function listPendingJoinRequests(db: Db, communityId: string) {
  return db
    .select({
      id: joinRequests.id,
      message: joinRequests.message,
      createdAt: joinRequests.createdAt,
      userId: users.id,
      displayName: users.displayName,
      photoPath: users.photoPath,
      updatedAt: users.updatedAt,
    })
    .from(joinRequests)
    .innerJoin(users, eq(users.id, joinRequests.userId))
    .where(and(eq(joinRequests.communityId, communityId), eq(joinRequests.status, 'pending')))
    .orderBy(asc(joinRequests.createdAt))
    .limit(200);
}

/** The actor's own latest join request to a community, if any (to show "request pending"). */
export async function findOwnJoinRequest(db: Db, communityId: string, userId: string) {
  const [row] = await db
    .select({ id: joinRequests.id, status: joinRequests.status, createdAt: joinRequests.createdAt })
    .from(joinRequests)
    .where(and(eq(joinRequests.communityId, communityId), eq(joinRequests.userId, userId)))
    .orderBy(desc(joinRequests.createdAt))
    .limit(1);
  return row;
}

/** The ids of a community's members whose accounts are not suspended (everyone an announcement tells). */
export async function listActiveMemberIds(db: Db, communityId: string): Promise<string[]> {
  const members = await db
    .select({ id: communityMembers.userId })
    .from(communityMembers)
    .innerJoin(users, eq(users.id, communityMembers.userId))
    .where(and(eq(communityMembers.communityId, communityId), isNull(users.suspendedAt)));
  return members.map((m) => m.id);
}
