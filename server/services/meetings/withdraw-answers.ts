import type { Db } from '../../db/client.ts';
import { addToMeetingCounts, deleteUpcomingRsvps } from '../../queries/meeting-rsvps.ts';
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
  const withdrawn = await deleteUpcomingRsvps(db, communityId, userId);
  for (const { meetingId, status } of withdrawn) {
    if (status !== 'going' && status !== 'waitlisted') continue;
    await addToMeetingCounts(db, meetingId, status === 'going' ? { going: -1 } : { waitlisted: -1 });
    if (status === 'going') await promoteFromWaitlist(db, outbox, publicUrl, meetingId);
  }
}
