import type { CommunityStage, JoinPolicy, MembershipRole, Visibility } from '../../common/enums.ts';
import { type Actor, isCoordinator } from '../lib/actor.ts';

/**
 * Who may do what with communities, proposals and the coordinators' inbox. Pure functions of the
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

/** Any signed-in member of the institution proposes a community; external guests do not. */
export function canProposeCommunity(actor: Actor | null): boolean {
  return actor !== null && actor.kind !== 'external';
}

/** Coordinators review proposals: the queue, approve, ask for changes, decline. */
export function canReviewProposals(actor: Actor | null): boolean {
  return isCoordinator(actor);
}

/** A proposal is read by its proposer, its named co-leaders and the coordinators. */
export function canSeeProposal(
  actor: Actor | null,
  proposal: { proposerId: string },
  isNamedLeader: boolean,
): boolean {
  return actor !== null && (actor.id === proposal.proposerId || isNamedLeader || isCoordinator(actor));
}

/** The proposer edits and resubmits while the proposal is open. */
export function canEditProposal(
  actor: Actor | null,
  proposal: { proposerId: string; status: string },
): boolean {
  return (
    actor !== null &&
    actor.id === proposal.proposerId &&
    (proposal.status === 'submitted' || proposal.status === 'changes_requested')
  );
}

/** The coordinators' inbox of contact requests. */
export function canHandleContactRequests(actor: Actor | null): boolean {
  return isCoordinator(actor);
}

/** Administrators edit the institution's charter template. */
export function canEditCharterTemplate(actor: Actor | null): boolean {
  return actor?.role === 'administrator';
}

// Proposals: the steps after submitting, and the leadership team.

/** A proposal is open (it can still change) until it is approved, declined or withdrawn. */
export function isProposalOpen(proposal: { status: string }): boolean {
  return proposal.status === 'submitted' || proposal.status === 'changes_requested';
}

/** The proposer speaks for the proposal: edits, resubmits and withdraws it (while it is open). */
export function isProposer(actor: Actor | null, proposal: { proposerId: string }): boolean {
  return actor !== null && actor.id === proposal.proposerId;
}

/** The proposer withdraws an open proposal. */
export function canWithdrawProposal(
  actor: Actor | null,
  proposal: { proposerId: string; status: string },
): boolean {
  return isProposer(actor, proposal) && isProposalOpen(proposal);
}

/** Everyone who reads a proposal takes part in its conversation: proposer, named leaders, coordinators. */
export function canCommentOnProposal(
  actor: Actor | null,
  proposal: { proposerId: string },
  isNamedLeader: boolean,
): boolean {
  return canSeeProposal(actor, proposal, isNamedLeader);
}

/** A person named as co-leader answers the invitation (accept or decline) while the proposal is open. */
export function canAnswerLeadershipInvitation(
  actor: Actor | null,
  proposal: { status: string },
  isNamedLeader: boolean,
): boolean {
  return actor !== null && isNamedLeader && isProposalOpen(proposal);
}

/**
 * Who may be invited to co-lead a proposed community: people of the institution with an active
 * account (external guests and suspended accounts may not lead).
 */
export function canCoLeadCommunity(person: { kind: string; suspendedAt: Date | null }): boolean {
  return person.kind !== 'external' && person.suspendedAt === null;
}
