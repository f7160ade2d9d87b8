import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { meetingRsvps, meetings } from '../../db/schema/index.ts';
import { rowsOf } from '../../queries/raw-rows.ts';
import type { Outbox } from '../unit-of-work.ts';
import { promoteFromWaitlist } from './answer-rsvp.ts';

/**
 * Someone who leaves (or is removed from) a community no longer comes to its upcoming meetings: their
 * answers there are withdrawn, the counts follow, and places they held go to the wait list. Takes the
 * meetings' row locks in id order (as RSVPs do, one at a time) inside the caller's unit of work, whose
 * outbox takes the emails to the people promoted.
 */
export async function withdrawUpcomingAnswers(
  db: Db,
  outbox: Outbox,
  publicUrl: string,
  communityId: string,
  userId: string,
): Promise<void> {
  const withdrawn = rowsOf<{ meetingId: string; status: string }>(
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
  for (const { meetingId, status } of withdrawn) {
    if (status !== 'going' && status !== 'waitlisted') continue;
    await db
      .update(meetings)
      .set(
        status === 'going'
          ? { goingCount: sql`${meetings.goingCount} - 1` }
          : { waitlistCount: sql`${meetings.waitlistCount} - 1` },
      )
      .where(eq(meetings.id, meetingId));
    if (status === 'going') await promoteFromWaitlist(db, outbox, publicUrl, meetingId);
  }
}
