import type { Db } from '../../db/client.ts';
import { AppError, notFound } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { enforce } from '../../policies/decision.ts';
import { mayReadResource } from '../../policies/toolkit.ts';
import { findResourceForActor, type ResourceForActor } from '../../queries/toolkit.ts';
import { listCommunityTopicIds } from '../../queries/toolkit-curation.ts';
import { lockResource } from '../../queries/toolkit-resources.ts';

/** Loads a resource the actor may read (404 otherwise, as for its community). */
export async function loadVisibleResource(
  db: Db,
  actor: Actor | null,
  resourceId: string,
  options: { lock?: boolean } = {},
): Promise<ResourceForActor> {
  if (options.lock) await lockResource(db, resourceId);
  const found = await findResourceForActor(db, resourceId, actor?.id ?? null);
  if (!found) throw notFound('errors.notFound.resource');
  enforce(mayReadResource(actor, found.community, found.membership));
  return found;
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
