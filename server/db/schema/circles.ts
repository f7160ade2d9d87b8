import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type { CircleMemberStatus, CircleState } from '../../../common/enums.ts';
import { users } from './accounts.ts';
import { communities } from './communities.ts';

/**
 * A peer learning circle (#18 §3): a small group (3–8) inside a community with a purpose and a time box
 * (`startsOn`–`endsOn`, 1–26 weeks). `state` is forming (gathering members), active (started with at
 * least three) or closed (by a member; a circle whose end date passed reads as closed too). An `open`
 * circle takes any member of the community who asks until it is full; others only whom its members invite.
 * Circles are private spaces: their posts and meetings live in their own tables, which no community-wide
 * list, search, feed or digest reads.
 */
export const circles = pgTable(
  'circles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    purpose: text('purpose').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    open: boolean('open').notNull().default(false),
    state: text('state').$type<CircleState>().notNull().default('forming'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('circles_community_created_idx').on(t.communityId, t.createdAt, t.id),
    index('circles_created_by_idx').on(t.createdBy),
    check('circles_time_box', sql`${t.endsOn} > ${t.startsOn}`),
  ],
);

/** Who is in a circle (`member`) or invited to it (`invited`, until they join or decline). */
export const circleMembers = pgTable(
  'circle_members',
  {
    circleId: uuid('circle_id')
      .notNull()
      .references(() => circles.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: text('status').$type<CircleMemberStatus>().notNull(),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.circleId, t.userId] }),
    index('circle_members_user_idx').on(t.userId),
    index('circle_members_invited_by_idx').on(t.invitedBy),
  ],
);

/** A circle's own discussion: short posts, seen by its members only. */
export const circlePosts = pgTable(
  'circle_posts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    circleId: uuid('circle_id')
      .notNull()
      .references(() => circles.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('circle_posts_circle_created_idx').on(t.circleId, t.createdAt, t.id),
    index('circle_posts_author_idx').on(t.authorId),
  ],
);

/** A circle's own meetings (a time, a length and a place or link), seen by its members only. */
export const circleMeetings = pgTable(
  'circle_meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    circleId: uuid('circle_id')
      .notNull()
      .references(() => circles.id, { onDelete: 'cascade' }),
    organiserId: uuid('organiser_id').references(() => users.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    place: text('place').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('circle_meetings_circle_starts_idx').on(t.circleId, t.startsAt),
    index('circle_meetings_organiser_idx').on(t.organiserId),
  ],
);

/** One closing reflection per member, written once the circle has ended. */
export const circleReflections = pgTable(
  'circle_reflections',
  {
    circleId: uuid('circle_id')
      .notNull()
      .references(() => circles.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    writtenAt: timestamp('written_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.circleId, t.userId] }), index('circle_reflections_user_idx').on(t.userId)],
);
