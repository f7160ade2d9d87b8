import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { enforce } from '../../policies/decision.ts';
import { maySeeStory } from '../../policies/stories.ts';
import { findStory, type StoryRow } from '../../queries/stories.ts';
import { loadVisibleCommunity } from '../communities/load-community.ts';

/**
 * A story with its community and the actor's membership, for someone who may read it: 404 when the
 * story does not exist, its community is out of sight, or it is hidden from the actor.
 */
export async function loadVisibleStory(db: Db, actor: Actor | null, id: string) {
  const story: StoryRow | undefined = await findStory(db, id);
  if (!story) throw new AppError('not_found', 'stories.errors.notFound');
  const { community, membership } = await loadVisibleCommunity(db, actor, story.communityId).catch(
    (error: unknown) => {
      if (error instanceof AppError && error.code === 'not_found')
        throw new AppError('not_found', 'stories.errors.notFound');
      throw error;
    },
  );
  enforce(maySeeStory(actor, membership, story));
  return { story, community, membership };
}
