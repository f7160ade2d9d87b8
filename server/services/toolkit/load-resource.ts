import type { Db } from '../../db/client.ts';
import { AppError, type ErrorText, notFound } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import type { CommunitySubject, MembershipSubject } from '../../policies/communities.ts';
import { canReadToolkit } from '../../policies/toolkit.ts';
import { findResourceForActor, type ResourceForActor } from '../../queries/toolkit.ts';
import { listCommunityTopicIds } from '../../queries/toolkit-curation.ts';
import { lockResource } from '../../queries/toolkit-resources.ts';
import { authorizeWrite } from '../communities/load-community.ts';

/** Loads a resource the actor may read (404 otherwise, as for its community). */
export async function loadVisibleResource(
  db: Db,
  actor: Actor | null,
  resourceId: string,
  options: { lock?: boolean } = {},
): Promise<ResourceForActor> {
  if (options.lock) await lockResource(db, resourceId);
  const found = await findResourceForActor(db, resourceId, actor?.id ?? null);
  if (!found || !canReadToolkit(actor, found.community, found.membership))
    throw notFound('errors.notFound.resource');
  return found;
}

export const suspendedFromToolkitMessage = 'errors.toolkit.suspended';

/** Refuses a Toolkit contribution (403) unless allowed, saying why (archived, suspended, or `message`). */
export function authorizeToolkitWrite(
  allowed: boolean,
  community: CommunitySubject,
  membership: MembershipSubject,
  message: ErrorText,
): void {
  if (!allowed && membership?.suspended === true)
    throw new AppError('forbidden', suspendedFromToolkitMessage);
  authorizeWrite(allowed, community, message);
}

/** Refuses (400, on `topicIds`) topics that are not the community's own. */
export async function checkTopics(db: Db, communityId: string, topicIds: string[]): Promise<string[]> {
  const unique = [...new Set(topicIds)];
  if (unique.length === 0) return [];
  const found = await listCommunityTopicIds(db, communityId, unique);
  if (found.length !== unique.length) {
    throw new AppError('validation_failed', 'errors.toolkit.chooseTopics', {
      topicIds: 'errors.toolkit.topicNotHere',
    });
  }
  return unique;
}
