import type { CurateStoryInput, UpdateStoryInput } from '../../../common/contracts/stories.ts';
import type { Actor } from '../../lib/actor.ts';
import { enforce } from '../../policies/decision.ts';
import { seesHiddenPosts } from '../../policies/discussions.ts';
import { mayChangeStory, mayCurateStories, mayPublishStory } from '../../policies/stories.ts';
import { recordActivity } from '../../queries/activity.ts';
import {
  deleteStory as deleteStoryRow,
  replaceStoryLinks,
  updateStoryCuration,
  updateStoryTexts,
} from '../../queries/stories.ts';
import type { ServiceDeps } from '../context.ts';
import { loadVisibleStory } from './load-story.ts';
import { checkStoryLinks } from './story-links.ts';

/** The author changes their story: its title, the five cycles and its links. */
export async function updateStory(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  input: UpdateStoryInput,
): Promise<void> {
  await deps.database.db.transaction(async (tx) => {
    const { story, community, membership } = await loadVisibleStory(tx, actor, id);
    enforce(mayChangeStory(actor, community, membership, story));
    const links = await checkStoryLinks(tx, community.id, input, seesHiddenPosts(actor, membership));
    await updateStoryTexts(tx, story.id, {
      title: input.title,
      immediate: input.immediate,
      potential: input.potential,
      applied: input.applied,
      realised: input.realised,
      transformative: input.transformative,
    });
    await replaceStoryLinks(tx, story.id, links);
  });
}

/** The author deletes their story. */
export async function deleteStory(deps: ServiceDeps, actor: Actor, id: string): Promise<void> {
  await deps.database.db.transaction(async (tx) => {
    const { story, community, membership } = await loadVisibleStory(tx, actor, id);
    enforce(mayChangeStory(actor, community, membership, story));
    await deleteStoryRow(tx, story.id);
  });
}

/** Leaders and coordinators curate a story: feature it (or not), publish or hide it. */
export async function curateStory(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  input: CurateStoryInput,
): Promise<void> {
  await deps.database.db.transaction(async (tx) => {
    const { story, community, membership } = await loadVisibleStory(tx, actor, id);
    enforce(mayCurateStories(actor, community, membership));
    await updateStoryCuration(tx, story.id, {
      ...(input.featured === undefined ? {} : { featuredBy: input.featured ? actor.id : null }),
      ...(input.status === undefined ? {} : { status: input.status }),
    });
  });
}

/**
 * The author publishes their draft (a mentoring reflection turned into a story starts as one): from now
 * on the community reads it, and it counts as a story recorded (the event `story.recorded`).
 */
export async function publishStory(deps: ServiceDeps, actor: Actor, id: string): Promise<void> {
  await deps.database.db.transaction(async (tx) => {
    const { story, community, membership } = await loadVisibleStory(tx, actor, id);
    enforce(mayPublishStory(actor, community, membership, story));
    await updateStoryCuration(tx, story.id, { status: 'published' });
    await recordActivity(tx, {
      communityId: community.id,
      actorId: actor.id,
      kind: 'story.recorded',
      subjectType: 'story',
      subjectId: story.id,
    });
  });
}
