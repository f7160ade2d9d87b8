import type { ScheduleMeetingInput } from '../../../common/contracts/meetings.ts';
import { fieldError } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { expandRecurrence } from '../../lib/recurrence.ts';
import { enforce } from '../../policies/decision.ts';
import { mayScheduleMeeting } from '../../policies/meetings.ts';
import { updateCommunityActivity } from '../../queries/communities.ts';
import { insertMeetingSeries } from '../../queries/meeting-series.ts';
import { insertMeetings, type NewMeeting } from '../../queries/meetings.ts';
import { loadVisibleCommunity } from '../communities/load-community.ts';
import type { ServiceDeps } from '../context.ts';
import { addWallClockMinutes, meetingTimes, wallClockMinutes } from './meeting-times.ts';
import { tagNewSessions } from './skill-sessions.ts';

/**
 * Schedules a meeting, workshop or conference for a community: one occurrence, or a series from a
 * bounded RRULE (every occurrence written now, each keeping the wall-clock time and length in the
 * meeting's zone). Returns the first occurrence's id and how many were scheduled.
 */
export async function scheduleMeeting(
  deps: ServiceDeps,
  actor: Actor,
  slug: string,
  input: ScheduleMeetingInput,
): Promise<{ id: string; occurrences: number }> {
  const { db } = deps.database;
  return db.transaction(async (tx) => {
    const { community, membership } = await loadVisibleCommunity(tx, actor, slug);
    enforce(mayScheduleMeeting(actor, community, membership));
    const first = meetingTimes(input.startsAt, input.endsAt, input.timeZone);
    const common = {
      communityId: community.id,
      kind: input.kind,
      title: input.title,
      description: input.description,
      agenda: input.agenda,
      timeZone: input.timeZone,
      onlineUrl: input.onlineUrl ?? null,
      room: input.room ?? null,
      capacity: input.capacity ?? null,
      createdBy: actor.id,
    };
    let rows: NewMeeting[];
    if (input.rrule) {
      const series = expandRecurrence(input.rrule, input.startsAt, input.timeZone, input.exceptions);
      const seriesId = await insertMeetingSeries(tx, {
        communityId: community.id,
        rrule: series.rrule,
        firstStart: series.starts[0] ?? input.startsAt,
        timeZone: input.timeZone,
        exceptions: [...new Set(input.exceptions)].sort(),
      });
      const minutes = wallClockMinutes(input.startsAt, input.endsAt);
      rows = series.starts.map((start) => {
        const times = meetingTimes(start, addWallClockMinutes(start, minutes), input.timeZone);
        return { ...common, ...times, seriesId, originalStart: times.startsAt };
      });
    } else {
      if (input.exceptions.length > 0) {
        throw fieldError('exceptions', 'errors.meetings.exceptionsNeedRepeat');
      }
      rows = [{ ...common, ...first }];
    }
    const inserted = await insertMeetings(tx, rows);
    await tagNewSessions(
      tx,
      inserted.map((row) => row.id),
      input,
    );
    inserted.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    await updateCommunityActivity(tx, community.id);
    return { id: inserted[0]?.id ?? '', occurrences: inserted.length };
  });
}
