import type { UpdateMeetingInput } from '../../../common/contracts/meetings.ts';
import type { Db } from '../../db/client.ts';
import type { meetings } from '../../db/schema/index.ts';
import { AppError, fieldError } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { instantToLocal, withUntil } from '../../lib/recurrence.ts';
import { enforce } from '../../policies/decision.ts';
import { mayChangeMeeting } from '../../policies/meetings.ts';
import {
  countOccurrencesBefore,
  findMeetingSeriesById,
  insertMeetingSeries,
  listOccurrencesFrom,
  updateMeetingSeries,
  updateOccurrences,
} from '../../queries/meeting-series.ts';
import { updateMeetingById } from '../../queries/meetings.ts';
import type { ServiceDeps } from '../context.ts';
import { notifyEach, phrase } from '../notifications/notify.ts';
import { unitOfWork } from '../unit-of-work.ts';
import { promoteFromWaitlist } from './answer-rsvp.ts';
import { interestedPeople, loadVisibleMeeting, refuseIfCancelled } from './load-meeting.ts';
import { addWallClockMinutes, meetingTimes, wallClockMinutes } from './meeting-times.ts';

type Fields = Partial<
  Pick<
    typeof meetings.$inferInsert,
    'kind' | 'title' | 'description' | 'agenda' | 'onlineUrl' | 'room' | 'capacity'
  >
>;

function changedFields(input: UpdateMeetingInput): Fields {
  const fields: Fields = {};
  if (input.kind !== undefined) fields.kind = input.kind;
  if (input.title !== undefined) fields.title = input.title;
  if (input.description !== undefined) fields.description = input.description;
  if (input.agenda !== undefined) fields.agenda = input.agenda;
  if (input.onlineUrl !== undefined) fields.onlineUrl = input.onlineUrl;
  if (input.room !== undefined) fields.room = input.room;
  if (input.capacity !== undefined) fields.capacity = input.capacity;
  return fields;
}

/**
 * Edits a meeting. For an occurrence of a series, `scope` says whether the change is for this meeting
 * only (it becomes an exception of the series) or for this and the following ones: then the series is
 * split here (the earlier part ends before this meeting, calendars get a new series from it) and the
 * following meetings take the new details and time of day, each on its own day. Those who answered
 * going, maybe or wait for a place are told; a larger capacity gives places to the wait list.
 */
export async function updateMeeting(
  deps: ServiceDeps,
  actor: Actor,
  meetingId: string,
  input: UpdateMeetingInput,
): Promise<void> {
  await unitOfWork(deps, async (tx, outbox) => {
    const { meeting, community, membership } = await loadVisibleMeeting(tx, actor, meetingId, { lock: true });
    enforce(mayChangeMeeting(actor, community, membership, meeting));
    refuseIfCancelled(meeting);
    if (meeting.endsAt.getTime() <= Date.now()) {
      throw new AppError('conflict', 'errors.meetings.over');
    }
    const zone = input.timeZone ?? meeting.timeZone;
    const oldStart = instantToLocal(meeting.startsAt, meeting.timeZone);
    const startLocal = input.startsAt ?? oldStart;
    const endLocal = input.endsAt ?? instantToLocal(meeting.endsAt, meeting.timeZone);
    const times = meetingTimes(startLocal, endLocal, zone);
    const fields = changedFields(input);
    let affected: string[];
    if (meeting.seriesId === null || input.scope === 'this') {
      await updateMeetingById(tx, meeting.id, {
        ...fields,
        ...times,
        timeZone: zone,
        detached: meeting.seriesId !== null,
      });
      affected = [meeting.id];
    } else {
      if (startLocal.slice(0, 10) !== oldStart.slice(0, 10)) {
        throw fieldError('startsAt', 'errors.meetings.seriesKeepsDays');
      }
      affected = await updateFollowing(tx, meeting, fields, {
        zone,
        timeOfDay: startLocal.slice(11),
        minutes: wallClockMinutes(startLocal, endLocal),
      });
    }
    if (fields.capacity !== undefined) {
      for (const id of affected) await promoteFromWaitlist(tx, outbox, deps.env.publicUrl, id);
    }
    const people = await interestedPeople(tx, affected);
    const title = fields.title ?? meeting.title;
    await notifyEach(
      tx,
      outbox,
      deps.env.publicUrl,
      people,
      {
        kind: 'meeting.update',
        title: phrase(
          affected.length > 1 ? 'notify.meeting.changedSeries.title' : 'notify.meeting.changed.title',
          { meeting: title },
        ),
        body: phrase('notify.meeting.changed.body', { community: community.name }),
        url: `/meetings/${meeting.id}`,
        communityId: community.id,
      },
      { except: actor.id },
    );
  });
}

/**
 * "This and following": splits the series at this meeting when earlier ones exist, then gives every
 * following meeting the new details and time of day (on its own date) in one statement.
 */
async function updateFollowing(
  tx: Db,
  meeting: typeof meetings.$inferSelect,
  fields: Fields,
  change: { zone: string; timeOfDay: string; minutes: number },
): Promise<string[]> {
  const seriesId = meeting.seriesId ?? '';
  const from = meeting.originalStart ?? meeting.startsAt;
  const following = await listOccurrencesFrom(tx, seriesId, from);
  const moved = following.map((row) => {
    const start = `${instantToLocal(row.startsAt, row.timeZone).slice(0, 10)}T${change.timeOfDay}`;
    return {
      id: row.id,
      start,
      ...meetingTimes(start, addWallClockMinutes(start, change.minutes), change.zone),
    };
  });
  const firstMoved = moved[0];
  const lastMoved = moved.at(-1);
  if (!firstMoved || !lastMoved) return [];
  const series = await findMeetingSeriesById(tx, seriesId);
  if (!series) return [];
  const earlier = await countOccurrencesBefore(tx, seriesId, from);
  const next = {
    rrule: withUntil(series.rrule, lastMoved.startsAt),
    firstStart: firstMoved.start,
    timeZone: change.zone,
    exceptions: series.exceptions.filter((day) => day >= firstMoved.start.slice(0, 10)),
  };
  let targetSeries = seriesId;
  if (earlier > 0) {
    await updateMeetingSeries(tx, seriesId, {
      rrule: withUntil(series.rrule, new Date(from.getTime() - 1000)),
    });
    targetSeries = (await insertMeetingSeries(tx, { communityId: series.communityId, ...next })) ?? seriesId;
  } else {
    await updateMeetingSeries(tx, seriesId, next);
  }
  await updateOccurrences(tx, moved, { details: fields, seriesId: targetSeries, timeZone: change.zone });
  return moved.map((row) => row.id);
}
