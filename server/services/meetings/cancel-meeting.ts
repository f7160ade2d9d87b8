import type { SeriesScope } from '../../../common/enums.ts';
import { AppError } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { excerpt } from '../../lib/excerpt.ts';
import { enforce } from '../../policies/decision.ts';
import { mayCancelMeeting } from '../../policies/meetings.ts';
import { cancelMeetings } from '../../queries/meetings.ts';
import type { ServiceDeps } from '../context.ts';
import { notifyEach, phrase } from '../notifications/notify.ts';
import { unitOfWork } from '../unit-of-work.ts';
import { interestedPeople, loadVisibleMeeting, refuseIfCancelled } from './load-meeting.ts';

/**
 * Cancels a meeting (or this and the following ones of its series) with a reason. Cancelled meetings
 * stay visible, marked cancelled, and calendar feeds say so; those who answered are told.
 */
export async function cancelMeeting(
  deps: ServiceDeps,
  actor: Actor,
  meetingId: string,
  input: { scope: SeriesScope; reason: string },
): Promise<void> {
  await unitOfWork(deps, async (tx, outbox) => {
    const { meeting, community, membership } = await loadVisibleMeeting(tx, actor, meetingId, { lock: true });
    enforce(mayCancelMeeting(actor, community, membership, meeting));
    refuseIfCancelled(meeting, 'errors.meetings.alreadyCancelled');
    if (meeting.startsAt.getTime() <= Date.now()) {
      throw new AppError('conflict', 'errors.meetings.startedNoCancel');
    }
    const which =
      meeting.seriesId !== null && input.scope === 'following'
        ? { seriesId: meeting.seriesId, from: meeting.originalStart ?? meeting.startsAt }
        : { id: meeting.id };
    const cancelled = await cancelMeetings(tx, which, input.reason);
    const people = await interestedPeople(
      tx,
      cancelled.map((row) => row.id),
    );
    return notifyEach(
      tx,
      outbox,
      deps.env.publicUrl,
      people,
      {
        kind: 'meeting.update',
        title:
          cancelled.length > 1
            ? phrase('notify.meeting.cancelledSeries.title', {
                meeting: meeting.title,
                count: cancelled.length - 1,
              })
            : phrase('notify.meeting.cancelled.title', { meeting: meeting.title }),
        body: input.reason
          ? excerpt(input.reason)
          : phrase('notify.meeting.cancelled.body', { community: community.name }),
        url: `/meetings/${meeting.id}`,
        communityId: community.id,
      },
      { except: actor.id },
    );
  });
}
