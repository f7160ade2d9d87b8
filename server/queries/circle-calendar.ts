import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { circleMeetings, circleMembers, circles, communities, communityMembers } from '../db/schema/index.ts';
import { feedDaysBack } from './meeting-feeds.ts';
import { rowsOf } from './raw-rows.ts';

/**
 * The meetings of a person's peer learning circles (#18 §3) for their calendar page and private feed.
 * Only the circles they are a member of (not invited), while they belong to its community: the same
 * people who read the circle's content. One statement each, through circle_members_user_idx and
 * circle_meetings_circle_starts_idx.
 */

export interface CircleCalendarRow {
  id: string;
  circleId: string;
  circleName: string;
  communityName: string;
  title: string;
  startsAt: Date;
  durationMinutes: number;
  place: string;
  createdAt: Date;
}

function memberCircleMeetings(userId: string, after: SQL, limit: number) {
  return sql`select m.id, m.circle_id as "circleId", c.name as "circleName", co.name as "communityName",
      m.title, m.starts_at as "startsAt", m.duration_minutes as "durationMinutes", m.place,
      m.created_at as "createdAt"
    from ${circleMembers} cm
    join ${circles} c on c.id = cm.circle_id
    join ${communityMembers} mem on mem.community_id = c.community_id and mem.user_id = cm.user_id
    join ${communities} co on co.id = c.community_id
    join ${circleMeetings} m on m.circle_id = c.id
    where cm.user_id = ${userId} and cm.status = 'member' and m.starts_at > ${after}
    order by m.starts_at, m.id limit ${limit}`;
}

/** Meetings of the person's circles that have not ended yet, soonest first. */
export async function listUpcomingCircleMeetings(db: Db, userId: string, limit = 50) {
  const rows = rowsOf<CircleCalendarRow>(
    await db.execute(
      memberCircleMeetings(userId, sql`now() - make_interval(mins => m.duration_minutes)`, limit),
    ),
  );
  return rows.map((row) => ({
    ...row,
    startsAt: new Date(row.startsAt),
    createdAt: new Date(row.createdAt),
  }));
}

const feedWindow = sql`now() - interval '${sql.raw(String(feedDaysBack))} days'`;

/** Meetings of the person's circles for their private feed: the feed's window (90 days back, all ahead). */
export async function listCircleFeedMeetings(db: Db, userId: string) {
  const rows = rowsOf<CircleCalendarRow>(await db.execute(memberCircleMeetings(userId, feedWindow, 500)));
  return rows.map((row) => ({
    ...row,
    startsAt: new Date(row.startsAt),
    createdAt: new Date(row.createdAt),
  }));
}

/** A fingerprint of those feed rows, for the feed's ETag (a changed meeting or membership changes it). */
export async function findCircleFeedVersion(db: Db, userId: string): Promise<string> {
  const result =
    await db.execute(sql`select md5(coalesce(string_agg(f::text, ',' order by f."startsAt", f.id), ''))
    as version from (${memberCircleMeetings(userId, feedWindow, 500)}) f`);
  return rowsOf<{ version: string }>(result)[0]?.version ?? '';
}
