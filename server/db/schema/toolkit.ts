import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  check,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { resourceActivityKinds, resourceKinds, resourceUseKinds } from '../../../common/enums.ts';
import { users } from './accounts.ts';
import { communities } from './communities.ts';
import { tsvector } from './types.ts';

export const resourceKindEnum = pgEnum('resource_kind', resourceKinds);
export const resourceUseKindEnum = pgEnum('resource_use_kind', resourceUseKinds);
export const resourceActivityKindEnum = pgEnum('resource_activity_kind', resourceActivityKinds);

/**
 * A community's Toolkit resource: typed, with a Markdown description and one of a link (`url`; video
 * links also keep the provider and video id for a privacy-preserving embed), an uploaded file
 * (stored under the generated `fileKey`, outside the web root; `fileName` is only for display and
 * downloads) or Markdown text (`body`, for articles). Counts are kept by the services, so lists sort
 * and show them without counting. Deleting is soft. Its discussion is the thread whose `resourceId`
 * is this resource.
 */
export const resources = pgTable(
  'resources',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    kind: resourceKindEnum('kind').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    body: text('body').notNull().default(''),
    url: text('url'),
    videoProvider: text('video_provider'),
    videoId: text('video_id'),
    fileKey: text('file_key'),
    fileName: text('file_name'),
    fileMime: text('file_mime'),
    fileSize: integer('file_size'),
    featuredAt: timestamp('featured_at', { withTimezone: true }),
    featuredBy: uuid('featured_by').references(() => users.id, { onDelete: 'set null' }),
    viewCount: integer('view_count').notNull().default(0),
    downloadCount: integer('download_count').notNull().default(0),
    useCount: integer('use_count').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    search: tsvector('search')
      .notNull()
      .generatedAlwaysAs(
        sql`setweight(copse_tsvector(title), 'A') || setweight(copse_tsvector(description), 'B') || setweight(copse_tsvector(body), 'C')`,
      ),
  },
  (t) => [
    index('resources_community_created_idx').on(t.communityId, t.createdAt, t.id),
    index('resources_community_featured_idx')
      .on(t.communityId, t.featuredAt, t.id)
      .where(sql`${t.featuredAt} is not null and ${t.deletedAt} is null`),
    index('resources_featured_idx')
      .on(t.featuredAt, t.id)
      .where(sql`${t.featuredAt} is not null and ${t.deletedAt} is null`),
    // The Toolkit's other orders: most viewed and by title (a community's living resources).
    index('resources_community_views_idx')
      .on(t.communityId, t.viewCount.desc(), t.id.desc())
      .where(sql`${t.deletedAt} is null`),
    index('resources_community_title_idx')
      .on(t.communityId, sql`lower(${t.title})`, t.id)
      .where(sql`${t.deletedAt} is null`),
    // Search walks living resources newest first and stops at its candidates for a common word.
    index('resources_created_idx').on(t.createdAt, t.id).where(sql`${t.deletedAt} is null`),
    index('resources_author_idx').on(t.authorId),
    index('resources_featured_by_idx').on(t.featuredBy),
    uniqueIndex('resources_file_key_idx').on(t.fileKey),
    index('resources_search_idx').using('gin', t.search),
    check(
      'resources_counts_nonnegative',
      sql`${t.viewCount} >= 0 and ${t.downloadCount} >= 0 and ${t.useCount} >= 0`,
    ),
  ],
);

/** A community's Toolkit topics; a topic with a `parentId` is a sub-topic (one level). */
export const toolkitTopics = pgTable(
  'toolkit_topics',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    parentId: uuid('parent_id').references((): AnyPgColumn => toolkitTopics.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('toolkit_topics_name_idx').on(
      t.communityId,
      sql`coalesce(${t.parentId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
      sql`lower(${t.name})`,
    ),
    index('toolkit_topics_parent_idx').on(t.parentId),
  ],
);

/** Which topics a resource is filed under. */
export const resourceTopics = pgTable(
  'resource_topics',
  {
    resourceId: uuid('resource_id')
      .notNull()
      .references(() => resources.id, { onDelete: 'cascade' }),
    topicId: uuid('topic_id')
      .notNull()
      .references(() => toolkitTopics.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.resourceId, t.topicId] }),
    index('resource_topics_topic_idx').on(t.topicId),
  ],
);

/** A curated, ordered collection of a community's resources. */
export const toolkitCollections = pgTable(
  'toolkit_collections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('toolkit_collections_community_idx').on(t.communityId, t.createdAt, t.id),
    index('toolkit_collections_created_by_idx').on(t.createdBy),
  ],
);

export const collectionResources = pgTable(
  'collection_resources',
  {
    collectionId: uuid('collection_id')
      .notNull()
      .references(() => toolkitCollections.id, { onDelete: 'cascade' }),
    resourceId: uuid('resource_id')
      .notNull()
      .references(() => resources.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.collectionId, t.resourceId] }),
    index('collection_resources_order_idx').on(t.collectionId, t.position),
    index('collection_resources_resource_idx').on(t.resourceId),
  ],
);

/**
 * One row per person, resource, day and kind (view or download): the counters on `resources` rise
 * only when this insert adds a row, so each person counts once a day.
 */
export const resourceActivity = pgTable(
  'resource_activity',
  {
    resourceId: uuid('resource_id')
      .notNull()
      .references(() => resources.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    day: date('day').notNull(),
    kind: resourceActivityKindEnum('kind').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.resourceId, t.userId, t.day, t.kind] }),
    index('resource_activity_user_idx').on(t.userId),
  ],
);

/** "I used this": a member's record that they used or adapted a resource, and what happened. */
export const resourceUses = pgTable(
  'resource_uses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    resourceId: uuid('resource_id')
      .notNull()
      .references(() => resources.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    kind: resourceUseKindEnum('kind').notNull().default('used'),
    story: text('story').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('resource_uses_resource_idx').on(t.resourceId, t.createdAt, t.id),
    index('resource_uses_user_idx').on(t.userId),
  ],
);

/**
 * People suspended from a community by its leaders or the coordinators: they may still read what
 * the community lets them read, but not post, reply, react, report or add to the Toolkit, nor
 * rejoin, until `endsAt` (null: until lifted) or until it is lifted.
 */
export const communitySuspensions = pgTable(
  'community_suspensions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    reason: text('reason').notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }),
    suspendedBy: uuid('suspended_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    liftedAt: timestamp('lifted_at', { withTimezone: true }),
    liftedBy: uuid('lifted_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('community_suspensions_community_idx').on(t.communityId, t.createdAt, t.id),
    uniqueIndex('community_suspensions_one_active')
      .on(t.communityId, t.userId)
      .where(sql`${t.liftedAt} is null`),
    index('community_suspensions_user_idx').on(t.userId),
    index('community_suspensions_suspended_by_idx').on(t.suspendedBy),
    index('community_suspensions_lifted_by_idx').on(t.liftedBy),
  ],
);
