import type { CommunityStage, JoinPolicy, MembershipRole, Visibility } from '../../common/enums.ts';
import { type Actor, isCoordinator } from '../lib/actor.ts';
import { allowIf, type Decision, deny } from './decision.ts';

/**
 * Who may do what with communities and the coordinators' inbox. Pure functions of the
 * actor, the community and the actor's membership in it; services and routes call nothing else to
 * decide. Reading rules answer "may this actor know the community exists" (otherwise 404).
 */

export interface CommunitySubject {
  visibility: Visibility;
  stage: CommunityStage;
  joinPolicy: JoinPolicy;
}

/**
 * The actor's place in one community, or null when they do not belong. `suspended` is true while a
 * leader's or coordinator's suspension from the community is in force.
 */
export type MembershipSubject = { role: MembershipRole; suspended?: boolean } | null;

/**
 * A member who is not suspended: may contribute (post, reply, react, report, add to the Toolkit).
 * Suspended members still read what members read.
 */
export function isActiveMember(membership: MembershipSubject): boolean {
  return membership !== null && membership.suspended !== true;
}

/** A leader or co-leader of the community who is not suspended from it. */
export function isActiveLeader(membership: MembershipSubject): boolean {
  return isActiveMember(membership) && isLeaderRole(membership?.role);
}

const leaderRoles: ReadonlySet<MembershipRole> = new Set(['leader', 'co_leader']);

export function isLeaderRole(role: MembershipRole | undefined): boolean {
  return role !== undefined && leaderRoles.has(role);
}

export function isArchived(community: CommunitySubject): boolean {
  return community.stage === 'archived';
}

/**
 * Public communities are seen by anyone; institution-only by everyone signed in except external
 * guests; private only by their members. Coordinators see every community.
 */
export function canSeeCommunity(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
): boolean {
  if (membership || isCoordinator(actor)) return true;
  if (community.visibility === 'public') return true;
  if (community.visibility === 'institution') return actor !== null && actor.kind !== 'external';
  return false;
}

/** The member list (beyond the leaders shown on the home page) is for signed-in people who can see it. */
export function canSeeMembers(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
): boolean {
  return actor !== null && canSeeCommunity(actor, community, membership);
}

/** Joining in one click: an open community the actor can see and does not yet belong to. */
export function canJoinCommunity(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
): boolean {
  return (
    actor !== null &&
    membership === null &&
    !isArchived(community) &&
    community.joinPolicy === 'open' &&
    canSeeCommunity(actor, community, membership)
  );
}

/** Asking to join a moderated community the actor can see. */
export function canRequestToJoin(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
): boolean {
  return (
    actor !== null &&
    membership === null &&
    !isArchived(community) &&
    community.joinPolicy === 'request' &&
    canSeeCommunity(actor, community, membership)
  );
}

/** Members leave at any time (the service keeps the last leader from leaving). */
export function canLeaveCommunity(community: CommunitySubject, membership: MembershipSubject): boolean {
  return membership !== null && !isArchived(community);
}

/**
 * Leading a community: editing it, its charter and stage, members, roles, requests and invitations.
 * Leaders and co-leaders of the community (not while suspended from it), and coordinators. Archived communities refuse every write
 * (see `canRestoreCommunity` for the one way back).
 */
export function canManageCommunity(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
): boolean {
  if (actor === null || isArchived(community)) return false;
  return isActiveLeader(membership) || isCoordinator(actor);
}

/** Coordinators may bring an archived community back (a stage change out of "archived"). */
export function canRestoreCommunity(actor: Actor | null, community: CommunitySubject): boolean {
  return isArchived(community) && isCoordinator(actor);
}

/** The coordinators' inbox of contact requests. */
export function mayHandleContactRequests(actor: Actor | null): Decision {
  return allowIf(isCoordinator(actor), deny('errors.contact.onlyCoordinators'));
}
