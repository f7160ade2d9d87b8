import { and, desc, eq, ne, or, type SQL, sql } from 'drizzle-orm';
import type { StoryLinkKind, StoryStatus } from '../../common/contracts/stories.ts';
import type { Db } from '../db/client.ts';
import {
  meetings,
  resources,
  resourceUses,
  threads,
  users,
  valueStories,
  valueStoryLinks,
} from '../db/schema/index.ts';
import { exactTimestamp, pageOf, rowsAfter } from './keyset.ts';
import { rowsOf } from './raw-rows.ts';

/** Value-creation stories (#17 §2): the stories, their links, and what a story may link to. */

export type StoryRow = typeof valueStories.$inferSelect;

export interface StoryTexts {
  title: string;
  immediate: string;
  potential: string;
  applied: string;
  realised: string;
  transformative: string;
}

export interface StoryLinkIds {
  meetingIds: readonly string[];
  threadIds: readonly string[];
  resourceIds: readonly string[];
}

/** Writes a story; answers its id. */
export async function insertStory(
  db: Db,
  story: StoryTexts & {
    communityId: string;
    authorId: string;
    resourceUseId: string | null;
    status?: StoryStatus;
  },
): Promise<string> {
  const [row] = await db.insert(valueStories).values(story).returning({ id: valueStories.id });
  if (!row) throw new Error('insertStory wrote nothing');
  return row.id;
}

/** A story by id. */
export async function findStory(db: Db, id: string): Promise<StoryRow | undefined> {
  const [row] = await db.select().from(valueStories).where(eq(valueStories.id, id));
  return row;
}

/** Changes a story's texts and marks it updated now. */
export async function updateStoryTexts(db: Db, id: string, texts: StoryTexts): Promise<void> {
  await db
    .update(valueStories)
    .set({ ...texts, updatedAt: sql`now()` })
    .where(eq(valueStories.id, id));
}

/** Features (or not) and publishes or hides a story (a field left out stays); marks it changed now. */
export async function updateStoryCuration(
  db: Db,
  id: string,
  changes: { featuredBy?: string | null; status?: StoryStatus },
): Promise<void> {
  const featured =
    changes.featuredBy === undefined
      ? {}
      : changes.featuredBy === null
        ? { featuredAt: null, featuredBy: null }
        : { featuredAt: sql`coalesce(${valueStories.featuredAt}, now())`, featuredBy: changes.featuredBy };
  const status = changes.status === undefined ? {} : { status: changes.status };
  if (Object.keys(featured).length + Object.keys(status).length === 0) return;
  await db
    .update(valueStories)
    .set({ ...featured, ...status, updatedAt: sql`now()` })
    .where(eq(valueStories.id, id));
}

/** Deletes a story (its links go with it). */
export async function deleteStory(db: Db, id: string): Promise<void> {
  await db.delete(valueStories).where(eq(valueStories.id, id));
}

/** Replaces a story's links with these (already checked to be the community's and visible). */
export async function replaceStoryLinks(db: Db, storyId: string, links: StoryLinkIds): Promise<void> {
  await db.delete(valueStoryLinks).where(eq(valueStoryLinks.storyId, storyId));
  const rows = [
    ...links.meetingIds.map((meetingId) => ({ storyId, meetingId })),
    ...links.threadIds.map((threadId) => ({ storyId, threadId })),
    ...links.resourceIds.map((resourceId) => ({ storyId, resourceId })),
  ];
  if (rows.length > 0) await db.insert(valueStoryLinks).values(rows);
}

/** A thread the viewer reads in the community: not deleted, and not hidden unless they see hidden posts. */
function threadVisible(seesHidden: boolean): SQL {
  return seesHidden
    ? sql`${threads.deletedAt} is null`
    : sql`${threads.deletedAt} is null and ${threads.hiddenAt} is null`;
}

function uuidArray(ids: readonly string[]): SQL {
  return sql`array[${sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )}]::uuid[]`;
}

/**
 * Of the ids given, those the viewer may link in this community (its meetings, its readable threads,
 * its living resources), in one statement; the caller refuses the rest by field.
 */
export async function findLinkableIds(
  db: Db,
  communityId: string,
  links: StoryLinkIds,
  seesHidden: boolean,
): Promise<{ kind: StoryLinkKind; id: string }[]> {
  const parts: SQL[] = [];
  if (links.meetingIds.length > 0)
    parts.push(sql`select 'meeting' as kind, ${meetings.id} as id from ${meetings}
      where ${meetings.id} = any(${uuidArray(links.meetingIds)}) and ${meetings.communityId} = ${communityId}`);
  if (links.threadIds.length > 0)
    parts.push(sql`select 'thread' as kind, ${threads.id} as id from ${threads}
      where ${threads.id} = any(${uuidArray(links.threadIds)}) and ${threads.communityId} = ${communityId}
        and ${threadVisible(seesHidden)}`);
  if (links.resourceIds.length > 0)
    parts.push(sql`select 'resource' as kind, ${resources.id} as id from ${resources}
      where ${resources.id} = any(${uuidArray(links.resourceIds)}) and ${resources.communityId} = ${communityId}
        and ${resources.deletedAt} is null`);
  if (parts.length === 0) return [];
  const result = await db.execute(sql.join(parts, sql` union all `));
  return rowsOf<{ kind: StoryLinkKind; id: string }>(result);
}

/** The author's own "I used this" record with its resource's community (undefined: not theirs). */
export async function findOwnResourceUse(db: Db, useId: string, userId: string) {
  const [row] = await db
    .select({ id: resourceUses.id, resourceId: resources.id, communityId: resources.communityId })
    .from(resourceUses)
    .innerJoin(resources, eq(resources.id, resourceUses.resourceId))
    .where(and(eq(resourceUses.id, useId), eq(resourceUses.userId, userId)));
  return row;
}

