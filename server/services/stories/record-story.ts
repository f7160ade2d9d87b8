import type { CreateStoryInput } from '../../../common/contracts/stories.ts';
import { fieldError } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { enforce } from '../../policies/decision.ts';
import { seesHiddenPosts } from '../../policies/discussions.ts';
import { mayRecordStory } from '../../policies/stories.ts';
import { recordActivity } from '../../queries/activity.ts';
import { findOwnResourceUse, insertStory, replaceStoryLinks } from '../../queries/stories.ts';
import { loadVisibleCommunity } from '../communities/load-community.ts';
import type { ServiceDeps } from '../context.ts';
import { checkStoryLinks } from './story-links.ts';

/**
 * Records a value-creation story (#17 §2) in the community, with its links, and the event
 * `story.recorded` in the log, in one transaction. A story started from the author's own "I used this"
 * record links that record's resource too.
 */
export async function recordStory(
  deps: ServiceDeps,
  actor: Actor,
  slug: string,
  input: CreateStoryInput,
): Promise<string> {
  return deps.database.db.transaction(async (tx) => {
    const { community, membership } = await loadVisibleCommunity(tx, actor, slug);
    enforce(mayRecordStory(actor, community, membership));
    const resourceIds = [...input.resourceIds];
    if (input.resourceUseId) {
      const use = await findOwnResourceUse(tx, input.resourceUseId, actor.id);
      if (!use || use.communityId !== community.id)
        throw fieldError('resourceUseId', 'stories.errors.useNotFound');
      resourceIds.push(use.resourceId);
    }
    const links = await checkStoryLinks(
      tx,
      community.id,
      { meetingIds: input.meetingIds, threadIds: input.threadIds, resourceIds },
      seesHiddenPosts(actor, membership),
    );
    const id = await insertStory(tx, {
      communityId: community.id,
      authorId: actor.id,
      resourceUseId: input.resourceUseId ?? null,
      title: input.title,
      immediate: input.immediate,
      potential: input.potential,
      applied: input.applied,
      realised: input.realised,
      transformative: input.transformative,
    });
    await replaceStoryLinks(tx, id, links);
    await recordActivity(tx, {
      communityId: community.id,
      actorId: actor.id,
      kind: 'story.recorded',
      subjectType: 'story',
      subjectId: id,
    });
    return id;
  });
}
