import { and, asc, eq, sql } from 'drizzle-orm';
import type { RsvpAnswer, RsvpStatus } from '../../../common/enums.ts';
import type { Db } from '../../db/client.ts';
import { meetingRsvps, meetings } from '../../db/schema/index.ts';
import { AppError } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { enforce } from '../../policies/decision.ts';
import { mayRsvp } from '../../policies/meetings.ts';
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
      await tx
        .insert(meetingRsvps)
        // clock_timestamp(), not now(): the time is taken under the meeting's lock, so the wait list
        // is in the order answers were applied, not the order their transactions began.
        .values({ meetingId, userId: actor.id, status, respondedAt: sql`clock_timestamp()` })
        .onConflictDoUpdate({
          target: [meetingRsvps.meetingId, meetingRsvps.userId],
          set: { status, respondedAt: sql`clock_timestamp()` },
        });
      const delta = (s: RsvpStatus) => (status === s ? 1 : 0) - (previous === s ? 1 : 0);
      await tx
        .update(meetings)
        .set({
          goingCount: sql`${meetings.goingCount} + ${delta('going')}`,
          waitlistCount: sql`${meetings.waitlistCount} + ${delta('waitlisted')}`,
        })
        .where(eq(meetings.id, meetingId));
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
  const [meeting] = await db
    .select({
      title: meetings.title,
      capacity: meetings.capacity,
      goingCount: meetings.goingCount,
      waitlistCount: meetings.waitlistCount,
    })
    .from(meetings)
    .where(eq(meetings.id, meetingId));
  if (!meeting || meeting.waitlistCount === 0) return;
  const free = meeting.capacity === null ? meeting.waitlistCount : meeting.capacity - meeting.goingCount;
  if (free <= 0) return;
  const next = await db
    .select({ userId: meetingRsvps.userId })
    .from(meetingRsvps)
    .where(and(eq(meetingRsvps.meetingId, meetingId), eq(meetingRsvps.status, 'waitlisted')))
    .orderBy(asc(meetingRsvps.respondedAt), asc(meetingRsvps.userId))
    .limit(free);
  if (next.length === 0) return;
  const promoted = next.map((row) => row.userId);
  await db
    .update(meetingRsvps)
    .set({ status: 'going', respondedAt: sql`clock_timestamp()` })
    .where(
      and(
        eq(meetingRsvps.meetingId, meetingId),
        sql`${meetingRsvps.userId} in (${sql.join(
          promoted.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`,
      ),
    );
  await db
    .update(meetings)
    .set({
      goingCount: sql`${meetings.goingCount} + ${promoted.length}`,
      waitlistCount: sql`${meetings.waitlistCount} - ${promoted.length}`,
    })
    .where(eq(meetings.id, meetingId));
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
  return row && row.position > 0 ? row.position : null;
}
