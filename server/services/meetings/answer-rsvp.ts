import type { RsvpAnswer, RsvpStatus } from '../../../common/enums.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { enforce } from '../../policies/decision.ts';
import { mayRsvp } from '../../policies/meetings.ts';
import { recordActivity } from '../../queries/activity.ts';
import {
  addToMeetingCounts,
  countWaitlistPosition,
  findMeetingPlaces,
  listLongestWaiting,
  promoteRsvpsToGoing,
  upsertMeetingRsvp,
} from '../../queries/meeting-rsvps.ts';
import type { ServiceDeps } from '../context.ts';
import { notifyUser, phrase } from '../notifications/notify.ts';
import { type Outbox, unitOfWork } from '../unit-of-work.ts';
import { loadVisibleMeeting, refuseIfCancelled } from './load-meeting.ts';

/**
 * A member answers going, maybe or not going. Under the meeting row's lock: "going" to a full meeting
 * puts them on the wait list (keeping their place if they were already waiting); leaving a place (or a
 * larger capacity) promotes the longest-waiting people, who are told. Fifty people pressing "going" at
 * once for ten seats are taken one at a time, so exactly ten go.
 */
export async function answerRsvp(
  deps: ServiceDeps,
  actor: Actor,
  meetingId: string,
  answer: RsvpAnswer,
): Promise<{ status: RsvpStatus; waitlistPosition: number | null }> {
  return unitOfWork(deps, async (tx, outbox) => {
    const found = await loadVisibleMeeting(tx, actor, meetingId, { lock: true });
    const { meeting, community, membership } = found;
    enforce(mayRsvp(actor, community, membership));
    refuseIfCancelled(meeting, 'errors.meetings.cancelledNothingToAnswer');
    if (meeting.startsAt.getTime() <= Date.now()) {
      throw new AppError('conflict', 'errors.meetings.answersClosed');
    }
    const previous = found.myRsvp ?? null;
    let status: RsvpStatus = answer;
    if (answer === 'going' && previous !== 'going') {
      const full = meeting.capacity !== null && meeting.goingCount >= meeting.capacity;
      status = full ? 'waitlisted' : 'going';
    }
    if (status !== previous) {
      await upsertMeetingRsvp(tx, meetingId, actor.id, status);
      const delta = (s: RsvpStatus) => (status === s ? 1 : 0) - (previous === s ? 1 : 0);
      await addToMeetingCounts(tx, meetingId, { going: delta('going'), waitlisted: delta('waitlisted') });
      await recordActivity(tx, {
        communityId: community.id,
        actorId: actor.id,
        kind: 'meeting.answered',
        subjectType: 'meeting',
        subjectId: meetingId,
      });
    }
    await promoteFromWaitlist(tx, outbox, deps.env.publicUrl, meetingId);
    const waitlistPosition =
      status === 'waitlisted' ? await waitlistPositionOf(tx, meetingId, actor.id) : null;
    return { status, waitlistPosition };
  });
}

/**
 * Gives free places to the people waiting longest and tells them; call under the meeting's lock after
 * anything that may free places (an answer, a larger capacity), in the caller's unit of work.
 */
export async function promoteFromWaitlist(
  db: Db,
  outbox: Outbox,
  publicUrl: string,
  meetingId: string,
): Promise<void> {
  const meeting = await findMeetingPlaces(db, meetingId);
  if (!meeting || meeting.waitlistCount === 0) return;
  const free = meeting.capacity === null ? meeting.waitlistCount : meeting.capacity - meeting.goingCount;
  if (free <= 0) return;
  const promoted = await listLongestWaiting(db, meetingId, free);
  if (promoted.length === 0) return;
  await promoteRsvpsToGoing(db, meetingId, promoted);
  await addToMeetingCounts(db, meetingId, { going: promoted.length, waitlisted: -promoted.length });
  for (const userId of promoted) {
    await notifyUser(db, outbox, publicUrl, {
      userId,
      kind: 'meeting.update',
      title: phrase('notify.meeting.promoted.title', { meeting: meeting.title }),
      body: phrase('notify.meeting.promoted.body'),
      url: `/meetings/${meetingId}`,
    });
  }
}

/** Where someone stands on a meeting's wait list (1 = next). */
async function waitlistPositionOf(db: Db, meetingId: string, userId: string): Promise<number | null> {
  const position = await countWaitlistPosition(db, meetingId, userId);
  return position > 0 ? position : null;
}
