import type { CommunityStage, JoinPolicy, MembershipRole, Visibility } from '../../common/enums.ts';
import type { ErrorText } from '../errors.ts';
import { type Actor, isCoordinator } from '../lib/actor.ts';
import { allow, allowIf, conceal, type Decision, deny } from './decision.ts';

/**
 * Who may do what with communities and the coordinators' inbox. Pure functions of the actor, the
 * community and the actor's membership in it; services and routes call nothing else to decide.
 * `may…` functions return a Decision (allowed, or refused with the code and message the API answers);
 * `is…` and `sees…` functions are facts several decisions share, or that filter and hide content.
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
 * Who is shown that a community has no active leader (the portfolio's leaderless flag): its members
 * and the coordinators, while the community is not archived.
 */
export function seesLeaderlessNotice(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
): boolean {
  return !isArchived(community) && (membership !== null || isCoordinator(actor));
}

const archivedRefusal = deny('errors.communities.archived');

/**
 * Why a write in a community was refused, in the order people need to hear it: the community is
 * archived (read-only for everyone), the actor is suspended from it (only when `membership` is given:
 * the rules that say so), else `reason`. Decisions call it only once their rule has refused.
 */
export function writeRefusal(
  community: CommunitySubject,
  reason: ErrorText,
  membership?: MembershipSubject,
): Decision {
  if (isArchived(community)) return archivedRefusal;
  if (membership?.suspended === true) return deny('errors.communities.suspended');
  return deny(reason);
}

/**
 * A decision that `rule` grants; otherwise `refuse` says why (asked only then). The decisions that share
 * one rule and differ only in what they say are each made with it from that rule.
 */
export function communityDecision<Community extends CommunitySubject, Rest extends unknown[]>(
  rule: (actor: Actor | null, community: Community, membership: MembershipSubject, ...rest: Rest) => boolean,
  refuse: (community: Community, membership: MembershipSubject) => Decision,
) {
  return (
    actor: Actor | null,
    community: Community,
    membership: MembershipSubject,
    ...rest: Rest
  ): Decision => allowIf(rule(actor, community, membership, ...rest), () => refuse(community, membership));
}

/**
 * Public communities are seen by anyone; institution-only by everyone signed in except external
 * guests; private only by their members. Coordinators see every community. The same rule as
 * `visibleTo` in server/queries/communities.ts, which scopes lists in SQL.
 */
export function seesCommunity(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
): boolean {
  if (membership || isCoordinator(actor)) return true;
  if (community.visibility === 'public') return true;
  if (community.visibility === 'institution') return actor !== null && actor.kind !== 'external';
  return false;
}

/** A community the actor may not see answers 404, so private communities do not reveal that they exist. */
export function maySeeCommunity(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
): Decision {
  return allowIf(seesCommunity(actor, community, membership), conceal('errors.notFound.community'));
}

/** The member list (beyond the leaders shown on the home page) is for signed-in people who can see it. */
export function maySeeMembers(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
): Decision {
  if (actor === null) return deny('errors.communities.signInForMembers', 'unauthenticated');
  return allowIf(seesCommunity(actor, community, membership), deny('errors.forbidden.generic'));
}

/** Joining in one click: an open community the actor can see and does not yet belong to. */
export function mayJoinCommunity(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
): Decision {
  const joins =
    actor !== null &&
    membership === null &&
    !isArchived(community) &&
    community.joinPolicy === 'open' &&
    seesCommunity(actor, community, membership);
  return allowIf(joins, () =>
    writeRefusal(
      community,
      community.joinPolicy === 'request'
        ? 'errors.communities.moderatedAsk'
        : 'errors.communities.invitationOnly',
    ),
  );
}

/** Asking to join a moderated community the actor can see. */
export function mayRequestToJoin(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
): Decision {
  const asks =
    actor !== null &&
    membership === null &&
    !isArchived(community) &&
    community.joinPolicy === 'request' &&
    seesCommunity(actor, community, membership);
  return allowIf(asks, () =>
    writeRefusal(
      community,
      community.joinPolicy === 'open'
        ? 'errors.communities.openJoinDirectly'
        : 'errors.communities.invitationOnly',
    ),
  );
}

/** Members leave at any time (the service keeps the last leader from leaving). */
export function mayLeaveCommunity(community: CommunitySubject, membership: MembershipSubject): Decision {
  if (membership === null) return deny('errors.communities.notMember', 'conflict');
  return allowIf(!isArchived(community), archivedRefusal);
}

/** Leaders and co-leaders of the community (not while suspended from it) and coordinators lead it. */
function leads(actor: Actor | null, community: CommunitySubject, membership: MembershipSubject): boolean {
  return actor !== null && !isArchived(community) && (isActiveLeader(membership) || isCoordinator(actor));
}

/**
 * Leading a community: editing it, its charter, members, roles, requests and invitations. Leaders and
 * co-leaders of the community (not while suspended from it), and coordinators. Archived communities
 * refuse every write (see `mayChangeStage` for the one way back).
 */
export function mayManageCommunity(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
): Decision {
  return allowIf(leads(actor, community, membership), () =>
    writeRefusal(community, 'errors.communities.onlyManagers'),
  );
}

/** The pending join requests are for those who manage the community (also said while it is archived). */
export function maySeeJoinRequests(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
): Decision {
  return allowIf(leads(actor, community, membership), deny('errors.communities.onlyManagersSeeRequests'));
}

/** The open invitations are for those who manage the community (also said while it is archived). */
export function maySeeInvitations(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
): Decision {
  return allowIf(leads(actor, community, membership), deny('errors.invitations.onlyManagersSee'));
}

/**
 * Moving a community to another stage: whoever manages it; coordinators also bring an archived
 * community back (a stage change out of "archived", the one write an archived community takes).
 */
export function mayChangeStage(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
): Decision {
  if (isCoordinator(actor)) return allow;
  return mayManageCommunity(actor, community, membership);
}

/** The coordinators' inbox of contact requests. */
export function mayHandleContactRequests(actor: Actor | null): Decision {
  return allowIf(isCoordinator(actor), deny('errors.contact.onlyCoordinators'));
}
