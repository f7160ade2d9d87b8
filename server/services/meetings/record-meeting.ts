import type { Db } from '../../db/client.ts';
import { AppError, type ErrorText } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { enforce } from '../../policies/decision.ts';
import { mayTakeAttendance } from '../../policies/meetings.ts';
import { recordActivityOfEach } from '../../queries/activity.ts';
import { insertHostBadgeIfEarned } from '../../queries/badges.ts';
import {
  deleteMeetingActions,
  deleteMeetingAttendance,
  insertMeetingActions,
  insertMeetingAttendance,
  listMeetingAttendeeIds,
  markAttendanceTaken,
  updateMeetingNotes,
} from '../../queries/meeting-records.ts';
import { recordMilestones } from '../../queries/milestones.ts';
import { tellBadgesEarned } from '../badges/badges.ts';
import type { ServiceDeps } from '../context.ts';
import { unitOfWork } from '../unit-of-work.ts';
import {
  loadVisibleMeeting,
  nonMembersAmong,
  refuseIfCancelled,
  refuseUntilStarted,
} from './load-meeting.ts';

/** Loads a meeting for recording (attendance, notes): started, not cancelled, and the actor may. */
async function loadForRecording(tx: Db, actor: Actor, meetingId: string, untilStarted: ErrorText) {
  const found = await loadVisibleMeeting(tx, actor, meetingId, { lock: true });
  const { meeting, community, membership, isHost } = found;
  enforce(mayTakeAttendance(actor, community, membership, meeting, isHost));
  refuseIfCancelled(meeting);
  refuseUntilStarted(meeting, untilStarted);
  return found;
}

/**
 * The host takes attendance: the whole list of who came (people who had not answered included), which
 * replaces the previous list. Everyone on it must be a member of the community (a field error names them).
 */
export async function takeAttendance(
  deps: ServiceDeps,
  actor: Actor,
  meetingId: string,
  userIds: string[],
): Promise<void> {
  await unitOfWork(deps, async (tx, outbox) => {
    const { community, meeting } = await loadForRecording(
      tx,
      actor,
      meetingId,
      'errors.meetings.attendanceAfterStart',
    );
    const unique = [...new Set(userIds)];
    // Someone already on the list who has since left or erased their account stays on it: the list
    // is re-sent whole, and the figures count them.
    const recorded = new Set(await listMeetingAttendeeIds(tx, meetingId));
    const outsiders = await nonMembersAmong(tx, community.id, unique);
    const former = new Set(outsiders.filter((id) => recorded.has(id)));
    const strangers = outsiders.filter((id) => !former.has(id));
    if (strangers.length > 0) {
      throw new AppError(
        'validation_failed',
        'errors.meetings.attendanceMembers',
        Object.fromEntries(
          strangers.map((id) => [`userIds.${userIds.indexOf(id)}`, 'errors.communities.notAMember']),
        ),
      );
    }
    await deleteMeetingAttendance(tx, meetingId);
    await insertMeetingAttendance(tx, meetingId, unique, actor.id);
    await recordActivityOfEach(
      tx,
      unique.filter((id) => !former.has(id)),
      {
        communityId: community.id,
        kind: 'meeting.attended',
        subjectType: 'meeting',
        subjectId: meetingId,
      },
    );
    await markAttendanceTaken(tx, meetingId);
    // The first meeting whose attendance is taken with someone there is the community's first held.
    if (unique.length > 0) {
      await recordMilestones(tx, community.id, [{ kind: 'first_meeting', subjectId: meetingId }]);
      // Whoever scheduled it has hosted one more meeting that took place.
      if (meeting.createdBy) {
        const earned = await insertHostBadgeIfEarned(tx, community.id, meeting.createdBy);
        await tellBadgesEarned(tx, outbox, deps.env.publicUrl, community, earned);
      }
    }
  });
}

/** Notes, a recording link and follow-up actions after the meeting (the list replaces the previous one). */
export async function recordFollowUp(
  deps: ServiceDeps,
  actor: Actor,
  meetingId: string,
  input: {
    notes: string;
    recordingUrl?: string | null | undefined;
    actions: { text: string; assigneeId: string | null; done: boolean }[];
  },
): Promise<void> {
  await deps.database.db.transaction(async (tx) => {
    const { community } = await loadForRecording(tx, actor, meetingId, 'errors.meetings.notesAfterStart');
    const assignees = input.actions.flatMap((action) => (action.assigneeId ? [action.assigneeId] : []));
    const strangers = new Set(await nonMembersAmong(tx, community.id, [...new Set(assignees)]));
    if (strangers.size > 0) {
      throw new AppError(
        'validation_failed',
        'errors.meetings.actionsForMembers',
        Object.fromEntries(
          input.actions.flatMap((action, index) =>
            action.assigneeId && strangers.has(action.assigneeId)
              ? [[`actions.${index}.assigneeId`, 'errors.communities.notAMember']]
              : [],
          ),
        ),
      );
    }
    await updateMeetingNotes(tx, meetingId, { notes: input.notes, recordingUrl: input.recordingUrl });
    await deleteMeetingActions(tx, meetingId);
    await insertMeetingActions(tx, meetingId, input.actions);
  });
}
