import { and, asc, eq, inArray, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import {
  calendarFeeds,
  communities,
  communityMembers,
  meetingRsvps,
  meetingSeries,
  meetings,
  users,
} from '../db/schema/index.ts';
import type { Actor } from '../lib/actor.ts';
import { type Scope, scopeOf, visibleIn } from './communities.ts';
import { preparedByShape } from './prepared.ts';

/** How far back feeds reach; everything ahead is included (series are bounded). */
export const feedDaysBack = 90;
const feedLimit = 2000;

const feedColumns = (actorId: SQLWrapper | string | null) => ({
  id: meetings.id,
  seriesId: meetings.seriesId,
  originalStart: meetings.originalStart,
  detached: meetings.detached,
  status: meetings.status,
  kind: meetings.kind,
  title: meetings.title,
  description: meetings.description,
  agenda: meetings.agenda,
  startsAt: meetings.startsAt,
  endsAt: meetings.endsAt,
  timeZone: meetings.timeZone,
  onlineUrl: meetings.onlineUrl,
  room: meetings.room,
  cancelReason: meetings.cancelReason,
  sequence: meetings.sequence,
  updatedAt: meetings.updatedAt,
  communityName: communities.name,
  myRsvp: actorId
    ? sql<string | null>`(select r.status from ${meetingRsvps} r
        where r.meeting_id = ${meetings.id} and r.user_id = ${actorId})`
    : sql<string | null>`null`,
});
export type FeedMeeting = Awaited<ReturnType<typeof listCommunityFeed>>[number];

const recent = sql`${meetings.startsAt} > now() - interval '${sql.raw(String(feedDaysBack))} days'`;

function feedRows(db: Db, actorId: SQLWrapper | string | null, where: SQL | undefined) {
  return db
    .select(feedColumns(actorId))
    .from(meetings)
    .innerJoin(communities, eq(communities.id, meetings.communityId))
    .where(and(recent, where))
    .orderBy(asc(meetings.startsAt), asc(meetings.id))
    .limit(feedLimit);
}

/** A community's meetings for its feed: the last 90 days and everything ahead. */
export async function listCommunityFeed(db: Db, communityId: string) {
  return feedRows(db, null, eq(meetings.communityId, communityId));
}

/**
 * Every occurrence of one series (at most 200, by the recurrence rules), for the file of one of its
 * meetings: the series with all its overrides, whatever their age.
 */
export async function listSeriesMeetings(db: Db, seriesId: string): Promise<FeedMeeting[]> {
  return db
    .select(feedColumns(null))
    .from(meetings)
    .innerJoin(communities, eq(communities.id, meetings.communityId))
    .where(eq(meetings.seriesId, seriesId))
    .orderBy(asc(meetings.startsAt), asc(meetings.id))
    .limit(feedLimit);
}

/**
 * A member's meetings: their communities' meetings in the window and the ones they answered, in the
 * communities they may see. `actorId` is a value or a placeholder.
 */
function memberFeedRows(db: Db, actorId: SQLWrapper | string, scope: Scope) {
  // One IN over a union rather than an OR of two subqueries, which PostgreSQL answers by reading every
  // meeting (see listCalendar); the outer window and scope still apply.
  const mine = sql`${meetings.id} in (
    select fm.id from ${communityMembers} cm join ${meetings} fm on fm.community_id = cm.community_id
    where cm.user_id = ${actorId} and not cm.project_only and fm.starts_at > now() - interval '${sql.raw(String(feedDaysBack))} days'
    union all
    select r.meeting_id from ${meetingRsvps} r where r.user_id = ${actorId}
  )`;
  return feedRows(db, actorId, and(mine, visibleIn(scope, actorId)));
}

/** A member's feed: their communities' meetings and the ones they answered, with their answers. */
export async function listMemberFeed(db: Db, actor: Actor) {
  return memberFeedRows(db, actor.id, scopeOf(actor));
}

/** The version statement of one scope (whose view of the communities the owner takes). */
const feedVersionStatement = preparedByShape(
  (scope: Scope) => `member_feed_version_${scope}`,
  (db: Db, scope: Scope) =>
    db
      .select({
        version: sql<string>`md5(coalesce(string_agg(
          f::text || coalesce(${meetingSeries}::text, ''), ',' order by f.starts_at, f.id), ''))`,
      })
      .from(
        sql`(${memberFeedRows(db, sql.placeholder('actorId'), scope)}) f
          left join ${meetingSeries} on ${meetingSeries.id} = f.series_id`,
      ),
);

/**
 * A fingerprint of everything a member's feed is written from: each of its rows (every column the file
 * uses, their answer among them) and the row of each series they belong to, in the feed's order. The
 * same rows as `listMemberFeed`, but PostgreSQL hashes them and only 32 characters come back, so a
 * calendar app asking again (If-None-Match) is answered 304 without reading the meetings into Node or
 * writing the file. Any change to a meeting, an answer, a series, a community's name, a membership or
 * the window (a meeting older than 90 days drops out) changes it. A named prepared statement per scope.
 */
export async function findMemberFeedVersion(db: Db, actor: Actor): Promise<string> {
  const [row] = await feedVersionStatement(db, scopeOf(actor)).execute({ actorId: actor.id });
  return row?.version ?? '';
}

/** The series of the meetings in a feed, by id. */
export async function findSeriesByIds(db: Db, ids: string[]) {
  if (ids.length === 0) return new Map<string, typeof meetingSeries.$inferSelect>();
  const rows = await db.select().from(meetingSeries).where(inArray(meetingSeries.id, ids));
  return new Map(rows.map((row) => [row.id, row]));
}

/** The person a private feed token belongs to (suspended accounts have no feed). */
export async function findFeedOwner(db: Db, token: string): Promise<Actor | undefined> {
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      role: users.role,
      kind: users.kind,
    })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .where(and(eq(calendarFeeds.token, token), sql`${users.suspendedAt} is null`))
    .limit(1);
  return row ? { ...row, sessionId: '' } : undefined;
}

/** A person's feed token, if they made one. */
export async function findFeedToken(db: Db, userId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ token: calendarFeeds.token })
    .from(calendarFeeds)
    .where(eq(calendarFeeds.userId, userId))
    .limit(1);
  return row?.token;
}

/** Gives a person a new feed token, in place of the one they had (which stops working at once). */
export async function upsertFeedToken(db: Db, userId: string, token: string): Promise<void> {
  await db
    .insert(calendarFeeds)
    .values({ userId, token })
    .onConflictDoUpdate({ target: calendarFeeds.userId, set: { token, createdAt: new Date() } });
}

/** Deletes a person's feed token: their feed address stops working. */
export async function deleteFeedToken(db: Db, userId: string): Promise<void> {
  await db.delete(calendarFeeds).where(eq(calendarFeeds.userId, userId));
}
