import { type Actor, isCoordinator } from '../lib/actor.ts';
import {
  type CommunitySubject,
  canSeeCommunity,
  isActiveLeader,
  isActiveMember,
  isArchived,
  type MembershipSubject,
} from './communities.ts';

/**
 * Who may do what with a community's Toolkit. Pure functions of the actor, the community, the actor's
 * membership and the resource; services and routes call nothing else to decide. The Toolkit is read
 * by whoever sees the community; members add to it; leaders, co-leaders and coordinators curate it
 * (topics, collections, featuring, changing anyone's resource). Archived communities are read-only,
 * and a suspended member reads but does not contribute.
 */

export function canReadToolkit(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
) {
  return canSeeCommunity(actor, community, membership);
}

/** Leaders, co-leaders and coordinators curate: topics, collections, featuring, any resource. */
export function canCurateToolkit(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
): boolean {
  return actor !== null && !isArchived(community) && (isActiveLeader(membership) || isCoordinator(actor));
}

/** Members who are not suspended (and coordinators) add resources, record uses and comment. */
export function canContributeToToolkit(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
): boolean {
  return actor !== null && !isArchived(community) && (isActiveMember(membership) || isCoordinator(actor));
}

/** The person who added a resource changes or deletes it while they take part; curators change any. */
export function canChangeResource(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
  resource: { authorId: string | null },
): boolean {
  if (canCurateToolkit(actor, community, membership)) return true;
  return (
    actor !== null && resource.authorId === actor.id && canContributeToToolkit(actor, community, membership)
  );
}

/** A "I used this" record is changed by the person who wrote it, or by a curator. */
export function canChangeResourceUse(
  actor: Actor | null,
  community: CommunitySubject,
  membership: MembershipSubject,
  use: { userId: string | null },
): boolean {
  return canChangeResource(actor, community, membership, { authorId: use.userId });
}
