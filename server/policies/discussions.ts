import type { ThreadKind, UserRole } from '../../common/enums.ts';
import { type Actor, isCoordinator } from '../lib/actor.ts';
import {
  type CommunitySubject,
  canSeeCommunity,
  isActiveLeader,
  isActiveMember,
  isArchived,
  isLeaderRole,
  type MembershipSubject,
} from './communities.ts';

/**
 * Who may do what in a community's discussions. Pure functions of the actor, the community, the
 * actor's membership and the thread or reply; services and routes call nothing else to decide.
 * Discussions are read by whoever sees the community; archived communities are read-only.
 */

export interface ThreadSubject {
  authorId: string | null;
  kind: ThreadKind;
  lockedAt: Date | null;
  deletedAt: Date | null;
}

/** Takes part (posts, replies, reacts, reports): an active member, or a coordinator. */
function takesPart(actor: Actor, membership: MembershipSubject): boolean {
  return isActiveMember(membership) || isCoordinator(actor);
}

/**
 * Leaders, co-leaders and coordinators moderate: pin, lock, edit or delete anything. A leader suspended
 * from the community (only a coordinator can do that) does not.
 */
export function canModerateDiscussions(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
) {
  return actor !== null && !isArchived(community) && (isActiveLeader(membership) || isCoordinator(actor));
}

export function canReadDiscussions(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
) {
  return canSeeCommunity(actor, community, membership);
}

/**
 * Members start discussions and questions; announcements come from leaders, sponsors and coordinators.
 * Members suspended from the community do neither.
 */
export function canStartThread(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
  kind: ThreadKind,
): boolean {
  if (actor === null || isArchived(community)) return false;
  if (kind === 'announcement') {
    const announces = isLeaderRole(membership?.role) || membership?.role === 'sponsor';
    return (announces && isActiveMember(membership)) || isCoordinator(actor);
  }
  return takesPart(actor, membership);
}

/**
 * Active members reply to a thread that is not deleted; a locked thread takes replies from moderators
 * only.
 */
export function canReply(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
  thread: ThreadSubject,
): boolean {
  if (actor === null || isArchived(community) || thread.deletedAt !== null) return false;
  if (thread.lockedAt !== null) return canModerateDiscussions(actor, community, membership);
  return takesPart(actor, membership);
}

/**
 * Authors edit and delete their own posts while they belong and are not suspended; moderators edit and
 * delete any.
 */
export function canChangePost(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
  post: { authorId: string | null },
): boolean {
  if (actor === null || isArchived(community)) return false;
  if (canModerateDiscussions(actor, community, membership)) return true;
  return isActiveMember(membership) && post.authorId === actor.id;
}

/** The person who asked a question (unless suspended since) or a moderator marks the helpful answer. */
export function canMarkHelpful(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
  thread: ThreadSubject,
): boolean {
  if (actor === null || isArchived(community) || thread.kind !== 'question' || thread.deletedAt !== null)
    return false;
  if (canModerateDiscussions(actor, community, membership)) return true;
  return thread.authorId === actor.id && membership?.suspended !== true;
}

/**
 * Taking back one's own reaction: whoever reads the thread (also after leaving the community), while
 * the community is not archived and the actor is not suspended from it (a suspension refuses every
 * write there).
 */
export function canTakeBackReaction(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
): boolean {
  return (
    actor !== null &&
    !isArchived(community) &&
    membership?.suspended !== true &&
    canSeeCommunity(actor, community, membership)
  );
}

/** Active members react to posts. */
export function canReact(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
): boolean {
  return actor !== null && !isArchived(community) && takesPart(actor, membership);
}

/** Leaders, co-leaders and coordinators see hidden posts (marked), also in an archived community. */
export function canSeeHiddenPosts(actor: Actor | null, membership: MembershipSubject): boolean {
  return actor !== null && (isLeaderRole(membership?.role) || isCoordinator(actor));
}

/** Active members report a post to the moderators. */
export function canReport(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
): boolean {
  return actor !== null && !isArchived(community) && takesPart(actor, membership);
}

/** Coordinators see the reports of every community. */
export function canSeeAllReports(actor: Actor | null): boolean {
  return isCoordinator(actor);
}

/** Anyone signed in who reads the thread may follow it, except a member suspended from the community. */
export function canFollowThread(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
) {
  return actor !== null && membership?.suspended !== true && canSeeCommunity(actor, community, membership);
}

/** The person a suspension is about: their account role and their place in the community. */
export interface SuspensionTarget {
  userId: string;
  accountRole: UserRole;
  membership: MembershipSubject;
}

/**
 * Suspending someone from a community: its (active) leaders and co-leaders, and coordinators, while the
 * community is not archived. Nobody suspends themselves or a coordinator; the community's leaders are
 * suspended by coordinators only.
 */
export function canSuspend(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
  target: SuspensionTarget,
): boolean {
  if (!canManageSuspensions(actor, community, membership) || actor === null) return false;
  if (target.userId === actor.id) return false;
  if (target.accountRole === 'coordinator' || target.accountRole === 'administrator') return false;
  if (isLeaderRole(target.membership?.role)) return isCoordinator(actor);
  return true;
}

/** Seeing a community's suspensions and lifting them: its active leaders and the coordinators. */
export function canManageSuspensions(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
): boolean {
  return canModerateDiscussions(actor, community, membership);
}

/** Lifting a suspension: who may manage suspensions, except the suspended person themselves. */
export function canLiftSuspension(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
  suspension: { userId: string },
): boolean {
  return canManageSuspensions(actor, community, membership) && actor?.id !== suspension.userId;
}
