import type { ThreadKind, UserRole } from '../../common/enums.ts';
import { type Actor, isCoordinator } from '../lib/actor.ts';
import {
  type CommunitySubject,
  isActiveLeader,
  isActiveMember,
  isArchived,
  isLeaderRole,
  type MembershipSubject,
  seesCommunity,
  writeRefusal,
} from './communities.ts';
import { allowIf, conceal, type Decision, deny, firstRefusal } from './decision.ts';

/**
 * Who may do what in a community's discussions. Pure functions of the actor, the community, the
 * actor's membership and the thread or reply; services and routes call nothing else to decide.
 * Discussions are read by whoever sees the community; archived communities are read-only. Each `may…`
 * decision says why it refuses: archived, suspended (for what members do), or the rule's own reason.
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
 * Leaders, co-leaders and coordinators moderate: pin, lock, hide, edit or delete anything. A leader
 * suspended from the community (only a coordinator can do that) does not; nobody does in an archived
 * community.
 */
export function isModerator(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
): boolean {
  return actor !== null && !isArchived(community) && (isActiveLeader(membership) || isCoordinator(actor));
}

/** Hiding and restoring posts, and deciding reports. */
export function mayModerateDiscussions(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
): Decision {
  return allowIf(isModerator(actor, community, membership), () =>
    writeRefusal(community, 'errors.moderation.onlyManagers'),
  );
}

/** Pinning a thread to the top of the list, or locking it. */
export function mayPinOrLockThread(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
): Decision {
  return allowIf(isModerator(actor, community, membership), () =>
    writeRefusal(community, 'errors.discussions.onlyLeadersPin'),
  );
}

/** Leaders, co-leaders and coordinators see hidden posts (marked), also in an archived community. */
export function seesHiddenPosts(actor: Actor | null, membership: MembershipSubject): boolean {
  return actor !== null && (isLeaderRole(membership?.role) || isCoordinator(actor));
}

/** A thread is read by whoever sees its community; a hidden thread is gone (404) for all but moderators. */
export function mayReadThread(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
  thread: { hiddenAt: Date | null },
): Decision {
  const reads =
    seesCommunity(actor, community, membership) &&
    (thread.hiddenAt === null || seesHiddenPosts(actor, membership));
  return allowIf(reads, conceal('errors.notFound.thread'));
}

/** A community's reports are for those who see hidden posts. */
export function maySeeReports(actor: Actor | null, membership: MembershipSubject): Decision {
  return allowIf(seesHiddenPosts(actor, membership), deny('errors.moderation.onlyLeadersSeeReports'));
}

/** A community's moderation log is for those who see hidden posts. */
export function maySeeModerationLog(actor: Actor | null, membership: MembershipSubject): Decision {
  return allowIf(seesHiddenPosts(actor, membership), deny('errors.moderation.onlyLeadersSeeLog'));
}

/** A community's suspensions in force are for those who see hidden posts. */
export function maySeeSuspensions(actor: Actor | null, membership: MembershipSubject): Decision {
  return allowIf(seesHiddenPosts(actor, membership), deny('errors.suspensions.onlyLeadersSee'));
}

/** Coordinators see the reports of every community. */
export function maySeeAllReports(actor: Actor | null): Decision {
  return allowIf(isCoordinator(actor), deny('errors.moderation.onlyCoordinatorsSeeAll'));
}

/**
 * Members start discussions and questions; announcements come from leaders, sponsors and coordinators.
 * Members suspended from the community do neither.
 */
export function mayStartThread(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
  kind: ThreadKind,
): Decision {
  const announcement = kind === 'announcement';
  let starts = false;
  if (actor !== null && !isArchived(community)) {
    const announces = isLeaderRole(membership?.role) || membership?.role === 'sponsor';
    starts = announcement
      ? (announces && isActiveMember(membership)) || isCoordinator(actor)
      : takesPart(actor, membership);
  }
  return allowIf(starts, () =>
    writeRefusal(
      community,
      announcement ? 'errors.discussions.announcementsByLeaders' : 'errors.discussions.joinToStart',
      membership,
    ),
  );
}

/**
 * Active members reply to a thread that is not deleted; a locked thread takes replies from moderators
 * only.
 */
