import { quoted } from '../../../common/plain-text.ts';
import type { Actor } from '../../lib/actor.ts';
import { enforce } from '../../policies/decision.ts';
import { mayDiscussResource } from '../../policies/toolkit.ts';
import { updateCommunityActivity } from '../../queries/communities.ts';
import { insertThreadFollow } from '../../queries/thread-follows.ts';
import { insertThread } from '../../queries/thread-posts.ts';
import type { ServiceDeps } from '../context.ts';
import { loadVisibleResource } from './load-resource.ts';

/**
 * A resource's own discussion: a thread in its community tied to the resource, started by the first
 * member who wants to comment (the resource's author and that member follow it). Returns the thread
 * and whether this call started it.
 */
export async function startResourceDiscussion(
  deps: ServiceDeps,
  actor: Actor,
  resourceId: string,
): Promise<{ id: string; started: boolean }> {
  return deps.database.db.transaction(async (tx) => {
    const { resource, community, membership } = await loadVisibleResource(tx, actor, resourceId, {
      lock: true,
    });
    if (resource.discussionId) return { id: resource.discussionId, started: false };
    enforce(mayDiscussResource(actor, community, membership));
    const thread = await insertThread(tx, {
      communityId: community.id,
      authorId: actor.id,
      kind: 'discussion',
      title: `About ${quoted(resource.title, 190)}`,
      body: `Discussion of the Toolkit resource [${resource.title.replace(/[[\]]/g, '')}](/resources/${resource.id}).`,
      resourceId: resource.id,
    });
    const id = thread?.id ?? '';
    await insertThreadFollow(tx, id, actor.id);
    if (resource.authorId) await insertThreadFollow(tx, id, resource.authorId);
    await updateCommunityActivity(tx, community.id);
    return { id, started: true };
  });
}
