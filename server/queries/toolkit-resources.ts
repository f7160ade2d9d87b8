import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { ActivityKind, ResourceActivityKind } from '../../common/enums.ts';
import type { Db } from '../db/client.ts';
import { activityEvents, resourceActivity, resources, resourceTopics } from '../db/schema/index.ts';
import { rowsOf } from './raw-rows.ts';

/** Writes of Toolkit resources and their topics, and their view and download counts (reads: toolkit.ts). */

/** Takes a resource row's lock, so its changes (and its discussion, its uses) happen one at a time. */
export async function lockResource(db: Db, resourceId: string): Promise<void> {
  await db.select({ id: resources.id }).from(resources).where(eq(resources.id, resourceId)).for('update');
}

/** Adds a resource; answers its id. */
export async function insertResource(db: Db, values: typeof resources.$inferInsert) {
  const [row] = await db.insert(resources).values(values).returning({ id: resources.id });
  return row;
}

/** Files a resource under topics (none: nothing is written). */
export async function insertResourceTopics(db: Db, resourceId: string, topicIds: string[]): Promise<void> {
  if (topicIds.length === 0) return;
  await db.insert(resourceTopics).values(topicIds.map((topicId) => ({ resourceId, topicId })));
}

/** Takes a resource off all its topics. */
export async function deleteResourceTopics(db: Db, resourceId: string): Promise<void> {
  await db.delete(resourceTopics).where(eq(resourceTopics.resourceId, resourceId));
}

/** What an edit may change of a resource (a field left out stays as it is). */
export interface ResourceChanges {
  title?: string;
  description?: string;
  body?: string;
  url?: string;
  videoProvider?: string | null;
  videoId?: string | null;
}

/** Changes a resource's fields and marks it updated now. */
export async function updateResource(db: Db, resourceId: string, changes: ResourceChanges): Promise<void> {
  await db
    .update(resources)
    .set({ ...changes, updatedAt: sql`now()` })
    .where(eq(resources.id, resourceId));
}

/** Deletes a resource softly (from now), and stops featuring it; its row and file stay. */
export async function softDeleteResource(db: Db, resourceId: string): Promise<void> {
  await db
    .update(resources)
    .set({ deletedAt: sql`now()`, featuredAt: null, featuredBy: null })
    .where(eq(resources.id, resourceId));
}

/** Features a resource from now, by `featuredBy`, or stops featuring it (null). */
export async function updateResourceFeatured(
  db: Db,
  resourceId: string,
  featuredBy: string | null,
): Promise<void> {
  await db
    .update(resources)
    .set(featuredBy ? { featuredAt: sql`now()`, featuredBy } : { featuredAt: null, featuredBy: null })
    .where(eq(resources.id, resourceId));
}

/** Which of these resources are the community's own and not deleted (their ids). */
export async function listLiveResourceIds(db: Db, communityId: string, resourceIds: string[]) {
  const rows = await db
    .select({ id: resources.id })
    .from(resources)
    .where(
      and(
        inArray(resources.id, resourceIds),
        eq(resources.communityId, communityId),
        isNull(resources.deletedAt),
      ),
    );
  return rows.map((row) => row.id);
}

/**
 * Records a person's view or download of a resource for the (UTC) day and, only when that day's row
 * is new, raises the resource's counter and writes the event log's entry, in one statement. True when
 * the counter rose.
 */
export async function insertDailyResourceActivity(
  db: Db,
  resourceId: string,
  userId: string,
  kind: ResourceActivityKind,
): Promise<boolean> {
  const counter = kind === 'view' ? sql.raw('view_count') : sql.raw('download_count');
  const activityKind: ActivityKind = kind === 'view' ? 'resource.viewed' : 'resource.downloaded';
  const result = await db.execute(sql`with added as (
      insert into ${resourceActivity} (resource_id, user_id, day, kind)
      values (${resourceId}, ${userId}, (now() at time zone 'UTC')::date, ${kind})
      on conflict do nothing returning 1),
    counted as (
      update ${resources} set ${counter} = ${counter} + 1
      where id = ${resourceId} and exists (select 1 from added) returning id, community_id),
    -- The event log's entry, in the same statement (so the same transaction) as the count.
    logged as (
      insert into ${activityEvents} (community_id, actor_id, kind, subject_type, subject_id)
      select community_id, ${userId}, ${activityKind}, 'resource', id from counted returning 1)
    select 1 from counted`);
  return rowsOf(result).length > 0;
}
