import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { CircleMemberStatus, CircleState } from '../../common/enums.ts';
import type { Db } from '../db/client.ts';
import {
  circleMeetings,
  circleMembers,
  circlePosts,
  circleReflections,
  circles,
  communityMembers,
  users,
} from '../db/schema/index.ts';

/**
 * Peer learning circles (#18 §3). Their posts, meetings and reflections are read only here and only by
 * the circle page's service, after the policy has let the viewer in: no other list touches these tables.
 */

export type NewCircleRow = typeof circles.$inferInsert;
export type CircleRow = typeof circles.$inferSelect;

/** Writes a circle; returns its id. */
export async function insertCircle(db: Db, circle: NewCircleRow): Promise<string> {
  const [row] = await db.insert(circles).values(circle).returning({ id: circles.id });
  if (!row) throw new Error('insertCircle returned nothing');
  return row.id;
}

/** The viewer's status in the circle, as SQL (null when neither member nor invited). */
function viewerStatusOf(userId: string) {
  return sql<CircleMemberStatus | null>`(select ${circleMembers.status} from ${circleMembers}
    where ${circleMembers.circleId} = ${circles.id} and ${circleMembers.userId} = ${userId})`;
}

const memberCount = sql<number>`(select count(*)::int from ${circleMembers}
  where ${circleMembers.circleId} = ${circles.id} and ${circleMembers.status} = 'member')`;

/**
 * The circles of a community a viewer may know about, newest first: all of them when `seesAll` (the
 * community's leaders, the coordinators); else open ones when `seesOpen` (its members), and those the
 * viewer is in or invited to. One statement; the member counts are index lookups per circle.
 */
export async function listCirclesOfCommunity(
  db: Db,
  communityId: string,
  userId: string,
  reach: { seesAll: boolean; seesOpen: boolean },
) {
  const status = viewerStatusOf(userId);
  const visible = reach.seesAll
    ? undefined
    : reach.seesOpen
      ? sql`(${circles.open} or ${status} is not null)`
      : sql`${status} is not null`;
  return db
    .select({
      id: circles.id,
      name: circles.name,
      purpose: circles.purpose,
      startsOn: circles.startsOn,
      endsOn: circles.endsOn,
      open: circles.open,
      state: circles.state,
      memberCount,
      viewerStatus: status,
    })
    .from(circles)
    .where(and(eq(circles.communityId, communityId), visible))
    .orderBy(desc(circles.createdAt), desc(circles.id))
    .limit(200);
}

/** One circle with the viewer's status in it and its member count (undefined when there is none). */
export async function findCircle(db: Db, circleId: string, userId: string) {
  const [row] = await db
    .select({ circle: circles, memberCount, viewerStatus: viewerStatusOf(userId) })
    .from(circles)
    .where(eq(circles.id, circleId));
  return row;
}

/** Takes the circle row's lock for the rest of the transaction: joins and invitations queue behind it. */
export async function lockCircle(db: Db, circleId: string): Promise<void> {
  await db.execute(sql`select 1 from ${circles} where ${circles.id} = ${circleId} for update`);
}

/** How many are in the circle and how many are invited (read under the circle's lock). */
export async function countCircleSeats(db: Db, circleId: string) {
  const [row] = await db
    .select({
      members: sql<number>`count(*) filter (where ${circleMembers.status} = 'member')::int`,
      invited: sql<number>`count(*) filter (where ${circleMembers.status} = 'invited')::int`,
    })
    .from(circleMembers)
    .where(eq(circleMembers.circleId, circleId));
  return { members: row?.members ?? 0, invited: row?.invited ?? 0 };
}

/** Adds people to a circle, or makes an invitee a member (`status`). */
export async function upsertCircleMembers(
  db: Db,
  circleId: string,
  rows: { userId: string; status: CircleMemberStatus; invitedBy?: string | null }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insert(circleMembers)
    .values(
      rows.map((row) => ({ circleId, userId: row.userId, status: row.status, invitedBy: row.invitedBy })),
    )
    .onConflictDoUpdate({
      target: [circleMembers.circleId, circleMembers.userId],
      set: { status: sql`excluded.status`, joinedAt: sql`now()` },
    });
}

