import type { RsvpStatus } from '../../common/enums.ts';
import { renderMarkdown } from '../../common/markdown.ts';
import type { Actor } from '../lib/actor.ts';
import { summariseRecurrence } from '../lib/recurrence.ts';
import { isAllowed } from '../policies/decision.ts';
import { mayStartThread } from '../policies/discussions.ts';
import { mayGiveKudos } from '../policies/kudos.ts';
import {
  mayAssignMeetingRoles,
  mayCancelMeeting,
  mayChangeMeeting,
  mayRsvp,
  maySeeResponses,
  mayTakeAttendance,
  mayVolunteer,
  seesResponses,
} from '../policies/meetings.ts';
import type {
  AttendeeJson,
  MeetingCardRow,
  MeetingExtras,
  MeetingForActor,
  PersonJson,
} from '../queries/meetings.ts';

/** A person built as JSON in SQL, with the photo address the app loads. */
export function presentPersonRef(person: PersonJson) {
  const version = new Date(person.updatedAt).getTime();
  return {
    id: person.id,
    displayName: person.displayName,
    photoUrl: person.photoPath ? `/api/people/${person.id}/photo?v=${version}` : null,
  };
}

/** Someone who came; without a name (and photo) once their account is erased: "A former member". */
export function presentAttendee(person: AttendeeJson) {
  if (person.displayName === null) return { id: person.id, displayName: null, photoUrl: null };
  return presentPersonRef({ ...person, displayName: person.displayName });
}

/** A meeting in a list (calendar, a community's meetings). */
export function presentMeetingCard(row: MeetingCardRow) {
  return {
    id: row.id,
    community: { id: row.communityId, slug: row.communitySlug, name: row.communityName },
    kind: row.kind,
    title: row.title,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    timeZone: row.timeZone,
    onlineUrl: row.onlineUrl,
    room: row.room,
    capacity: row.capacity,
    status: row.status,
    recurring: row.seriesId !== null,
    goingCount: row.goingCount,
    waitlistCount: row.waitlistCount,
    myRsvp: (row.myRsvp ?? null) as RsvpStatus | null,
    attended: row.attendanceTakenAt ? row.attended : null,
  };
}

/** A meeting's page: details, series, answers, roles, attendance, follow-up and what the actor may do. */
export function presentMeeting(found: MeetingForActor, extras: MeetingExtras, actor: Actor | null) {
  const { meeting, community, membership } = found;
  const started = meeting.startsAt.getTime() <= Date.now();
  const open = meeting.status === 'scheduled';
  const subject = { ...community };
  const mayAssign = isAllowed(mayAssignMeetingRoles(actor, subject, membership, meeting, found.isHost));
  const series = extras.series;
  return {
    id: meeting.id,
    community: {
      id: community.id,
      slug: community.slug,
      name: community.name,
      visibility: community.visibility,
    },
    kind: meeting.kind,
    title: meeting.title,
    description: meeting.description,
    descriptionHtml: renderMarkdown(meeting.description),
    agenda: meeting.agenda,
    agendaHtml: renderMarkdown(meeting.agenda),
    startsAt: meeting.startsAt.toISOString(),
    endsAt: meeting.endsAt.toISOString(),
    timeZone: meeting.timeZone,
    onlineUrl: meeting.onlineUrl,
    room: meeting.room,
    capacity: meeting.capacity,
    status: meeting.status,
    cancelReason: meeting.cancelReason,
    recurring: meeting.seriesId !== null,
    series: series
      ? {
          id: series.id,
          rrule: series.rrule,
          summary: summariseRecurrence(series.rrule, series.firstStart),
          exceptions: series.exceptions,
          position: Number(series.position),
          count: Number(series.count),
        }
      : null,
    goingCount: meeting.goingCount,
    maybeCount: extras.maybeCount,
    waitlistCount: meeting.waitlistCount,
    myRsvp: (found.myRsvp ?? null) as RsvpStatus | null,
    waitlistPosition: extras.waitlistPosition ?? null,
    attended: meeting.attendanceTakenAt ? extras.attended : null,
    roles: extras.roles.map((entry) => ({
      role: entry.role,
      volunteered: entry.volunteered,
      person: presentPersonRef(entry.person),
    })),
    notes: meeting.notes,
    notesHtml: renderMarkdown(meeting.notes),
    recordingUrl: meeting.recordingUrl,
    attendanceTakenAt: meeting.attendanceTakenAt?.toISOString() ?? null,
    attendance: seesResponses(actor, membership) ? extras.attendance.map(presentAttendee) : [],
    actions: extras.actions.map((action) => ({
      id: action.id,
      text: action.text,
      done: action.done,
      assignee: action.assignee ? presentPersonRef(action.assignee) : null,
    })),
    organiser: extras.organiser ? presentPersonRef(extras.organiser) : null,
    discussionId: extras.discussionId ?? null,
    createdAt: meeting.createdAt.toISOString(),
    updatedAt: meeting.updatedAt.toISOString(),
    suspendedFromCommunity: membership?.suspended === true,
    abilities: {
      edit: open && isAllowed(mayChangeMeeting(actor, subject, membership, meeting)),
      cancel: open && !started && isAllowed(mayCancelMeeting(actor, subject, membership, meeting)),
      rsvp: open && !started && isAllowed(mayRsvp(actor, community, membership)),
      assignRoles: open && mayAssign,
      volunteer: open && isAllowed(mayVolunteer(actor, community, membership)),
      takeAttendance:
        open && started && isAllowed(mayTakeAttendance(actor, subject, membership, meeting, found.isHost)),
      seeResponses: isAllowed(maySeeResponses(actor, membership)),
      giveKudos:
        started &&
        meeting.status !== 'cancelled' &&
        meeting.createdBy !== null &&
        isAllowed(mayGiveKudos(actor, community, membership, meeting.createdBy)),
      startDiscussion:
        extras.discussionId === null && isAllowed(mayStartThread(actor, community, membership, 'discussion')),
    },
  };
}
