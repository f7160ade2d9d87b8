import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { RsvpStatus } from '../../common/enums.ts';
import type { Db } from '../db/client.ts';
import { meetingRsvps, meetings } from '../db/schema/index.ts';
import { rowsOf } from './raw-rows.ts';

/**
 * A meeting's answers and the counts kept beside them (`goingCount`, `waitlistCount`). The writes here
 * run under the meeting row's lock (`lockMeeting`), in the caller's transaction.
 */

/**
 * Records a person's answer, or changes it. clock_timestamp(), not now(): the time is taken under the
 * meeting's lock, so the wait list is in the order answers were applied, not the order their
 * transactions began.
 */
export async function upsertMeetingRsvp(
  db: Db,
  meetingId: string,
  userId: string,
  status: RsvpStatus,
): Promise<void> {
  await db
    .insert(meetingRsvps)
    .values({ meetingId, userId, status, respondedAt: sql`clock_timestamp()` })
    .onConflictDoUpdate({
      target: [meetingRsvps.meetingId, meetingRsvps.userId],
      set: { status, respondedAt: sql`clock_timestamp()` },
    });
}

/** Adds to a meeting's going and waiting counts (negative to take away); a count left out stays. */
export async function addToMeetingCounts(
  db: Db,
  meetingId: string,
  change: { going?: number; waitlisted?: number },
): Promise<void> {
  await db
    .update(meetings)
    .set({
      ...(change.going !== undefined ? { goingCount: sql`${meetings.goingCount} + ${change.going}` } : {}),
      ...(change.waitlisted !== undefined
        ? { waitlistCount: sql`${meetings.waitlistCount} + ${change.waitlisted}` }
        : {}),
    })
    .where(eq(meetings.id, meetingId));
}

/** What deciding how many can leave the wait list needs: capacity and counts (and the title to tell). */
export async function findMeetingPlaces(db: Db, meetingId: string) {
  const [row] = await db
    .select({
      title: meetings.title,
      capacity: meetings.capacity,
      goingCount: meetings.goingCount,
      waitlistCount: meetings.waitlistCount,
    })
    .from(meetings)
    .where(eq(meetings.id, meetingId));
  return row;
}

/** The `limit` people waiting longest for a place at the meeting, first in line first. */
export async function listLongestWaiting(db: Db, meetingId: string, limit: number): Promise<string[]> {
  const rows = await db
    .select({ userId: meetingRsvps.userId })
    .from(meetingRsvps)
    .where(and(eq(meetingRsvps.meetingId, meetingId), eq(meetingRsvps.status, 'waitlisted')))
    .orderBy(asc(meetingRsvps.respondedAt), asc(meetingRsvps.userId))
    .limit(limit);
  return rows.map((row) => row.userId);
}

/** Turns these people's answers into "going", as of now (the counts are the caller's). */
export async function promoteRsvpsToGoing(db: Db, meetingId: string, userIds: string[]): Promise<void> {
  await db
    .update(meetingRsvps)
    .set({ status: 'going', respondedAt: sql`clock_timestamp()` })
    .where(
      and(
        eq(meetingRsvps.meetingId, meetingId),
        sql`${meetingRsvps.userId} in (${sql.join(
          userIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`,
      ),
    );
}

/** How many wait for a place at the meeting up to and including this person (0: not waiting). */
export async function countWaitlistPosition(db: Db, meetingId: string, userId: string): Promise<number> {
  const [row] = await db
    .select({ position: sql<number>`count(*)::int` })
    .from(meetingRsvps)
    .where(
      and(
        eq(meetingRsvps.meetingId, meetingId),
        eq(meetingRsvps.status, 'waitlisted'),
        sql`(${meetingRsvps.respondedAt}, ${meetingRsvps.userId}) <= (
          select r.responded_at, r.user_id from ${meetingRsvps} r
          where r.meeting_id = ${meetingId} and r.user_id = ${userId})`,
      ),
    );
  return row?.position ?? 0;
}

/** Everyone who answered going, maybe or waits for a place at any of these meetings, once each. */
export async function listInterestedPeople(db: Db, meetingIds: string[]): Promise<string[]> {
  if (meetingIds.length === 0) return [];
  const rows = await db
    .selectDistinct({ userId: meetingRsvps.userId })
    .from(meetingRsvps)
    .where(and(inArray(meetingRsvps.meetingId, meetingIds), sql`${meetingRsvps.status} <> 'not_going'`));
  return rows.map((row) => row.userId);
}

/**
 * Deletes a person's answers to a community's upcoming meetings in one statement, which first takes
 * those meetings' row locks in id order (as answers do, one at a time); answers what was deleted.
 */
export async function deleteUpcomingRsvps(db: Db, communityId: string, userId: string) {
  return rowsOf<{ meetingId: string; status: string }>(
    await db.execute(sql`
      with locked as (
        select m.id from ${meetings} m
        join ${meetingRsvps} r on r.meeting_id = m.id and r.user_id = ${userId}
        where m.community_id = ${communityId} and m.starts_at > now()
        order by m.id
        for update of m
      )
      delete from ${meetingRsvps} r using locked
      where r.meeting_id = locked.id and r.user_id = ${userId}
      returning r.meeting_id as "meetingId", r.status`),
  );
}