/** Takes someone out of a circle (or withdraws their invitation); false when they were not in it. */
export async function deleteCircleMember(db: Db, circleId: string, userId: string): Promise<boolean> {
  const rows = await db
    .delete(circleMembers)
    .where(and(eq(circleMembers.circleId, circleId), eq(circleMembers.userId, userId)))
    .returning({ userId: circleMembers.userId });
  return rows.length > 0;
}

/** Moves a circle to `state`. */
export async function updateCircleState(db: Db, circleId: string, state: CircleState): Promise<void> {
  await db.update(circles).set({ state }).where(eq(circles.id, circleId));
}

/** Which of `userIds` belong to the community (any role). */
export async function listCommunityMemberIdsAmong(
  db: Db,
  communityId: string,
  userIds: readonly string[],
): Promise<string[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .select({ userId: communityMembers.userId })
    .from(communityMembers)
    .where(
      and(eq(communityMembers.communityId, communityId), inArray(communityMembers.userId, [...userIds])),
    );
  return rows.map((row) => row.userId);
}

const author = sql<{ id: string; displayName: string } | null>`case when ${users.id} is null then null
  else json_build_object('id', ${users.id}, 'displayName', ${users.displayName}) end`;

/**
 * Everything on a circle's page, in one round trip: its members and invitees and, for the circle's own
 * members (`withContent`), its newest posts, its meetings and the closing reflections.
 */
export async function loadCirclePage(db: Db, circleId: string, withContent: boolean, postsShown: number) {
  const members = db
    .select({ id: users.id, displayName: users.displayName, status: circleMembers.status })
    .from(circleMembers)
    .innerJoin(users, eq(users.id, circleMembers.userId))
    .where(eq(circleMembers.circleId, circleId))
    .orderBy(asc(circleMembers.joinedAt), asc(users.id));
  if (!withContent) return { members: await members, posts: null, meetings: null, reflections: null };
  const [memberRows, posts, meetings, reflections] = await Promise.all([
    members,
    db
      .select({ id: circlePosts.id, body: circlePosts.body, createdAt: circlePosts.createdAt, author })
      .from(circlePosts)
      .leftJoin(users, eq(users.id, circlePosts.authorId))
      .where(eq(circlePosts.circleId, circleId))
      .orderBy(desc(circlePosts.createdAt), desc(circlePosts.id))
      .limit(postsShown),
    db
      .select({
        id: circleMeetings.id,
        title: circleMeetings.title,
        startsAt: circleMeetings.startsAt,
        durationMinutes: circleMeetings.durationMinutes,
        place: circleMeetings.place,
        organiser: author,
      })
      .from(circleMeetings)
      .leftJoin(users, eq(users.id, circleMeetings.organiserId))
      .where(eq(circleMeetings.circleId, circleId))
      .orderBy(asc(circleMeetings.startsAt)),
    db
      .select({
        body: circleReflections.body,
        writtenAt: circleReflections.writtenAt,
        author: { id: users.id, displayName: users.displayName },
      })
      .from(circleReflections)
      .innerJoin(users, eq(users.id, circleReflections.userId))
      .where(eq(circleReflections.circleId, circleId))
      .orderBy(asc(circleReflections.writtenAt)),
  ]);
  return { members: memberRows, posts: posts.reverse(), meetings, reflections };
}

/** Writes a post in a circle's discussion; returns its id. */
export async function insertCirclePost(db: Db, post: typeof circlePosts.$inferInsert): Promise<string> {
  const [row] = await db.insert(circlePosts).values(post).returning({ id: circlePosts.id });
  if (!row) throw new Error('insertCirclePost returned nothing');
  return row.id;
}

/** Writes a circle's meeting; returns its id. */
export async function insertCircleMeeting(
  db: Db,
  meeting: typeof circleMeetings.$inferInsert,
): Promise<string> {
  const [row] = await db.insert(circleMeetings).values(meeting).returning({ id: circleMeetings.id });
  if (!row) throw new Error('insertCircleMeeting returned nothing');
  return row.id;
}

/** Writes (or rewrites) a member's closing reflection. */
export async function upsertCircleReflection(db: Db, circleId: string, userId: string, body: string) {
  await db
    .insert(circleReflections)
    .values({ circleId, userId, body })
    .onConflictDoUpdate({
      target: [circleReflections.circleId, circleReflections.userId],
      set: { body, writtenAt: sql`now()` },
    });
}
