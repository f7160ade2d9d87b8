import type { StoryStatus } from '../../common/contracts/stories.ts';
import { type Actor, isCoordinator } from '../lib/actor.ts';
import {
  type CommunitySubject,
  isActiveLeader,
  isActiveMember,
  isArchived,
  isLeaderRole,
  type MembershipSubject,
  writeRefusal,
} from './communities.ts';
import { allowIf, conceal, type Decision, deny, firstRefusal } from './decision.ts';

/**
 * Who may do what with value-creation stories (#17 §2) and the leaders' suggestions (#17 §3). Stories
 * are personal accounts, so they stay in the community: its members (suspended ones read too) and the
 * coordinators read the published ones; a hidden story is read only by the community's leaders, the
 * coordinators and its author. Active members (and coordinators) record stories; the author alone
 * edits and deletes theirs; leaders and coordinators curate (feature, hide, publish). A draft is its
 * author's alone (not even leaders see it) until the author publishes it. Suggestions are
 * for the community's active leaders and the coordinators.
 */

export interface StorySubject {
  authorId: string | null;
  status: StoryStatus;
}

/** Reads the community's stories and the value-creation matrix: its members and the coordinators. */
export function readsStories(actor: Actor | null, membership: MembershipSubject): boolean {
  return actor !== null && (membership !== null || isCoordinator(actor));
}

/** Sees hidden stories of the community: its leaders (also suspended, reading) and the coordinators. */
export function seesHiddenStories(actor: Actor | null, membership: MembershipSubject): boolean {
  return actor !== null && (isLeaderRole(membership?.role) || isCoordinator(actor));
}

/** The list of stories and the value-creation matrix. */
export function maySeeStories(actor: Actor | null, membership: MembershipSubject): Decision {
  return allowIf(readsStories(actor, membership), deny('stories.errors.membersOnly'));
}

/** One story: gone (404) for those who do not read the community's stories, and when hidden from them. */
export function maySeeStory(
  actor: Actor | null,
  membership: MembershipSubject,
  story: StorySubject,
): Decision {
  const own = actor !== null && story.authorId === actor.id;
  const seen =
    story.status === 'draft'
      ? own
      : story.status === 'published' || seesHiddenStories(actor, membership) || own;
  const reads = readsStories(actor, membership) && seen;
  return allowIf(reads, conceal('stories.errors.notFound'));
}

/** Recording a story: active members and the coordinators, while the community is not archived. */
export function mayRecordStory(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
): Decision {
  const records =
    actor !== null && !isArchived(community) && (isActiveMember(membership) || isCoordinator(actor));
  return allowIf(records, () => writeRefusal(community, 'stories.errors.membersOnly', membership));
}

/** Editing and deleting a story: its author, an active member of the community (or a coordinator). */
export function mayChangeStory(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
  story: StorySubject,
): Decision {
  const changes =
    actor !== null &&
    !isArchived(community) &&
    story.authorId === actor.id &&
    (isActiveMember(membership) || isCoordinator(actor));
  return allowIf(changes, () => writeRefusal(community, 'stories.errors.onlyAuthor', membership));
}

/** Featuring, hiding and publishing stories: the community's active leaders and the coordinators. */
export function mayCurateStories(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
): Decision {
  const curates =
    actor !== null && !isArchived(community) && (isActiveLeader(membership) || isCoordinator(actor));
  return allowIf(curates, () => writeRefusal(community, 'stories.errors.onlyLeaders', membership));
}

/** Reading the suggestions: the community's active leaders and the coordinators (also once archived). */
export function maySeeSuggestions(actor: Actor | null, membership: MembershipSubject): Decision {
  return allowIf(actor !== null && (isActiveLeader(membership) || isCoordinator(actor)), () =>
    deny(membership?.suspended === true ? 'errors.communities.suspended' : 'suggestions.errors.onlyLeaders'),
  );
}

/** Dismissing a suggestion: as reading them, while the community is not archived. */
export function mayDismissSuggestion(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
): Decision {
  const dismisses =
    actor !== null && !isArchived(community) && (isActiveLeader(membership) || isCoordinator(actor));
  return allowIf(dismisses, () => writeRefusal(community, 'suggestions.errors.onlyLeaders', membership));
}

/** Publishing a draft: its author (as for editing), while it is a draft. */
export function mayPublishStory(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
  story: StorySubject,
): Decision {
  return firstRefusal(mayChangeStory(actor, community, membership, story), () =>
    allowIf(story.status === 'draft', () => deny('stories.errors.notDraft', 'conflict')),
  );
}
