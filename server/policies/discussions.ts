import type { ThreadKind } from '../../common/enums.ts';
import type { Actor } from '../plugins/auth.ts';
import {
  type CommunitySubject,
  canSeeCommunity,
  isArchived,
  isCoordinator,
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

/** Leaders, co-leaders and coordinators moderate: pin, lock, edit or delete anything. */
export function canModerateDiscussions(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
) {
  return actor !== null && !isArchived(community) && (isLeaderRole(membership?.role) || isCoordinator(actor));
}

export function canReadDiscussions(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
) {
  return canSeeCommunity(actor, community, membership);
}

/** Members start discussions and questions; announcements come from leaders, sponsors and coordinators. */
export function canStartThread(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
  kind: ThreadKind,
): boolean {
  if (actor === null || isArchived(community)) return false;
  if (kind === 'announcement') {
    return isLeaderRole(membership?.role) || membership?.role === 'sponsor' || isCoordinator(actor);
  }
  return membership !== null || isCoordinator(actor);
}

/** Members reply to a thread that is not deleted; a locked thread takes replies from moderators only. */
export function canReply(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
  thread: ThreadSubject,
): boolean {
  if (actor === null || isArchived(community) || thread.deletedAt !== null) return false;
  if (thread.lockedAt !== null) return canModerateDiscussions(actor, community, membership);
  return membership !== null || isCoordinator(actor);
}

/** Authors edit and delete their own posts while they belong; moderators edit and delete any. */
export function canChangePost(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
  post: { authorId: string | null },
): boolean {
  if (actor === null || isArchived(community)) return false;
  if (canModerateDiscussions(actor, community, membership)) return true;
  return membership !== null && post.authorId === actor.id;
}

/** The person who asked a question (or a moderator) marks the helpful answer. */
export function canMarkHelpful(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
  thread: ThreadSubject,
): boolean {
  if (actor === null || isArchived(community) || thread.kind !== 'question' || thread.deletedAt !== null)
    return false;
  return thread.authorId === actor.id || canModerateDiscussions(actor, community, membership);
}

/** Members react to posts. */
export function canReact(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
): boolean {
  return actor !== null && !isArchived(community) && (membership !== null || isCoordinator(actor));
}

/** Leaders, co-leaders and coordinators see hidden posts (marked), also in an archived community. */
export function canSeeHiddenPosts(actor: Actor | null, membership: MembershipSubject): boolean {
  return actor !== null && (isLeaderRole(membership?.role) || isCoordinator(actor));
}

/** Members report a post to the moderators. */
export function canReport(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
): boolean {
  return actor !== null && !isArchived(community) && (membership !== null || isCoordinator(actor));
}

/** Coordinators see the reports of every community. */
export function canSeeAllReports(actor: Actor | null): boolean {
  return isCoordinator(actor);
}

/** Anyone signed in who reads the thread may follow it. */
export function canFollowThread(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
) {
  return actor !== null && canSeeCommunity(actor, community, membership);
}
