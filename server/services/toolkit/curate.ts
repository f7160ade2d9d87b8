import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { collectionResources, resources, toolkitCollections, toolkitTopics } from '../../db/schema/index.ts';
import { AppError, fieldError, notFound } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { enforce } from '../../policies/decision.ts';
import { mayCurateToolkit, mayReadCollection } from '../../policies/toolkit.ts';
import { findCommunityForActor } from '../../queries/communities.ts';
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
      const [parent] = await tx
        .select({ parentId: toolkitTopics.parentId })
        .from(toolkitTopics)
        .where(and(eq(toolkitTopics.id, input.parentId), eq(toolkitTopics.communityId, found.community.id)));
      if (!parent) throw fieldError('parentId', 'errors.toolkit.chooseTopic');
      if (parent.parentId !== null) throw fieldError('parentId', 'errors.toolkit.subTopicDepth');
    }
    const [row] = await uniqueName(() =>
      tx
        .insert(toolkitTopics)
        .values({ communityId: found.community.id, parentId: input.parentId, name: input.name })
        .returning({ id: toolkitTopics.id }),
    );
    return row?.id ?? '';
  });
}

/** A topic with its community, for curating it (404 when the actor may not see the community). */
async function loadTopic(db: Db, actor: Actor, topicId: string) {
  const [topic] = await db.select().from(toolkitTopics).where(eq(toolkitTopics.id, topicId)).limit(1);
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
    await uniqueName(() => tx.update(toolkitTopics).set({ name }).where(eq(toolkitTopics.id, topic.id)));
  });
}

/** Removes a topic (and its sub-topics); the resources stay, no longer filed under it. */
export async function removeTopic(deps: ServiceDeps, actor: Actor, topicId: string): Promise<void> {
  await deps.database.db.transaction(async (tx) => {
    const topic = await loadTopic(tx, actor, topicId);
    await tx.delete(toolkitTopics).where(eq(toolkitTopics.id, topic.id));
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
    const [row] = await tx
      .insert(toolkitCollections)
      .values({ communityId: found.community.id, createdBy: actor.id, ...input })
      .returning({ id: toolkitCollections.id });
    return row?.id ?? '';
  });
}

/** A collection the actor may see, with its community and the actor's membership (404 otherwise). */
export async function loadVisibleCollection(db: Db, actor: Actor | null, collectionId: string) {
  const [collection] = await db
    .select({ id: toolkitCollections.id, communityId: toolkitCollections.communityId })
    .from(toolkitCollections)
    .where(eq(toolkitCollections.id, collectionId))
    .limit(1);
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
    await tx
      .update(toolkitCollections)
      .set({
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        updatedAt: sql`now()`,
      })
      .where(eq(toolkitCollections.id, collectionId));
  });
}

export async function removeCollection(deps: ServiceDeps, actor: Actor, collectionId: string): Promise<void> {
  await deps.database.db.transaction(async (tx) => {
    const found = await loadVisibleCollection(tx, actor, collectionId);
    enforce(mayCurateToolkit(actor, found.community, found.membership));
    await tx.delete(toolkitCollections).where(eq(toolkitCollections.id, collectionId));
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
    await tx.execute(sql`select 1 from ${toolkitCollections} where id = ${collectionId} for update`);
    if (resourceIds.length > 0) {
      const owned = await tx
        .select({ id: resources.id })
        .from(resources)
        .where(
          and(
            inArray(resources.id, resourceIds),
            eq(resources.communityId, found.community.id),
            isNull(resources.deletedAt),
          ),
        );
      if (owned.length !== resourceIds.length) {
        throw new AppError('validation_failed', 'errors.toolkit.collectionOwnCommunity', {
          resourceIds: 'errors.toolkit.resourceNotHere',
        });
      }
    }
    await tx.delete(collectionResources).where(eq(collectionResources.collectionId, collectionId));
    if (resourceIds.length > 0) {
      await tx
        .insert(collectionResources)
        .values(resourceIds.map((resourceId, position) => ({ collectionId, resourceId, position })));
    }
    await tx
      .update(toolkitCollections)
      .set({ updatedAt: sql`now()` })
      .where(eq(toolkitCollections.id, collectionId));
  });
}
