import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { StoryStatus, SuggestionKind } from '../../../common/contracts/stories.ts';
import { users } from './accounts.ts';
import { communities } from './communities.ts';
import { threads } from './discussions.ts';
import { meetings } from './meetings.ts';
import { resources, resourceUses } from './toolkit.ts';

/**
 * Value-creation stories (#17 §2), after Wenger, Trayner and de Laat (2011): a member's account of the
 * value the community created for them, in five cycles (immediate, potential, applied, realised,
 * transformative), each a text that may be empty. `status` hides a story from the community (leaders and
 * the author still see it); `featuredAt` puts it first and in the value-creation matrix's examples. A
 * story may start from the author's "I used this" record of a resource (`resourceUseId`).
 */
export const valueStories = pgTable(
  'value_stories',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    immediate: text('immediate').notNull().default(''),
    potential: text('potential').notNull().default(''),
    applied: text('applied').notNull().default(''),
    realised: text('realised').notNull().default(''),
    transformative: text('transformative').notNull().default(''),
    status: text('status').$type<StoryStatus>().notNull().default('published'),
    featuredAt: timestamp('featured_at', { withTimezone: true }),
    featuredBy: uuid('featured_by').references(() => users.id, { onDelete: 'set null' }),
    resourceUseId: uuid('resource_use_id').references(() => resourceUses.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The list (newest first, keyset) and the matrix's counts read this one.
    index('value_stories_community_created_idx').on(t.communityId, t.createdAt, t.id),
    index('value_stories_community_featured_idx')
      .on(t.communityId, t.featuredAt)
      .where(sql`${t.featuredAt} is not null`),
    index('value_stories_author_idx').on(t.authorId),
    index('value_stories_featured_by_idx').on(t.featuredBy),
    index('value_stories_resource_use_idx').on(t.resourceUseId),
  ],
);

/** What a story links to: exactly one meeting, thread or resource per row. */
export const valueStoryLinks = pgTable(
  'value_story_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    storyId: uuid('story_id')
      .notNull()
      .references(() => valueStories.id, { onDelete: 'cascade' }),
    meetingId: uuid('meeting_id').references(() => meetings.id, { onDelete: 'cascade' }),
    threadId: uuid('thread_id').references(() => threads.id, { onDelete: 'cascade' }),
    resourceId: uuid('resource_id').references(() => resources.id, { onDelete: 'cascade' }),
  },
  (t) => [
    index('value_story_links_story_idx').on(t.storyId),
    index('value_story_links_meeting_idx').on(t.meetingId),
    index('value_story_links_thread_idx').on(t.threadId),
    index('value_story_links_resource_idx').on(t.resourceId),
    check(
      'value_story_links_one_subject',
      sql`num_nonnulls(${t.meetingId}, ${t.threadId}, ${t.resourceId}) = 1`,
    ),
  ],
);

/**
 * A suggestion the leaders dismissed (#17 §3), per community, kind and subject (a thread, an action item
 * with its due date, the last meeting held…). `level` is how strong the signal was (participation: the
 * drop in tens of percent): the suggestion comes back for a new subject, or when the signal grows.
 */
export const suggestionDismissals = pgTable(
  'suggestion_dismissals',
  {
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<SuggestionKind>().notNull(),
    subject: text('subject').notNull(),
    level: integer('level').notNull().default(0),
    dismissedBy: uuid('dismissed_by').references(() => users.id, { onDelete: 'set null' }),
    dismissedAt: timestamp('dismissed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.kind, t.subject] }),
    index('suggestion_dismissals_dismissed_by_idx').on(t.dismissedBy),
  ],
);
