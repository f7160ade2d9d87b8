import { and, asc, desc, eq, inArray, isNull, ne, type SQL, sql } from 'drizzle-orm';
import type { MembershipRole } from '../../common/enums.ts';
import type { Db } from '../db/client.ts';
import { communities, communityMembers, joinRequests, units, users } from '../db/schema/index.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { toPrefixTsQuery } from './people.ts';

/** A community's members in name order (not project partners), searchable by name, filterable by role; keyset pagination. */
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
  // Project partners (#18 §4) are the project's, not the community's members.
  const conditions: (SQL | undefined)[] = [
    eq(communityMembers.communityId, communityId),
    eq(communityMembers.projectOnly, false),
  ];
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
    .where(
      and(
        eq(communityMembers.communityId, communityId),
        isNull(users.suspendedAt),
        // Partners (project-only guests, #18 §4) hear nothing of the community beyond their project.
        eq(communityMembers.projectOnly, false),
      ),
    );
  return members.map((m) => m.id);
}

/**
 * The communities a person belongs to (not archived), by name: where they may put something of their
 * own, such as a story (through community_members_user_idx).
 */
export async function listCommunitiesOfMember(db: Db, userId: string) {
  return db
    .select({ id: communities.id, slug: communities.slug, name: communities.name })
    .from(communityMembers)
    .innerJoin(communities, eq(communities.id, communityMembers.communityId))
    .where(and(eq(communityMembers.userId, userId), ne(communities.stage, 'archived')))
    .orderBy(asc(communities.name))
    .limit(200);
}

/** A person's role in a community (undefined: not a member). */
export async function findMemberRole(
  db: Db,
  communityId: string,
  userId: string,
): Promise<MembershipRole | undefined> {
  const [row] = await db
    .select({ role: communityMembers.role })
    .from(communityMembers)
    .where(and(eq(communityMembers.communityId, communityId), eq(communityMembers.userId, userId)))
    .limit(1);
  return row?.role;
}

/** How many people hold the role `leader` in a community (read under the community lock). */
export async function countLeaders(db: Db, communityId: string): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(communityMembers)
    .where(and(eq(communityMembers.communityId, communityId), eq(communityMembers.role, 'leader')));
  return row?.count ?? 0;
}

/** The leaders and co-leaders of a community whose accounts are not suspended: their ids. */
export async function listLeaderIds(db: Db, communityId: string): Promise<string[]> {
  const rows = await db
    .select({ id: users.id })
    .from(communityMembers)
    .innerJoin(users, eq(users.id, communityMembers.userId))
    .where(
      and(
        eq(communityMembers.communityId, communityId),
        sql`${communityMembers.role} in ('leader', 'co_leader')`,
        sql`${users.suspendedAt} is null`,
      ),
    );
  return rows.map((row) => row.id);
}

export type NewMemberRow = typeof communityMembers.$inferInsert;

/** Adds members to a community, in one statement (the stored member count is the caller's). */
export async function insertMembers(db: Db, members: NewMemberRow[]): Promise<void> {
  await db.insert(communityMembers).values(members);
}

/** Adds a member unless they already are one; answers whether they were added. */
export async function insertMemberIfAbsent(db: Db, member: NewMemberRow): Promise<boolean> {
  const inserted = await db
    .insert(communityMembers)
    .values(member)
    .onConflictDoNothing()
    .returning({ userId: communityMembers.userId });
  return inserted.length > 0;
}

/** Gives a member another role. */
export async function updateMemberRole(
  db: Db,
  communityId: string,
  userId: string,
  role: MembershipRole,
): Promise<void> {
  await db
    .update(communityMembers)
    .set({ role })
    .where(and(eq(communityMembers.communityId, communityId), eq(communityMembers.userId, userId)));
}

/** Takes a person out of a community's members (the stored member count is the caller's). */
export async function deleteMember(db: Db, communityId: string, userId: string): Promise<void> {
  await db
    .delete(communityMembers)
    .where(and(eq(communityMembers.communityId, communityId), eq(communityMembers.userId, userId)));
}

/** The accounts behind these addresses, with each one's role in the community if they are a member. */
export async function listUsersByEmailWithRole(db: Db, communityId: string, emails: string[]) {
  return db
    .select({ id: users.id, email: users.email, language: users.language, memberRole: communityMembers.role })
    .from(users)
    .leftJoin(
      communityMembers,
      and(eq(communityMembers.userId, users.id), eq(communityMembers.communityId, communityId)),
    )
    .where(inArray(users.email, emails));
}
