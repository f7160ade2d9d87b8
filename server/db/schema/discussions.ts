import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  check,
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
import { threadKinds } from '../../../common/enums.ts';
import { users } from './accounts.ts';
import { communities } from './communities.ts';
import { meetings } from './meetings.ts';
import { resources } from './toolkit.ts';
import { tsvector } from './types.ts';

export const threadKindEnum = pgEnum('thread_kind', threadKinds);

/**
 * Discussion threads of a community: the opening post is the thread's own title and body. Deleting is
 * soft (`deletedAt`), so replies keep their context. `replyCount` and `lastActivityAt` are kept by the
 * services, so lists sort from an index without counting. A thread may belong to a meeting (its
 * follow-up discussion).
 */
export const threads = pgTable(
  'threads',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    kind: threadKindEnum('kind').notNull().default('discussion'),
    title: text('title').notNull(),
    body: text('body').notNull(),
    meetingId: uuid('meeting_id').references(() => meetings.id, { onDelete: 'set null' }),
    /** Set on a Toolkit resource's own discussion (one per resource). */
    resourceId: uuid('resource_id').references(() => resources.id, { onDelete: 'cascade' }),
    helpfulPostId: uuid('helpful_post_id').references((): AnyPgColumn => posts.id, { onDelete: 'set null' }),
    pinnedAt: timestamp('pinned_at', { withTimezone: true }),
    lockedAt: timestamp('locked_at', { withTimezone: true }),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    /** Hidden by a moderator: only moderators see it (marked hidden); it can be restored. */
    hiddenAt: timestamp('hidden_at', { withTimezone: true }),
    replyCount: integer('reply_count').notNull().default(0),
    lastActivityAt: timestamp('last_activity_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    editedAt: timestamp('edited_at', { withTimezone: true }),
    search: tsvector('search')
      .notNull()
      .generatedAlwaysAs(sql`setweight(copse_tsvector(title), 'A') || setweight(copse_tsvector(body), 'B')`),
  },
  (t) => [
    index('threads_community_activity_idx').on(t.communityId, t.lastActivityAt, t.id),
    index('threads_community_pinned_idx').on(t.communityId).where(sql`${t.pinnedAt} is not null`),
    // A community's latest announcements (the home page); search's newest-first candidates.
    index('threads_community_announcements_idx')
      .on(t.communityId, t.createdAt, t.id)
      .where(sql`${t.kind} = 'announcement'`),
    index('threads_activity_idx').on(t.lastActivityAt, t.id),
    // The leaders' suggestions (#17 §3): a community's questions nobody has answered yet, oldest first.
    index('threads_community_unanswered_idx')
      .on(t.communityId, t.createdAt)
      .where(
        sql`${t.kind} = 'question' and ${t.replyCount} = 0 and ${t.deletedAt} is null and ${t.hiddenAt} is null`,
      ),
    // The dashboard's questions (#17 §1): a community's threads posted in a range.
    index('threads_community_created_idx').on(t.communityId, t.createdAt).where(sql`${t.deletedAt} is null`),
    // Search: the newest threads that match a common word (best match ranks those).
    index('threads_created_idx').on(t.createdAt, t.id),
    index('threads_author_idx').on(t.authorId),
    index('threads_meeting_idx').on(t.meetingId),
    uniqueIndex('threads_resource_idx').on(t.resourceId),
    index('threads_helpful_post_idx').on(t.helpfulPostId),
    index('threads_search_idx').using('gin', t.search),
    check('threads_reply_count_nonnegative', sql`${t.replyCount} >= 0`),
  ],
);

