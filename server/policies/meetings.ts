import { type Actor, isCoordinator } from '../lib/actor.ts';
import {
  type CommunitySubject,
  canSeeCommunity,
  isActiveLeader,
  isActiveMember,
  isArchived,
  type MembershipSubject,
} from './communities.ts';

/**
 * Who may do what with meetings. Pure functions of the actor, the community (with who may schedule
 * there), the actor's membership, and the meeting; services and routes call nothing else to decide.
 * Meetings are seen by whoever sees their community; archived communities refuse every write, and so
 * does a suspension from the community.
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

export function canSeeMeetings(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
): boolean {
  return canSeeCommunity(actor, community, membership);
}

/** Leaders schedule; so does every full member when the community says members may. */
export function canScheduleMeeting(
  actor: Actor | null,
  community: MeetingCommunitySubject,
  membership: MembershipSubject,
): boolean {
  if (actor === null || isArchived(community)) return false;
  if (leads(actor, membership)) return true;
  return community.meetingSchedulers === 'members' && isFullMember(membership);
}

/** Leaders, coordinators and whoever scheduled the meeting (while still a member) edit and cancel it. */
export function canEditMeeting(
  actor: Actor | null,
  community: MeetingCommunitySubject,
  membership: MembershipSubject,
  meeting: MeetingSubject,
): boolean {
  if (actor === null || isArchived(community)) return false;
  if (leads(actor, membership)) return true;
  return isActiveMember(membership) && meeting.createdBy === actor.id;
}

/** Members of the community (not while suspended from it) answer going / maybe / not going. */
export function canRsvp(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
): boolean {
  return actor !== null && isActiveMember(membership) && !isArchived(community);
}

/** Who said what is for the community's members and coordinators. */
export function canSeeResponses(actor: Actor | null, membership: MembershipSubject): boolean {
  return actor !== null && (membership !== null || isCoordinator(actor));
}

/** Assigning activity roles to others: those who edit the meeting, and its host. */
export function canAssignMeetingRoles(
  actor: Actor | null,
  community: MeetingCommunitySubject,
  membership: MembershipSubject,
  meeting: MeetingSubject,
  isHost: boolean,
): boolean {
  if (actor === null || isArchived(community) || (!isActiveMember(membership) && !isCoordinator(actor))) {
    return false;
  }
  return isHost || canEditMeeting(actor, community, membership, meeting);
}

/** Any full member volunteers for an open role (or steps back from their own). */
export function canVolunteer(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
): boolean {
  return actor !== null && isFullMember(membership) && !isArchived(community);
}

/** The host (and those who edit the meeting) take attendance and write notes and follow-up. */
export function canTakeAttendance(
  actor: Actor | null,
  community: MeetingCommunitySubject,
  membership: MembershipSubject,
  meeting: MeetingSubject,
  isHost: boolean,
): boolean {
  return canAssignMeetingRoles(actor, community, membership, meeting, isHost);
}

/** Leaders define the community's own activity roles. */
export function canManageActivityRoles(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
): boolean {
  return actor !== null && !isArchived(community) && leads(actor, membership);
}
