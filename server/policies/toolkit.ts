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
import { conceal, type Decision, deny } from './decision.ts';

/**
 * Who may do what with a community's Toolkit. Pure functions of the actor, the community, the actor's
 * membership and the resource; services and routes call nothing else to decide. The Toolkit is read
 * by whoever sees the community; members add to it; leaders, co-leaders and coordinators curate it
 * (topics, collections, featuring, changing anyone's resource). Archived communities are read-only,
 * and a suspended member reads but does not contribute.
 */

/** A resource is read by whoever sees its community (404 otherwise). */
export const mayReadResource = communityDecision(seesCommunity, () => conceal('errors.notFound.resource'));

/** A collection is read by whoever sees its community (404 otherwise). */
export const mayReadCollection = communityDecision(seesCommunity, () =>
  conceal('errors.notFound.collection'),
);

/**
 * Why a Toolkit write was refused: the actor is suspended from the community (said first, in the
 * Toolkit's words), the community is archived, else `reason`.
 */
function toolkitRefusal(reason: ErrorText) {
  return (community: CommunitySubject, membership: MembershipSubject): Decision => {
    if (membership?.suspended === true) return deny('errors.toolkit.suspended');
    return writeRefusal(community, reason);
  };
}

/** Leaders, co-leaders and coordinators curate: topics, collections, featuring, any resource. */
function curates(actor: Actor | null, community: CommunitySubject, membership: MembershipSubject): boolean {
  return actor !== null && !isArchived(community) && (isActiveLeader(membership) || isCoordinator(actor));
}

/** Members who are not suspended (and coordinators) add resources, record uses and comment. */
function contributes(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
): boolean {
  return actor !== null && !isArchived(community) && (isActiveMember(membership) || isCoordinator(actor));
}

/** Organising the Toolkit: topics and collections. */
export const mayCurateToolkit = communityDecision(
  curates,
  toolkitRefusal('errors.toolkit.onlyManagersOrganise'),
);

/** Featuring a resource (or no longer). */
export const mayFeatureResource = communityDecision(
  curates,
  toolkitRefusal('errors.toolkit.onlyManagersFeature'),
);

/** Adding a resource (a link, an article, a video or a file). */
export const mayAddResource = communityDecision(contributes, toolkitRefusal('errors.toolkit.joinToAdd'));

/** Starting a resource's discussion. */
export const mayDiscussResource = communityDecision(
  contributes,
  toolkitRefusal('errors.toolkit.joinToDiscuss'),
);

/** Saying "I used this" (or adapted it) about a resource. */
export const mayRecordResourceUse = communityDecision(
  contributes,
  toolkitRefusal('errors.toolkit.joinToRecordUse'),
);

/** Who wrote a thing changes it while they take part; curators change anything. */
function changes(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
  authorId: string | null,
): boolean {
  if (curates(actor, community, membership)) return true;
  return actor !== null && authorId === actor.id && contributes(actor, community, membership);
}

/** The person who added a resource changes or deletes it while they take part; curators change any. */
export const mayChangeResource = communityDecision(
  (actor, community, membership, resource: { authorId: string | null }) =>
    changes(actor, community, membership, resource.authorId),
  toolkitRefusal('errors.toolkit.onlyAdderChanges'),
);

/** A "I used this" record is changed by the person who wrote it, or by a curator. */
export const mayChangeResourceUse = communityDecision(
  (actor, community, membership, use: { userId: string | null }) =>
    changes(actor, community, membership, use.userId),
  toolkitRefusal('errors.toolkit.onlyWriterChangesRecord'),
);
