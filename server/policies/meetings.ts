import type { ErrorText } from '../errors.ts';
import { type Actor, isCoordinator } from '../lib/actor.ts';
import {
  type CommunitySubject,
  communityDecision,
  isActiveLeader,
  isActiveMember,
  isArchived,
  type MembershipSubject,
  seesCommunity,
  writeRefusal,
} from './communities.ts';
import { allowIf, conceal, type Decision, deny, isAllowed } from './decision.ts';

/**
 * Who may do what with meetings. Pure functions of the actor, the community (with who may schedule
 * there), the actor's membership, and the meeting; services and routes call nothing else to decide.
 * Meetings are seen by whoever sees their community; archived communities refuse every write, and so
 * does a suspension from the community: each `may…` decision says which, or gives its own reason.
 */

export interface MeetingCommunitySubject extends CommunitySubject {
  meetingSchedulers: 'leaders' | 'members';
}

export interface MeetingSubject {
  createdBy: string | null;
  status: 'scheduled' | 'cancelled';
  startsAt: Date;
  endsAt: Date;
}

/** Leaders, co-leaders and coordinators run a community's meetings (not while suspended from it). */
function leads(actor: Actor | null, membership: MembershipSubject): boolean {
  return isActiveLeader(membership) || isCoordinator(actor);
}

/** Full members (not guests, not suspended) take part in running things when the leaders allow it. */
function isFullMember(membership: MembershipSubject): boolean {
  return isActiveMember(membership) && membership?.role !== 'guest';
}

/** A meeting is seen by whoever sees its community (404 otherwise). */
export function maySeeMeeting(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
): Decision {
  return allowIf(seesCommunity(actor, community, membership), conceal('errors.notFound.meeting'));
}

/** Leaders schedule; so does every full member when the community says members may. */
export function mayScheduleMeeting(
  actor: Actor | null,
  community: MeetingCommunitySubject,
  membership: MembershipSubject,
): Decision {
  const schedules =
    actor !== null &&
    !isArchived(community) &&
    (leads(actor, membership) || (community.meetingSchedulers === 'members' && isFullMember(membership)));
  return allowIf(schedules, () => writeRefusal(community, 'errors.meetings.onlyLeadersSchedule', membership));
}

/** Leaders, coordinators and whoever scheduled the meeting (while still a member) edit and cancel it. */
function editsMeeting(
  actor: Actor | null,
  community: MeetingCommunitySubject,
  membership: MembershipSubject,
  meeting: MeetingSubject,
): boolean {
  if (actor === null || isArchived(community)) return false;
  return leads(actor, membership) || (isActiveMember(membership) && meeting.createdBy === actor.id);
}

/** Refused as a write in the community: archived, suspended from it, else `reason`. */
function refusedWrite(reason: ErrorText) {
  return (community: CommunitySubject, membership: MembershipSubject) =>
    writeRefusal(community, reason, membership);
}

/** Changing a meeting's details: see `editsMeeting`. */
export const mayChangeMeeting = communityDecision(
  editsMeeting,
  refusedWrite('errors.meetings.onlyOrganisersChange'),
);

/** Cancelling a meeting: see `editsMeeting`. */
export const mayCancelMeeting = communityDecision(
  editsMeeting,
  refusedWrite('errors.meetings.onlyOrganisersCancel'),
);

/** Members of the community (not while suspended from it) answer going / maybe / not going. */
export function mayRsvp(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
): Decision {
  const answers = actor !== null && isActiveMember(membership) && !isArchived(community);
  return allowIf(answers, () => writeRefusal(community, 'errors.meetings.joinToAnswer', membership));
}

/** Who said what (answers, attendance) is for the community's members and coordinators. */
export function seesResponses(actor: Actor | null, membership: MembershipSubject): boolean {
  return actor !== null && (membership !== null || isCoordinator(actor));
}

/** The list of answers to a meeting: see `seesResponses`. */
export function maySeeResponses(actor: Actor | null, membership: MembershipSubject): Decision {
  return allowIf(seesResponses(actor, membership), deny('errors.meetings.onlyMembersSeeAnswers'));
}

/** The suggested rotation of activity roles: see `seesResponses`. */
export function maySeeRoleSuggestions(actor: Actor | null, membership: MembershipSubject): Decision {
  return allowIf(seesResponses(actor, membership), deny('errors.meetings.onlyMembersSeeSuggestions'));
}

/** Those who edit the meeting, and its host (while a member, or a coordinator), run it on the day. */
function runsMeeting(
  actor: Actor | null,
  community: MeetingCommunitySubject,
  membership: MembershipSubject,
  meeting: MeetingSubject,
  isHost: boolean,
): boolean {
  if (actor === null || isArchived(community) || (!isActiveMember(membership) && !isCoordinator(actor))) {
    return false;
  }
  return isHost || editsMeeting(actor, community, membership, meeting);
}

/** Assigning activity roles to others: those who edit the meeting, and its host (see `runsMeeting`). */
export const mayAssignMeetingRoles = communityDecision(
  runsMeeting,
  refusedWrite('errors.meetings.onlyLeadersGiveRoles'),
);

/** Any full member volunteers for an open role (or steps back from their own). */
export function mayVolunteer(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
): Decision {
  const volunteers = actor !== null && isFullMember(membership) && !isArchived(community);
  return allowIf(volunteers, () => writeRefusal(community, 'errors.meetings.joinToTakeRole', membership));
}

/**
 * One change to who holds an activity role at a meeting: `userId` is who gets it (null: nobody),
 * `holder` who holds it now (null when nobody does).
 */
export interface RoleChange {
  userId: string | null;
  holder: { userId: string | null } | null;
}

/** Taking an open role, or the one already held: volunteering (the assignment records it). */
export function isVolunteering(actor: Actor | null, change: RoleChange): boolean {
  return (
    actor !== null &&
    change.userId === actor.id &&
    (change.holder === null || change.holder.userId === actor.id)
  );
}

/**
 * Volunteering and stepping back from one's own role are for full members; any other change is
 * assigning. Those who assign may also volunteer.
 */
export function mayChangeRoleHolder(
  actor: Actor | null,
  community: MeetingCommunitySubject,
  membership: MembershipSubject,
  meeting: MeetingSubject,
  isHost: boolean,
  change: RoleChange,
): Decision {
  const assigns = isAllowed(mayAssignMeetingRoles(actor, community, membership, meeting, isHost));
  const { holder } = change;
  const steppingBack = actor !== null && change.userId === null && holder?.userId === actor.id;
  if (isVolunteering(actor, change) || steppingBack) {
    return allowIf(assigns || isAllowed(mayVolunteer(actor, community, membership)), () =>
      writeRefusal(community, 'errors.meetings.joinToTakeRole', membership),
    );
  }
  return allowIf(assigns, () =>
    writeRefusal(
      community,
      holder ? 'errors.meetings.roleTaken' : 'errors.meetings.onlyLeadersGiveRoles',
      membership,
    ),
  );
}

/** The host (and those who edit the meeting) take attendance, write notes and follow-up: see `runsMeeting`. */
export const mayTakeAttendance = communityDecision(
  runsMeeting,
  refusedWrite('errors.meetings.onlyHostRecords'),
);

/** Leaders define the community's own activity roles. */
export function mayManageActivityRoles(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
): Decision {
  const manages = actor !== null && !isArchived(community) && leads(actor, membership);
  return allowIf(manages, () => writeRefusal(community, 'errors.communities.onlyManagers', membership));
}
