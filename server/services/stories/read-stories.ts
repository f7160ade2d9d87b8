import type { Story, StoryLinkKind, StorySummary, ValueCycle } from '../../../common/contracts/stories.ts';
import type { Actor } from '../../lib/actor.ts';
import { excerpt } from '../../lib/excerpt.ts';
import { enforce, isAllowed } from '../../policies/decision.ts';
import { seesHiddenPosts } from '../../policies/discussions.ts';
import {
  mayChangeStory,
  mayCurateStories,
  mayPublishStory,
  mayRecordStory,
  maySeeStories,
  seesHiddenStories,
} from '../../policies/stories.ts';
import { findStoryDetails, listLinkOptions, listStories, listStoryLinks } from '../../queries/stories.ts';
import { loadVisibleCommunity } from '../communities/load-community.ts';
import type { ServiceDeps } from '../context.ts';
import { loadVisibleStory } from './load-story.ts';

/**
 * A community's stories for its members and the coordinators, newest first, a page at a time: the
 * published ones, and hidden ones to the leaders and their authors; with what the viewer may do.
 */
export async function listCommunityStories(
  deps: ServiceDeps,
  actor: Actor,
  slug: string,
  page: { cursor?: string | undefined; limit: number },
) {
  const { db } = deps.database;
  const { community, membership } = await loadVisibleCommunity(db, actor, slug);
  enforce(maySeeStories(actor, membership));
  const { page: rows, nextCursor } = await listStories(
    db,
    community.id,
    { id: actor.id, seesHidden: seesHiddenStories(actor, membership) },
    page,
  );
  const data: StorySummary[] = rows.map((row) => ({
    id: row.id,
    title: row.title,
    author: row.authorId && row.authorName ? { id: row.authorId, displayName: row.authorName } : null,
    excerpt: excerpt(row.excerpt, 200),
    cycles: row.told ? (row.told.split(',') as ValueCycle[]) : [],
    status: row.status,
    featured: row.featuredAt !== null,
    createdAt: row.createdAt.toISOString(),
  }));
  return {
    data,
    nextCursor,
    canRecord: isAllowed(mayRecordStory(actor, community, membership)),
    canCurate: isAllowed(mayCurateStories(actor, community, membership)),
  };
}

/** One story with its links (those the viewer may open) and what the viewer may do with it. */
export async function getStory(deps: ServiceDeps, actor: Actor, id: string): Promise<Story> {
  const { db } = deps.database;
  const { story, community, membership } = await loadVisibleStory(db, actor, id);
  const [details, links] = await Promise.all([
    findStoryDetails(db, story.id),
    listStoryLinks(db, story.id, seesHiddenPosts(actor, membership)),
  ]);
  const change = isAllowed(mayChangeStory(actor, community, membership, story));
  return {
    id: story.id,
    community: { slug: community.slug, name: community.name },
    title: story.title,
    author:
      story.authorId && details?.authorName ? { id: story.authorId, displayName: details.authorName } : null,
    immediate: story.immediate,
    potential: story.potential,
    applied: story.applied,
    realised: story.realised,
    transformative: story.transformative,
    status: story.status,
    featured: story.featuredAt !== null,
    fromResourceUse:
      details?.useResourceId && details.useResourceTitle
        ? { resourceId: details.useResourceId, resourceTitle: details.useResourceTitle }
        : null,
    links: links.map((link) => ({ kind: link.kind, id: link.id, title: link.title, at: link.at })),
    createdAt: story.createdAt.toISOString(),
    updatedAt: story.updatedAt.toISOString(),
    abilities: {
      edit: change,
      delete: change,
      curate: isAllowed(mayCurateStories(actor, community, membership)),
      publish: isAllowed(mayPublishStory(actor, community, membership, story)),
    },
  };
}

/** What the viewer may link to a story, of one kind, matching `q`: for the story form's pickers. */
export async function listStoryLinkOptions(
  deps: ServiceDeps,
  actor: Actor,
  slug: string,
  kind: StoryLinkKind,
  q: string | undefined,
) {
  const { db } = deps.database;
  const { community, membership } = await loadVisibleCommunity(db, actor, slug);
  enforce(maySeeStories(actor, membership));
  const rows = await listLinkOptions(db, community.id, kind, q, seesHiddenPosts(actor, membership));
  return rows.map((row) => ({ kind, id: row.id, title: row.title, at: row.at.toISOString() }));
}
