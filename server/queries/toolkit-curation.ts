import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { collectionResources, toolkitCollections, toolkitTopics } from '../db/schema/index.ts';

/** Writes of a Toolkit's topics and collections, and the reads checked before them (lists: toolkit.ts). */

/** Which of these topics are the community's own (their ids). */
export async function listCommunityTopicIds(db: Db, communityId: string, topicIds: string[]) {
  const rows = await db
    .select({ id: toolkitTopics.id })
    .from(toolkitTopics)
    .where(and(eq(toolkitTopics.communityId, communityId), inArray(toolkitTopics.id, topicIds)));
  return rows.map((row) => row.id);
}

/** A topic of the community, with its parent (undefined: not the community's topic). */
export async function findCommunityTopic(db: Db, communityId: string, topicId: string) {
  const [topic] = await db
    .select({ parentId: toolkitTopics.parentId })
    .from(toolkitTopics)
    .where(and(eq(toolkitTopics.id, topicId), eq(toolkitTopics.communityId, communityId)));
  return topic;
}

/** One topic by id. */
export async function findTopic(db: Db, topicId: string) {
  const [topic] = await db.select().from(toolkitTopics).where(eq(toolkitTopics.id, topicId)).limit(1);
  return topic;
}

/** Adds a topic (`parentId` null: at the top level); answers its id. A name taken there fails (23505). */
export async function insertTopic(
  db: Db,
  topic: { communityId: string; parentId: string | null; name: string },
) {
  const [row] = await db.insert(toolkitTopics).values(topic).returning({ id: toolkitTopics.id });
  return row;
}

/** Renames a topic. A name taken there fails (23505). */
export async function updateTopicName(db: Db, topicId: string, name: string): Promise<void> {
  await db.update(toolkitTopics).set({ name }).where(eq(toolkitTopics.id, topicId));
}

/** Deletes a topic (its sub-topics and its resources' filings go with it). */
export async function deleteTopic(db: Db, topicId: string): Promise<void> {
  await db.delete(toolkitTopics).where(eq(toolkitTopics.id, topicId));
}

/** Adds a collection; answers its id. */
export async function insertCollection(
  db: Db,
  collection: { communityId: string; createdBy: string; title: string; description: string },
) {
  const [row] = await db
    .insert(toolkitCollections)
    .values(collection)
    .returning({ id: toolkitCollections.id });
  return row;
}

/** A collection's id and community (undefined: no such collection). */
export async function findCollectionCommunity(db: Db, collectionId: string) {
  const [collection] = await db
    .select({ id: toolkitCollections.id, communityId: toolkitCollections.communityId })
    .from(toolkitCollections)
    .where(eq(toolkitCollections.id, collectionId))
    .limit(1);
  return collection;
}

/** Takes a collection row's lock, so its resources are set one change at a time. */
export async function lockCollection(db: Db, collectionId: string): Promise<void> {
  await db.execute(sql`select 1 from ${toolkitCollections} where id = ${collectionId} for update`);
}

/**
 * Changes a collection's title or description (a field left out stays) and marks it updated now
 * (`{}`: only that, when its resources changed).
 */
export async function updateCollection(
  db: Db,
  collectionId: string,
  changes: { title?: string; description?: string },
): Promise<void> {
  await db
    .update(toolkitCollections)
    .set({ ...changes, updatedAt: sql`now()` })
    .where(eq(toolkitCollections.id, collectionId));
}

/** Deletes a collection (the resources in it stay). */
export async function deleteCollection(db: Db, collectionId: string): Promise<void> {
  await db.delete(toolkitCollections).where(eq(toolkitCollections.id, collectionId));
}

/** Empties a collection. */
export async function deleteCollectionResources(db: Db, collectionId: string): Promise<void> {
  await db.delete(collectionResources).where(eq(collectionResources.collectionId, collectionId));
}

/** Puts resources in a collection, in this order (none: nothing is written). */
export async function insertCollectionResources(
  db: Db,
  collectionId: string,
  resourceIds: string[],
): Promise<void> {
  if (resourceIds.length === 0) return;
  await db
    .insert(collectionResources)
    .values(resourceIds.map((resourceId, position) => ({ collectionId, resourceId, position })));
}
