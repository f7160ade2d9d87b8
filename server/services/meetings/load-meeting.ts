import type { Db } from '../../db/client.ts';
import { AppError, type ErrorText, notFound } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { enforce } from '../../policies/decision.ts';
import { maySeeMeeting } from '../../policies/meetings.ts';
import { listMemberIdsAmong } from '../../queries/meeting-people.ts';
import { listInterestedPeople } from '../../queries/meeting-rsvps.ts';
import { findMeetingForActor, lockMeeting, type MeetingForActor } from '../../queries/meetings.ts';

/**
 * Loads a meeting the actor may see (404 otherwise, as for its community). Inside a transaction,
 * `lock` takes the meeting row's lock first: RSVPs, attendance and edits of one meeting are applied
 * one after the other, which is what keeps a full meeting from taking one person too many.
 */
export async function loadVisibleMeeting(
  db: Db,
  actor: Actor | null,
  id: string,
  options: { lock?: boolean } = {},
): Promise<MeetingForActor> {
  if (options.lock) await lockMeeting(db, id);
  const found = await findMeetingForActor(db, id, actor?.id ?? null);
  if (!found) throw notFound('errors.notFound.meeting');
  enforce(maySeeMeeting(actor, found.community, found.membership));
  return found;
}

/** Refuses changes to a cancelled meeting (it stays visible, as cancelled). */
export function refuseIfCancelled(
  meeting: { status: string },
  message: ErrorText = 'errors.meetings.cancelled',
): void {
  if (meeting.status === 'cancelled') throw new AppError('conflict', message);
}

/** Refuses what may only happen once a meeting has started (attendance, notes). */
export function refuseUntilStarted(meeting: { startsAt: Date }, refusal: ErrorText): void {
  if (meeting.startsAt.getTime() > Date.now()) {
    throw new AppError('conflict', refusal);
  }
}

/** Of `userIds`, the ones who are not members of the community. */
export async function nonMembersAmong(db: Db, communityId: string, userIds: string[]): Promise<string[]> {
  if (userIds.length === 0) return [];
  const members = new Set(await listMemberIdsAmong(db, communityId, userIds));
  return userIds.filter((id) => !members.has(id));
}

/** The people to tell about a change: everyone who answered going, maybe or waits for a place. */
export async function interestedPeople(db: Db, meetingIds: string[]): Promise<string[]> {
  return listInterestedPeople(db, meetingIds);
}
