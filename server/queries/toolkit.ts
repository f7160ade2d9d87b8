import { and, asc, desc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { ResourceKind, ResourceUseKind } from '../../common/enums.ts';
import type { Db } from '../db/client.ts';
import {
  collectionResources,
  communities,
  communityMembers,
  resources,
  resourceUses,
  threads,
  toolkitCollections,
  toolkitTopics,
  users,
} from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import { actorMembershipOn, suspendedIn } from './communities.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { exactTimestamp, pageOf, rowsAfter } from './keyset.ts';
import { preparedByShape, preparedFor } from './prepared.ts';

/**
 * Reads of the Toolkit: a community's resources (filtered, sorted, paged), one resource with the
 * reader's place in its community, topics, collections and "I used this" records. Each list is one
 * query; topics and comment counts come as subqueries, never a query per row.
 */

const resourceAuthor = alias(users, 'resource_author');

/** A topic as a resource's card names it. */
export interface TopicJson {
  id: string;
  name: string;
  parentId: string | null;
}

/** What a resource's card shows (lists, the Toolkit's front, a collection, the home page). */
const summaryColumns = {
  id: resources.id,
  communityId: resources.communityId,
  communitySlug: communities.slug,
  communityName: communities.name,
  kind: resources.kind,
  title: resources.title,
  description: resources.description,
  body: resources.body,
  url: resources.url,
  fileName: resources.fileName,
  fileMime: resources.fileMime,
  fileSize: resources.fileSize,
  featuredAt: resources.featuredAt,
  viewCount: resources.viewCount,
  downloadCount: resources.downloadCount,
  useCount: resources.useCount,
  createdAt: resources.createdAt,
  createdExact: exactTimestamp(resources.createdAt),
  updatedAt: resources.updatedAt,
  authorId: resources.authorId,
  authorName: resourceAuthor.displayName,
  authorPhoto: resourceAuthor.photoPath,
  authorUpdatedAt: resourceAuthor.updatedAt,
  commentCount: sql<number>`coalesce((select t.reply_count from ${threads} t
    where t.resource_id = ${resources.id} and t.deleted_at is null), 0)`.mapWith(Number),
  topics: sql<TopicJson[]>`coalesce((select json_agg(json_build_object('id', tp.id, 'name', tp.name,
      'parentId', tp.parent_id) order by lower(tp.name))
    from resource_topics rt join ${toolkitTopics} tp on tp.id = rt.topic_id
    where rt.resource_id = ${resources.id}), '[]'::json)`,
};

function summaries(db: Db) {
  return db
    .select(summaryColumns)
    .from(resources)
    .innerJoin(communities, eq(communities.id, resources.communityId))
    .leftJoin(resourceAuthor, eq(resourceAuthor.id, resources.authorId));
}

/** A resource as its card shows it. */
export type ResourceSummaryRow = Awaited<ReturnType<typeof listFeaturedResources>>[number];

export type ResourceSort = 'newest' | 'popular' | 'title';

export interface ResourceFilter {
  q?: string | undefined;
  kind?: ResourceKind | undefined;
  topicId?: string | undefined;
  collectionId?: string | undefined;
  sort: ResourceSort;
  cursor?: string | undefined;
  limit: number;
}

/** An offset cursor, for orders with no cheap keyset (rank, title, popularity, a collection's order). */
function offsetOf(cursor: string | undefined): number {
  const decoded = decodeCursor(cursor, 2);
  if (!decoded) return 0;
  const [tag, offset] = decoded;
  if (tag !== 'o' || typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0)
    throw new AppError('validation_failed', 'errors.request.cursor', {
      cursor: 'not a cursor from this list',
    });
  return offset;
}

/** Resources filed under a topic or under one of its sub-topics. */
const underTopic = (topicId: string) => sql`exists (select 1 from resource_topics rt
  join ${toolkitTopics} tp on tp.id = rt.topic_id
  where rt.resource_id = ${resources.id} and (tp.id = ${topicId} or tp.parent_id = ${topicId}))`;

/**
 * A community's resources that are not deleted, filtered by words (websearch syntax, ranked), kind,
 * topic (with its sub-topics) or collection (in the collection's order), newest first by default.
 */
export async function listResources(db: Db, communityId: string, filter: ResourceFilter) {
  const query = filter.q ? sql`copse_tsquery(${filter.q})` : undefined;
  const conditions = and(
    eq(resources.communityId, communityId),
    isNull(resources.deletedAt),
    filter.kind ? eq(resources.kind, filter.kind) : undefined,
    filter.topicId ? underTopic(filter.topicId) : undefined,
    query ? sql`${resources.search} @@ ${query}` : undefined,
  );
  const limit = filter.limit;
  if (!query && !filter.collectionId && filter.sort === 'newest') {
    const rows = await summaries(db)
      .where(and(conditions, rowsAfter(resources.createdAt, resources.id, filter.cursor)))
      .orderBy(desc(resources.createdAt), desc(resources.id))
      .limit(limit + 1);
    const { page, nextCursor } = pageOf(rows, limit, (row) => ({ at: row.createdExact, id: row.id }));
    return { rows: page, nextCursor };
  }
  const offset = offsetOf(filter.cursor);
  const base = summaries(db).$dynamic();
  const inCollection = filter.collectionId
    ? base.innerJoin(
        collectionResources,
        and(
          eq(collectionResources.resourceId, resources.id),
          eq(collectionResources.collectionId, filter.collectionId),
        ),
      )
    : base;
  const order: SQL[] = filter.collectionId
    ? [asc(collectionResources.position), asc(resources.id)]
    : query
      ? [sql`ts_rank(${resources.search}, ${query}) desc`, desc(resources.id)]
      : filter.sort === 'popular'
        ? [sql`${resources.viewCount} desc nulls last`, sql`${resources.id} desc nulls last`]
        : filter.sort === 'title'
          ? [sql`lower(${resources.title})`, asc(resources.id)]
          : [desc(resources.createdAt), desc(resources.id)];
  const rows = await inCollection
    .where(conditions)
    .orderBy(...order)
    .limit(limit + 1)
    .offset(offset);
  return {
    rows: rows.slice(0, limit),
    nextCursor: rows.length > limit ? encodeCursor(['o', offset + limit]) : null,
  };
}

/** A community's featured resources, most recently featured first. */
export function listFeaturedResources(db: Db, communityId: string, limit: number) {
  return summaries(db)
    .where(
      and(
        eq(resources.communityId, communityId),
        sql`${resources.featuredAt} is not null`,
        isNull(resources.deletedAt),
      ),
    )
    .orderBy(desc(resources.featuredAt), desc(resources.id))
    .limit(limit);
}

/** The featured resources of a member's communities, most recently featured first (the home page). */
export function listFeaturedForMember(db: Db, userId: string, limit: number) {
  return featuredForMemberStatement(db, limit).execute({ userId });
}

const featuredForMemberStatement = preparedByShape(
  (limit: number) => `featured_for_member_${limit}`,
  (db, limit) =>
    summaries(db)
      .where(
        and(
          sql`${resources.communityId} in (select cm.community_id from ${communityMembers} cm
            where cm.user_id = ${sql.placeholder('userId')}::uuid and not cm.project_only)`,
          sql`${resources.featuredAt} is not null`,
          isNull(resources.deletedAt),
        ),
      )
      // The row count is written into the SQL: PostgreSQL cannot cost a generic plan for `limit $n`.
      .orderBy(desc(resources.featuredAt), sql`${resources.id} desc limit ${sql.raw(String(limit))}`),
);

/**
 * One resource (not deleted) with its card, its content, its community's rule-relevant fields, the
 * reader's membership (and whether they are suspended there), its discussion, the collections it is
 * in and the reader's own "I used this" record, in one query.
 */
export async function findResourceForActor(db: Db, resourceId: string, actorId: string | null) {
  const [row] = actorId
    ? await resourceForMember(db).execute({ resourceId, actorId })
    : await resourceForVisitor(db).execute({ resourceId });
  if (!row) return undefined;
  const { membershipRole, suspended, visibility, stage, joinPolicy, ...resource } = row;
  return {
    resource,
    community: {
      id: row.communityId,
      slug: row.communitySlug,
      name: row.communityName,
      visibility,
      stage,
      joinPolicy,
    },
    membership: membershipRole ? { role: membershipRole, suspended } : null,
  };
}

/** The resource page's query for a member or a visitor, as a named prepared statement. */
function resourceForActorQuery(db: Db, signedIn: boolean, name: string) {
  const actorId = signedIn ? sql.placeholder('actorId') : null;
  return db
    .select({
      ...summaryColumns,
      visibility: communities.visibility,
      stage: communities.stage,
      joinPolicy: communities.joinPolicy,
      membershipRole: communityMembers.role,
      suspended: suspendedIn(sql`${resources.communityId}`, actorId),
      videoProvider: resources.videoProvider,
      videoId: resources.videoId,
      fileKey: resources.fileKey,
      discussionId: sql<string | null>`(select t.id from ${threads} t
        where t.resource_id = ${resources.id} and t.deleted_at is null)`,
      collections: sql<{ id: string; title: string }[]>`coalesce((select json_agg(json_build_object(
          'id', c.id, 'title', c.title) order by lower(c.title))
        from ${collectionResources} cr join ${toolkitCollections} c on c.id = cr.collection_id
        where cr.resource_id = ${resources.id}), '[]'::json)`,
      viewerUse: actorId
        ? sql<ViewerUseJson | null>`(select json_build_object('id', u.id, 'kind', u.kind, 'story', u.story)
          from ${resourceUses} u where u.resource_id = ${resources.id} and u.user_id = ${actorId}::uuid
          order by u.created_at desc limit 1)`
        : sql<ViewerUseJson | null>`null`,
    })
    .from(resources)
    .innerJoin(communities, eq(communities.id, resources.communityId))
    .leftJoin(resourceAuthor, eq(resourceAuthor.id, resources.authorId))
    .leftJoin(communityMembers, actorMembershipOn(resources.communityId, actorId))
    .where(and(sql`${resources.id} = ${sql.placeholder('resourceId')}::uuid`, isNull(resources.deletedAt)))
    .prepare(name);
}
const resourceForMember = preparedFor((db) => resourceForActorQuery(db, true, 'resource_for_member'));
const resourceForVisitor = preparedFor((db) => resourceForActorQuery(db, false, 'resource_for_visitor'));

interface ViewerUseJson {
  id: string;
  kind: ResourceUseKind;
  story: string;
}

export type ResourceForActor = NonNullable<Awaited<ReturnType<typeof findResourceForActor>>>;

/** A community's topics (sub-topics after their parent), each with how many resources are under it. */
export async function listTopics(db: Db, communityId: string) {
  return db
    .select({
      id: toolkitTopics.id,
      name: toolkitTopics.name,
      parentId: toolkitTopics.parentId,
      resourceCount: sql<number>`(select count(*) from resource_topics rt
        join ${resources} r on r.id = rt.resource_id
        where rt.topic_id = toolkit_topics.id and r.deleted_at is null)`.mapWith(Number),
    })
    .from(toolkitTopics)
    .where(eq(toolkitTopics.communityId, communityId))
    .orderBy(sql`lower(${toolkitTopics.name})`, asc(toolkitTopics.id));
}

const collectionColumns = {
  id: toolkitCollections.id,
  communityId: toolkitCollections.communityId,
  title: toolkitCollections.title,
  description: toolkitCollections.description,
  createdAt: toolkitCollections.createdAt,
  resourceCount: sql<number>`(select count(*) from ${collectionResources} cr
    join ${resources} r on r.id = cr.resource_id
    where cr.collection_id = toolkit_collections.id and r.deleted_at is null)`.mapWith(Number),
};

/** A community's collections, newest first, with how many resources each holds. */
export function listCollections(db: Db, communityId: string) {
  return db
    .select(collectionColumns)
    .from(toolkitCollections)
    .where(eq(toolkitCollections.communityId, communityId))
    .orderBy(desc(toolkitCollections.createdAt), desc(toolkitCollections.id))
    .limit(100);
}

/** One collection by id. */
export async function findCollection(db: Db, collectionId: string) {
  const [row] = await db
    .select(collectionColumns)
    .from(toolkitCollections)
    .where(eq(toolkitCollections.id, collectionId))
    .limit(1);
  return row;
}

/** How many resources (not deleted) a community's Toolkit holds. */
export async function countResources(db: Db, communityId: string): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)`.mapWith(Number) })
    .from(resources)
    .where(and(eq(resources.communityId, communityId), isNull(resources.deletedAt)));
  return row?.count ?? 0;
}

/** A resource's "I used this" records, newest first, one keyset page at a time. */
export async function listResourceUses(
  db: Db,
  resourceId: string,
  page: { cursor?: string | undefined; limit: number },
) {
  const person = alias(users, 'use_person');
  const rows = await db
    .select({
      id: resourceUses.id,
      kind: resourceUses.kind,
      story: resourceUses.story,
      createdAt: resourceUses.createdAt,
      exact: exactTimestamp(resourceUses.createdAt),
      userId: resourceUses.userId,
      personName: person.displayName,
      personPhoto: person.photoPath,
      personUpdatedAt: person.updatedAt,
    })
    .from(resourceUses)
    .leftJoin(person, eq(person.id, resourceUses.userId))
    .where(
      and(
        eq(resourceUses.resourceId, resourceId),
        rowsAfter(resourceUses.createdAt, resourceUses.id, page.cursor),
      ),
    )
    .orderBy(desc(resourceUses.createdAt), desc(resourceUses.id))
    .limit(page.limit + 1);
  const { page: found, nextCursor } = pageOf(rows, page.limit, (row) => ({ at: row.exact, id: row.id }));
  return { rows: found, nextCursor };
}
