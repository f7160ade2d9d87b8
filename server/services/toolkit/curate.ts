import type { Db } from '../../db/client.ts';
import { AppError, fieldError, notFound } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { enforce } from '../../policies/decision.ts';
import { mayCurateToolkit, mayReadCollection } from '../../policies/toolkit.ts';
import { findCommunityForActor } from '../../queries/communities.ts';
import {
  deleteCollection,
  deleteCollectionResources,
  deleteTopic,
  findCollectionCommunity,
  findCommunityTopic,
  findTopic,
  insertCollection,
  insertCollectionResources,
  insertTopic,
  lockCollection,
  updateCollection,
  updateTopicName,
} from '../../queries/toolkit-curation.ts';
import { listLiveResourceIds } from '../../queries/toolkit-resources.ts';
import { loadVisibleCommunity } from '../communities/load-community.ts';
import type { ServiceDeps } from '../context.ts';

/** A unique-name clash becomes a field error instead of a 500. */
async function uniqueName<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const code =
      (error as { code?: string; cause?: { code?: string } }).cause?.code ??
      (error as { code?: string }).code;
    if (code === '23505') throw fieldError('name', 'errors.toolkit.topicExists');
    throw error;
  }
}

/** Adds a topic, or a sub-topic under a top-level topic of the same community (one level deep). */
export async function addTopic(
  deps: ServiceDeps,
  actor: Actor,
  slug: string,
  input: { name: string; parentId: string | null },
): Promise<string> {
  return deps.database.db.transaction(async (tx) => {
    const found = await loadVisibleCommunity(tx, actor, slug);
    enforce(mayCurateToolkit(actor, found.community, found.membership));
    if (input.parentId) {
      const parent = await findCommunityTopic(tx, found.community.id, input.parentId);
      if (!parent) throw fieldError('parentId', 'errors.toolkit.chooseTopic');
      if (parent.parentId !== null) throw fieldError('parentId', 'errors.toolkit.subTopicDepth');
    }
    const row = await uniqueName(() =>
      insertTopic(tx, { communityId: found.community.id, parentId: input.parentId, name: input.name }),
    );
    return row?.id ?? '';
  });
}

/** A topic with its community, for curating it (404 when the actor may not see the community). */
async function loadTopic(db: Db, actor: Actor, topicId: string) {
  const topic = await findTopic(db, topicId);
  if (!topic) throw notFound('errors.notFound.topic');
  const found = await loadVisibleCommunity(db, actor, topic.communityId);
  enforce(mayCurateToolkit(actor, found.community, found.membership));
  return topic;
}

export async function renameTopic(
  deps: ServiceDeps,
  actor: Actor,
  topicId: string,
  name: string,
): Promise<void> {
  await deps.database.db.transaction(async (tx) => {
    const topic = await loadTopic(tx, actor, topicId);
    await uniqueName(() => updateTopicName(tx, topic.id, name));
  });
}

/** Removes a topic (and its sub-topics); the resources stay, no longer filed under it. */
export async function removeTopic(deps: ServiceDeps, actor: Actor, topicId: string): Promise<void> {
  await deps.database.db.transaction(async (tx) => {
    const topic = await loadTopic(tx, actor, topicId);
    await deleteTopic(tx, topic.id);
  });
}

export async function addCollection(
  deps: ServiceDeps,
  actor: Actor,
  slug: string,
  input: { title: string; description: string },
): Promise<string> {
  return deps.database.db.transaction(async (tx) => {
    const found = await loadVisibleCommunity(tx, actor, slug);
    enforce(mayCurateToolkit(actor, found.community, found.membership));
    const row = await insertCollection(tx, {
      communityId: found.community.id,
      createdBy: actor.id,
      ...input,
    });
    return row?.id ?? '';
  });
}

/** A collection the actor may see, with its community and the actor's membership (404 otherwise). */
export async function loadVisibleCollection(db: Db, actor: Actor | null, collectionId: string) {
  const collection = await findCollectionCommunity(db, collectionId);
  const found = collection
    ? await findCommunityForActor(db, collection.communityId, actor?.id ?? null)
    : undefined;
  if (!collection || !found) throw notFound('errors.notFound.collection');
  enforce(mayReadCollection(actor, found.community, found.membership));
  return { collection, ...found };
}

export async function editCollection(
  deps: ServiceDeps,
  actor: Actor,
  collectionId: string,
  input: { title?: string | undefined; description?: string | undefined },
): Promise<void> {
  await deps.database.db.transaction(async (tx) => {
    const found = await loadVisibleCollection(tx, actor, collectionId);
    enforce(mayCurateToolkit(actor, found.community, found.membership));
    await updateCollection(tx, collectionId, {
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
    });
  });
}

export async function removeCollection(deps: ServiceDeps, actor: Actor, collectionId: string): Promise<void> {
  await deps.database.db.transaction(async (tx) => {
    const found = await loadVisibleCollection(tx, actor, collectionId);
    enforce(mayCurateToolkit(actor, found.community, found.membership));
    await deleteCollection(tx, collectionId);
  });
}

/** Sets which of the community's resources a collection holds, in this order. */
export async function setCollectionResources(
  deps: ServiceDeps,
  actor: Actor,
  collectionId: string,
  resourceIds: string[],
): Promise<void> {
  await deps.database.db.transaction(async (tx) => {
    const found = await loadVisibleCollection(tx, actor, collectionId);
    enforce(mayCurateToolkit(actor, found.community, found.membership));
    await lockCollection(tx, collectionId);
    if (resourceIds.length > 0) {
      const owned = await listLiveResourceIds(tx, found.community.id, resourceIds);
      if (owned.length !== resourceIds.length) {
        throw new AppError('validation_failed', 'errors.toolkit.collectionOwnCommunity', {
          resourceIds: 'errors.toolkit.resourceNotHere',
        });
      }
    }
    await deleteCollectionResources(tx, collectionId);
    await insertCollectionResources(tx, collectionId, resourceIds);
    await updateCollection(tx, collectionId, {});
  });
}