export function mayReply(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
  thread: ThreadSubject,
): Decision {
  let replies = false;
  if (actor !== null && !isArchived(community) && thread.deletedAt === null) {
    replies =
      thread.lockedAt !== null ? isModerator(actor, community, membership) : takesPart(actor, membership);
  }
  return allowIf(replies, () =>
    writeRefusal(
      community,
      thread.lockedAt ? 'errors.discussions.locked' : 'errors.discussions.joinToReply',
      membership,
    ),
  );
}

/**
 * Authors edit and delete their own posts while they belong and are not suspended; moderators edit and
 * delete any.
 */
export function mayChangePost(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
  post: { authorId: string | null },
): Decision {
  const changes =
    actor !== null &&
    !isArchived(community) &&
    (isModerator(actor, community, membership) || (isActiveMember(membership) && post.authorId === actor.id));
  return allowIf(changes, () => writeRefusal(community, 'errors.discussions.onlyAuthorChanges', membership));
}

/** The person who asked a question (unless suspended since) or a moderator marks the helpful answer. */
export function mayMarkHelpful(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
  thread: ThreadSubject,
): Decision {
  const marks =
    actor !== null &&
    !isArchived(community) &&
    thread.kind === 'question' &&
    thread.deletedAt === null &&
    (isModerator(actor, community, membership) ||
      (thread.authorId === actor.id && membership?.suspended !== true));
  return allowIf(marks, () => writeRefusal(community, 'errors.discussions.onlyAskerMarks'));
}

/**
 * Taking back one's own reaction: whoever reads the thread (also after leaving the community), while
 * the community is not archived and the actor is not suspended from it (a suspension refuses every
 * write there).
 */
export function mayTakeBackReaction(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
): Decision {
  const takesBack =
    actor !== null &&
    !isArchived(community) &&
    membership?.suspended !== true &&
    seesCommunity(actor, community, membership);
  return allowIf(takesBack, () => writeRefusal(community, 'errors.discussions.cannotReact', membership));
}

/** Active members react to posts. */
export function mayReact(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
): Decision {
  const reacts = actor !== null && !isArchived(community) && takesPart(actor, membership);
  return allowIf(reacts, () => writeRefusal(community, 'errors.discussions.joinToReact', membership));
}

/** Active members report a post to the moderators. */
export function mayReport(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
): Decision {
  const reports = actor !== null && !isArchived(community) && takesPart(actor, membership);
  return allowIf(reports, () => writeRefusal(community, 'errors.discussions.joinToReport', membership));
}

/** Anyone signed in who reads the thread may follow it, except a member suspended from the community. */
export function mayFollowThread(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
): Decision {
  const follows =
    actor !== null && membership?.suspended !== true && seesCommunity(actor, community, membership);
  return allowIf(follows, () => writeRefusal(community, 'errors.discussions.cannotFollow', membership));
}

/** The person a suspension is about: their account role and their place in the community. */
export interface SuspensionTarget {
  userId: string;
  accountRole: UserRole;
  membership: MembershipSubject;
}

/** Seeing a community's suspensions and lifting them: its active leaders and the coordinators. */
export function mayManageSuspensions(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
): Decision {
  return allowIf(isModerator(actor, community, membership), () =>
    writeRefusal(community, 'errors.suspensions.onlyManagers'),
  );
}

/**
 * Suspending someone from a community: its (active) leaders and co-leaders, and coordinators, while the
 * community is not archived. Nobody suspends themselves or a coordinator; the community's leaders are
 * suspended by coordinators only.
 */
export function maySuspend(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
  target: SuspensionTarget,
): Decision {
  return firstRefusal(
    mayManageSuspensions(actor, community, membership),
    allowIf(target.userId !== actor?.id, deny('errors.suspensions.notYourself')),
    allowIf(target.accountRole === 'member', deny('errors.suspensions.notCoordinators')),
    allowIf(
      !isLeaderRole(target.membership?.role) || isCoordinator(actor),
      deny('errors.suspensions.leadersByCoordinator'),
    ),
  );
}

/** Lifting a suspension: who may manage suspensions, except the suspended person themselves. */
export function mayLiftSuspension(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
  suspension: { userId: string },
): Decision {
  const lifts = isModerator(actor, community, membership) && actor?.id !== suspension.userId;
  return allowIf(lifts, () => writeRefusal(community, 'errors.suspensions.onlyManagersLift'));
}
