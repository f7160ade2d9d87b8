import type { ErrorText } from '../errors.ts';
import { type Actor, isCoordinator } from '../lib/actor.ts';
import {
  type CommunitySubject,
  isActiveLeader,
  isActiveMember,
  isArchived,
  type MembershipSubject,
  seesCommunity,
  writeRefusal,
} from './communities.ts';
import { allowIf, conceal, type Decision, deny } from './decision.ts';

/**
 * Who may do what with a community's Toolkit. Pure functions of the actor, the community, the actor's
 * membership and the resource; services and routes call nothing else to decide. The Toolkit is read
 * by whoever sees the community; members add to it; leaders, co-leaders and coordinators curate it
 * (topics, collections, featuring, changing anyone's resource). Archived communities are read-only,
 * and a suspended member reads but does not contribute.
 */

/** A resource is read by whoever sees its community (404 otherwise). */
export function mayReadResource(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
): Decision {
  return allowIf(seesCommunity(actor, community, membership), conceal('errors.notFound.resource'));
}

/** A collection is read by whoever sees its community (404 otherwise). */
export function mayReadCollection(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
): Decision {
  return allowIf(seesCommunity(actor, community, membership), conceal('errors.notFound.collection'));
}

/**
 * Why a Toolkit write was refused: the actor is suspended from the community (said first, in the
 * Toolkit's words), the community is archived, else `reason`.
 */
function toolkitRefusal(community: CommunitySubject, membership: MembershipSubject, reason: ErrorText) {
  if (membership?.suspended === true) return deny('errors.toolkit.suspended');
  return writeRefusal(community, reason);
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
export function mayCurateToolkit(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
): Decision {
  return allowIf(curates(actor, community, membership), () =>
    toolkitRefusal(community, membership, 'errors.toolkit.onlyManagersOrganise'),
  );
}

/** Featuring a resource (or no longer). */
export function mayFeatureResource(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
): Decision {
  return allowIf(curates(actor, community, membership), () =>
    toolkitRefusal(community, membership, 'errors.toolkit.onlyManagersFeature'),
  );
}

/** Adding a resource (a link, an article, a video or a file). */
export function mayAddResource(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
): Decision {
  return allowIf(contributes(actor, community, membership), () =>
    toolkitRefusal(community, membership, 'errors.toolkit.joinToAdd'),
  );
}

/** Starting a resource's discussion. */
export function mayDiscussResource(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
): Decision {
  return allowIf(contributes(actor, community, membership), () =>
    toolkitRefusal(community, membership, 'errors.toolkit.joinToDiscuss'),
  );
}

/** Saying "I used this" (or adapted it) about a resource. */
export function mayRecordResourceUse(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
): Decision {
  return allowIf(contributes(actor, community, membership), () =>
    toolkitRefusal(community, membership, 'errors.toolkit.joinToRecordUse'),
  );
}

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
export function mayChangeResource(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
  resource: { authorId: string | null },
): Decision {
  return allowIf(changes(actor, community, membership, resource.authorId), () =>
    toolkitRefusal(community, membership, 'errors.toolkit.onlyAdderChanges'),
  );
}

/** A "I used this" record is changed by the person who wrote it, or by a curator. */
export function mayChangeResourceUse(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
  use: { userId: string | null },
): Decision {
  return allowIf(changes(actor, community, membership, use.userId), () =>
    toolkitRefusal(community, membership, 'errors.toolkit.onlyWriterChangesRecord'),
  );
}