/** Replies in a thread, flat or one level under another reply (`parentId`). */
export const posts = pgTable(
  'posts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    threadId: uuid('thread_id')
      .notNull()
      .references(() => threads.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    parentId: uuid('parent_id').references((): AnyPgColumn => posts.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    editedAt: timestamp('edited_at', { withTimezone: true }),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    hiddenAt: timestamp('hidden_at', { withTimezone: true }),
    /** English, Dutch and Italian stems of the body, accents folded (`copse_tsvector`, migration 0011). */
    search: tsvector('search').notNull().generatedAlwaysAs(sql`copse_tsvector(body)`),
  },
  (t) => [
    index('posts_thread_created_idx').on(t.threadId, t.createdAt, t.id),
    // Search walks replies newest first and stops at its candidates for a common word.
    index('posts_created_idx').on(t.createdAt, t.id),
    index('posts_author_idx').on(t.authorId),
    index('posts_parent_idx').on(t.parentId),
    index('posts_search_idx').using('gin', t.search),
  ],
);

/** Earlier versions of a thread's opening post or of a reply: the edit history. */
export const postRevisions = pgTable(
  'post_revisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    threadId: uuid('thread_id').references(() => threads.id, { onDelete: 'cascade' }),
    postId: uuid('post_id').references(() => posts.id, { onDelete: 'cascade' }),
    title: text('title'),
    body: text('body').notNull(),
    editedBy: uuid('edited_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('post_revisions_thread_idx').on(t.threadId, t.createdAt),
    index('post_revisions_post_idx').on(t.postId, t.createdAt),
    index('post_revisions_edited_by_idx').on(t.editedBy),
    check('post_revisions_one_target', sql`(${t.threadId} is null) <> (${t.postId} is null)`),
  ],
);

/** Who follows a thread (told of new replies); authors and repliers follow automatically. */
export const threadFollows = pgTable(
  'thread_follows',
  {
    threadId: uuid('thread_id')
      .notNull()
      .references(() => threads.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.threadId, t.userId] }), index('thread_follows_user_idx').on(t.userId)],
);

/** When each person last read a thread: what is new to them (unread markers). */
export const threadReads = pgTable(
  'thread_reads',
  {
    threadId: uuid('thread_id')
      .notNull()
      .references(() => threads.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    lastReadAt: timestamp('last_read_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.threadId, t.userId] }), index('thread_reads_user_idx').on(t.userId)],
);

/** Reactions to a thread's opening post (`postId` null) or to a reply; one of each emoji per person. */
export const reactions = pgTable(
  'reactions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    threadId: uuid('thread_id')
      .notNull()
      .references(() => threads.id, { onDelete: 'cascade' }),
    postId: uuid('post_id').references(() => posts.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    emoji: text('emoji').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('reactions_thread_idx').on(t.threadId),
    index('reactions_post_idx').on(t.postId),
    index('reactions_user_idx').on(t.userId),
    // nulls not distinct is PostgreSQL 15+; coalesce keeps "one per person" on the opening post too.
    uniqueIndex('reactions_one_per_person').on(
      t.threadId,
      sql`coalesce(${t.postId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
      t.userId,
      t.emoji,
    ),
  ],
);

export const reportStatusEnum = pgEnum('report_status', ['open', 'hidden', 'dismissed']);

/** A member's report of a thread's opening post (`postId` null) or a reply, with a reason. */
export const reports = pgTable(
  'reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    threadId: uuid('thread_id')
      .notNull()
      .references(() => threads.id, { onDelete: 'cascade' }),
    postId: uuid('post_id').references(() => posts.id, { onDelete: 'cascade' }),
    reporterId: uuid('reporter_id').references(() => users.id, { onDelete: 'set null' }),
    reason: text('reason').notNull(),
    status: reportStatusEnum('status').notNull().default('open'),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('reports_community_status_idx').on(t.communityId, t.status, t.createdAt, t.id),
    index('reports_status_idx').on(t.status, t.createdAt, t.id),
    index('reports_thread_idx').on(t.threadId),
    index('reports_post_idx').on(t.postId),
    index('reports_reporter_idx').on(t.reporterId),
    index('reports_decided_by_idx').on(t.decidedBy),
    uniqueIndex('reports_one_open_per_reporter')
      .on(t.threadId, sql`coalesce(${t.postId}, '00000000-0000-0000-0000-000000000000'::uuid)`, t.reporterId)
      .where(sql`${t.status} = 'open'`),
  ],
);

/** Every moderation action in a community: who hid, restored, dismissed, pinned or locked what. */
export const moderationActions = pgTable(
  'moderation_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    threadId: uuid('thread_id').references(() => threads.id, { onDelete: 'cascade' }),
    postId: uuid('post_id').references(() => posts.id, { onDelete: 'cascade' }),
    /** The person acted on (suspended or reinstated). */
    subjectUserId: uuid('subject_user_id').references(() => users.id, { onDelete: 'set null' }),
    resourceId: uuid('resource_id').references(() => resources.id, { onDelete: 'cascade' }),
    note: text('note').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('moderation_actions_community_idx').on(t.communityId, t.createdAt, t.id),
    index('moderation_actions_actor_idx').on(t.actorId),
    index('moderation_actions_thread_idx').on(t.threadId),
    index('moderation_actions_post_idx').on(t.postId),
    index('moderation_actions_subject_user_idx').on(t.subjectUserId),
    index('moderation_actions_resource_idx').on(t.resourceId),
  ],
);
