import { fieldError } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { parseVideoUrl } from '../../lib/video.ts';
import { enforce } from '../../policies/decision.ts';
import { mayChangeResource, mayFeatureResource } from '../../policies/toolkit.ts';
import { recordAudit } from '../../queries/audit.ts';
import { insertModerationAction } from '../../queries/moderation.ts';
import {
  deleteResourceTopics,
  insertResourceTopics,
  softDeleteResource,
  updateResource,
  updateResourceFeatured,
} from '../../queries/toolkit-resources.ts';
import type { ServiceDeps } from '../context.ts';
import { checkTopics, loadVisibleResource } from './load-resource.ts';

/** Edits a resource's title, description, link, article text or topics (its kind and file stay). */
export async function editResource(
  deps: ServiceDeps,
  actor: Actor,
  resourceId: string,
  input: {
    title?: string | undefined;
    description?: string | undefined;
    url?: string | undefined;
    body?: string | undefined;
    topicIds?: string[] | undefined;
  },
): Promise<void> {
  await deps.database.db.transaction(async (tx) => {
    const { resource, community, membership } = await loadVisibleResource(tx, actor, resourceId, {
      lock: true,
    });
    enforce(mayChangeResource(actor, community, membership, resource));
    if (input.url !== undefined && (resource.kind === 'article' || resource.fileKey !== null))
      throw fieldError('url', 'errors.toolkit.noLinkToChange');
    if (input.body !== undefined && resource.kind !== 'article')
      throw fieldError('body', 'errors.toolkit.onlyArticlesHaveText');
    if (input.body !== undefined && input.body === '')
      throw fieldError('body', 'validation.resource.articleBody');
    const video = input.url !== undefined && resource.kind === 'video' ? parseVideoUrl(input.url) : undefined;
    const topicIds = input.topicIds ? await checkTopics(tx, community.id, input.topicIds) : undefined;
    await updateResource(tx, resource.id, {
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.body !== undefined ? { body: input.body } : {}),
      ...(input.url !== undefined
        ? { url: input.url, videoProvider: video?.provider ?? null, videoId: video?.videoId ?? null }
        : {}),
    });
    if (topicIds) {
      await deleteResourceTopics(tx, resource.id);
      await insertResourceTopics(tx, resource.id, topicIds);
    }
  });
}

/**
 * Deletes a resource softly (its file stays stored, so it can be restored by an administrator).
 * A leader's deletion of someone else's resource is recorded in the moderation log.
 */
export async function deleteResource(deps: ServiceDeps, actor: Actor, resourceId: string): Promise<void> {
  await deps.database.db.transaction(async (tx) => {
    const { resource, community, membership } = await loadVisibleResource(tx, actor, resourceId, {
      lock: true,
    });
    enforce(mayChangeResource(actor, community, membership, resource));
    await softDeleteResource(tx, resource.id);
    if (resource.authorId !== actor.id) {
      await insertModerationAction(tx, {
        communityId: community.id,
        actorId: actor.id,
        action: 'delete_resource',
        resourceId: resource.id,
        subjectUserId: resource.authorId,
        note: resource.title,
      });
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'delete_resource',
        subjectType: 'resource',
        subjectId: resource.id,
        data: {
          communityId: community.id,
          community: community.name,
          title: resource.title,
          authorId: resource.authorId,
        },
      });
    }
  });
}

/** Features a resource on the community's Toolkit (and home pages), or stops featuring it. */
export async function setFeatured(
  deps: ServiceDeps,
  actor: Actor,
  resourceId: string,
  featured: boolean,
): Promise<void> {
  await deps.database.db.transaction(async (tx) => {
    const { resource, community, membership } = await loadVisibleResource(tx, actor, resourceId, {
      lock: true,
    });
    enforce(mayFeatureResource(actor, community, membership));
    if (featured === (resource.featuredAt !== null)) return;
    await updateResourceFeatured(tx, resource.id, featured ? actor.id : null);
  });
}