/**
 * What the viewer may see of a community's stories: published ones, else all (leaders) or their own;
 * a draft only its author.
 */
function storiesVisible(viewerId: string, seesHidden: boolean): SQL | undefined {
  if (seesHidden) return or(ne(valueStories.status, 'draft'), eq(valueStories.authorId, viewerId));
  return or(eq(valueStories.status, 'published'), eq(valueStories.authorId, viewerId));
}

const excerptLength = 240;

/** A community's stories the viewer may see, newest first, a keyset page at a time (one statement). */
export async function listStories(
  db: Db,
  communityId: string,
  viewer: { id: string; seesHidden: boolean },
  page: { cursor?: string | undefined; limit: number },
) {
  const rows = await db
    .select({
      id: valueStories.id,
      title: valueStories.title,
      authorId: valueStories.authorId,
      authorName: users.displayName,
      status: valueStories.status,
      featuredAt: valueStories.featuredAt,
      createdAt: valueStories.createdAt,
      exact: exactTimestamp(valueStories.createdAt),
      excerpt: sql<string>`left(coalesce(nullif(${valueStories.immediate}, ''), nullif(${valueStories.potential}, ''),
        nullif(${valueStories.applied}, ''), nullif(${valueStories.realised}, ''), ${valueStories.transformative}), ${excerptLength})`,
      told: sql<string>`concat_ws(',',
        case when ${valueStories.immediate} <> '' then 'immediate' end,
        case when ${valueStories.potential} <> '' then 'potential' end,
        case when ${valueStories.applied} <> '' then 'applied' end,
        case when ${valueStories.realised} <> '' then 'realised' end,
        case when ${valueStories.transformative} <> '' then 'transformative' end)`,
    })
    .from(valueStories)
    .leftJoin(users, eq(users.id, valueStories.authorId))
    .where(
      and(
        eq(valueStories.communityId, communityId),
        storiesVisible(viewer.id, viewer.seesHidden),
        rowsAfter(valueStories.createdAt, valueStories.id, page.cursor),
      ),
    )
    .orderBy(desc(valueStories.createdAt), desc(valueStories.id))
    .limit(page.limit + 1);
  return pageOf(rows, page.limit, (row) => ({ at: row.exact, id: row.id }));
}

/** A story with its author's name and the resource of the "I used this" record it started from. */
export async function findStoryDetails(db: Db, id: string) {
  const [row] = await db
    .select({
      story: valueStories,
      authorName: users.displayName,
      useResourceId: resources.id,
      useResourceTitle: resources.title,
    })
    .from(valueStories)
    .leftJoin(users, eq(users.id, valueStories.authorId))
    .leftJoin(resourceUses, eq(resourceUses.id, valueStories.resourceUseId))
    .leftJoin(resources, eq(resources.id, resourceUses.resourceId))
    .where(eq(valueStories.id, id));
  return row;
}

/** A story's links the viewer may open, with their titles, in one statement. */
export async function listStoryLinks(db: Db, storyId: string, seesHidden: boolean) {
  const result = await db.execute(sql`
    select 'meeting' as kind, m.id, m.title, to_char(m.starts_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as at
      from ${valueStoryLinks} l join ${meetings} m on m.id = l.meeting_id where l.story_id = ${storyId}
    union all
    select 'thread', ${threads.id}, ${threads.title}, to_char(${threads.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
      from ${valueStoryLinks} l join ${threads} on ${threads.id} = l.thread_id
      where l.story_id = ${storyId} and ${threadVisible(seesHidden)}
    union all
    select 'resource', r.id, r.title, to_char(r.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
      from ${valueStoryLinks} l join ${resources} r on r.id = l.resource_id
      where l.story_id = ${storyId} and r.deleted_at is null`);
  return rowsOf<{ kind: StoryLinkKind; id: string; title: string; at: string }>(result);
}

const optionsLimit = 20;

/**
 * What the viewer may link of one kind in the community, newest first, matching `q` in the title: its
 * meetings (from the community's start-time index), readable threads, living resources. At most 20.
 */
export async function listLinkOptions(
  db: Db,
  communityId: string,
  kind: StoryLinkKind,
  q: string | undefined,
  seesHidden: boolean,
) {
  const pattern = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  if (kind === 'meeting') {
    return db
      .select({ id: meetings.id, title: meetings.title, at: meetings.startsAt })
      .from(meetings)
      .where(
        and(
          eq(meetings.communityId, communityId),
          pattern ? sql`${meetings.title} ilike ${pattern}` : undefined,
        ),
      )
      .orderBy(desc(meetings.startsAt), desc(meetings.id))
      .limit(optionsLimit);
  }
  if (kind === 'thread') {
    return db
      .select({ id: threads.id, title: threads.title, at: threads.createdAt })
      .from(threads)
      .where(
        and(
          eq(threads.communityId, communityId),
          threadVisible(seesHidden),
          pattern ? sql`${threads.title} ilike ${pattern}` : undefined,
        ),
      )
      .orderBy(desc(threads.lastActivityAt), desc(threads.id))
      .limit(optionsLimit);
  }
  return db
    .select({ id: resources.id, title: resources.title, at: resources.createdAt })
    .from(resources)
    .where(
      and(
        eq(resources.communityId, communityId),
        sql`${resources.deletedAt} is null`,
        pattern ? sql`${resources.title} ilike ${pattern}` : undefined,
      ),
    )
    .orderBy(desc(resources.createdAt), desc(resources.id))
    .limit(optionsLimit);
}
