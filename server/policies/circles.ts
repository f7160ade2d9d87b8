import { circleLimits } from '../../common/contracts/circles.ts';
import type { CircleMemberStatus, CircleState } from '../../common/enums.ts';
import type { ErrorText } from '../errors.ts';
import { type Actor, isCoordinator } from '../lib/actor.ts';
import {
  type CommunitySubject,
  isActiveMember,
  isArchived,
  isLeaderRole,
  type MembershipSubject,
  writeRefusal,
} from './communities.ts';
import { allow, allowIf, conceal, type Decision, deny } from './decision.ts';

/**
 * Who may do what with peer learning circles (#18 §3). Any member of a community (not suspended from
 * it) forms a circle, without a leader's approval. A circle is a private space: its members see its
 * discussion, meetings and reflections; the community's leaders and the coordinators see that it exists,
 * its purpose, time box and members, never its content; members of the community see open circles (to
 * join them) and those they are invited to in the same way; everyone else gets 404. Only the circle's
 * members act in it; an archived community or a suspension refuses every write first.
 */

export interface CircleSubject {
  /** Effective: closed also once the end date has passed. */
  state: CircleState;
  open: boolean;
  memberCount: number;
  /** The actor's place in the circle. */
  viewerStatus: CircleMemberStatus | null;
}

export const circleMembersMin = circleLimits.membersMin;
export const circleMembersMax = circleLimits.membersMax;

/** Oversees the community's circles (sees each exists, never their content). */
function overseesCircles(actor: Actor | null, membership: MembershipSubject): boolean {
  return isCoordinator(actor) || isLeaderRole(membership?.role);
}

/** Knows the circle exists: its members and invitees, who oversee, and the community's members for an open one. */
export function seesCircle(
  actor: Actor | null,
  membership: MembershipSubject,
  circle: CircleSubject,
): boolean {
  if (actor === null) return false;
  if (overseesCircles(actor, membership)) return true;
  // Someone who left the community no longer sees its circles, theirs included.
  return membership !== null && (circle.viewerStatus !== null || circle.open);
}

/** Sees every circle of the community in its list (not only open ones and one's own). */
export function seesAllCircles(actor: Actor | null, membership: MembershipSubject): boolean {
  return overseesCircles(actor, membership);
}

/** Reads its discussion, meetings and reflections: its members only (while in the community). */
export function seesCircleContent(membership: MembershipSubject, circle: CircleSubject): boolean {
  return membership !== null && circle.viewerStatus === 'member';
}

export function maySeeCircle(
  actor: Actor | null,
  membership: MembershipSubject,
  circle: CircleSubject,
): Decision {
  return allowIf(seesCircle(actor, membership, circle), conceal('circles.errors.notFound'));
}

/** Forming a circle: any member of the community who is not suspended from it. */
export function mayCreateCircle(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
): Decision {
  return allowIf(actor !== null && !isArchived(community) && isActiveMember(membership), () =>
    writeRefusal(community, 'circles.errors.membersOnly', membership),
  );
}

/** Archived, suspended, then `rule`'s refusal, for acts in a circle. */
function circleWrite(
  community: CommunitySubject,
  membership: MembershipSubject,
  rule: () => Decision,
): Decision {
  if (isArchived(community) || membership?.suspended === true)
    return writeRefusal(community, 'circles.errors.membersOnly', membership);
  return rule();
}

const conflict = (message: ErrorText) => deny(message, 'conflict');

/** Joining: an open circle, or one the actor is invited to, while it is not closed or full. */
export function mayJoinCircle(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
  circle: CircleSubject,
): Decision {
  return circleWrite(community, membership, () => {
    if (circle.viewerStatus === 'member') return conflict('circles.errors.alreadyMember');
    if (!isActiveMember(membership) || actor === null) return deny('circles.errors.membersOnly');
    if (!circle.open && circle.viewerStatus !== 'invited') return deny('circles.errors.invitationOnly');
    if (circle.state === 'closed') return conflict('circles.errors.closed');
    if (circle.memberCount >= circleMembersMax) return conflict('circles.errors.full');
    return allow;
  });
}

/** Leaving (or declining an invitation): anyone in the circle, at any time. */
export function mayLeaveCircle(
  community: CommunitySubject,
  membership: MembershipSubject,
  circle: CircleSubject,
): Decision {
  return circleWrite(community, membership, () =>
    allowIf(circle.viewerStatus !== null, conflict('circles.errors.notMember')),
  );
}

/** Acting as one of the circle's members (inviting, posting, scheduling, starting, closing). */
function actsInCircle(membership: MembershipSubject, circle: CircleSubject): boolean {
  return isActiveMember(membership) && circle.viewerStatus === 'member';
}

/** What the circle's members do while it runs: invite, post, schedule a meeting. */
function whileOpen(
  community: CommunitySubject,
  membership: MembershipSubject,
  circle: CircleSubject,
): Decision {
  return circleWrite(community, membership, () => {
    if (!actsInCircle(membership, circle)) return deny('circles.errors.onlyCircleMembers');
    return allowIf(circle.state !== 'closed', conflict('circles.errors.closed'));
  });
}

/** Inviting a member of the community. */
export function mayInviteToCircle(
  community: CommunitySubject,
  membership: MembershipSubject,
  circle: CircleSubject,
): Decision {
  return whileOpen(community, membership, circle);
}

/** Posting in the circle's discussion. */
export function mayPostInCircle(
  community: CommunitySubject,
  membership: MembershipSubject,
  circle: CircleSubject,
): Decision {
  return whileOpen(community, membership, circle);
}

/** Scheduling one of the circle's meetings. */
export function mayScheduleCircleMeeting(
  community: CommunitySubject,
  membership: MembershipSubject,
  circle: CircleSubject,
): Decision {
  return whileOpen(community, membership, circle);
}

/** Starting a forming circle: one of its members, once it has at least three. */
export function mayStartCircle(
  community: CommunitySubject,
  membership: MembershipSubject,
  circle: CircleSubject,
): Decision {
  return circleWrite(community, membership, () => {
    if (!actsInCircle(membership, circle)) return deny('circles.errors.onlyCircleMembers');
    if (circle.state !== 'forming') return conflict('circles.errors.notForming');
    return allowIf(circle.memberCount >= circleMembersMin, conflict('circles.errors.tooFew'));
  });
}

/** Closing the circle before its end date: one of its members. */
export function mayCloseCircle(
  community: CommunitySubject,
  membership: MembershipSubject,
  circle: CircleSubject,
): Decision {
  return whileOpen(community, membership, circle);
}

/** The closing reflection: each member once the circle has closed (rewriting it is allowed). */
export function mayReflectOnCircle(
  community: CommunitySubject,
  membership: MembershipSubject,
  circle: CircleSubject,
): Decision {
  return circleWrite(community, membership, () => {
    if (!actsInCircle(membership, circle)) return deny('circles.errors.onlyCircleMembers');
    return allowIf(circle.state === 'closed', conflict('circles.errors.notEnded'));
  });
}
