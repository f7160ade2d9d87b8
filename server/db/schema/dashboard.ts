import { date, index, integer, pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { communities } from './communities.ts';
import { varbit } from './types.ts';

/**
 * The health dashboard's daily roll-up (#17 §1): one row per community and (UTC) day, written by the
 * nightly `dashboard.rollup` job from the event log. Re-running a day replaces its row (the key is the
 * community and the day). `members` is the count at the end of the day; `active30`/`active90` are the
 * distinct members active in the 30 and 90 days ending that day (the portfolio reads them).
 */
export const communityDayFigures = pgTable(
  'community_day_figures',
  {
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    day: date('day').notNull(),
    members: integer('members').notNull().default(0),
    joined: integer('joined').notNull().default(0),
    returning: integer('returning').notNull().default(0),
    left: integer('left').notNull().default(0),
    threads: integer('threads').notNull().default(0),
    replies: integer('replies').notNull().default(0),
    reactions: integer('reactions').notNull().default(0),
    attended: integer('attended').notNull().default(0),
    resourcesAdded: integer('resources_added').notNull().default(0),
    views: integer('views').notNull().default(0),
    downloads: integer('downloads').notNull().default(0),
    uses: integer('uses').notNull().default(0),
    pingAnswers: integer('ping_answers').notNull().default(0),
    surveyAnswers: integer('survey_answers').notNull().default(0),
    active: integer('active').notNull().default(0),
    active30: integer('active_30').notNull().default(0),
    active90: integer('active_90').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.communityId, t.day] }), index('community_day_figures_day_idx').on(t.day)],
);

/**
 * Who was active in a community on a (UTC) day: one row per community, day and person, so "distinct
 * members active in a window" is an index-only count over at most (window × active members) rows.
 * Only the kinds that count as taking part (see server/queries/dashboard-rollup.ts `activeKinds`), and
 * never an anonymous answer (those events carry no person).
 */
export const communityMemberDays = pgTable(
  'community_member_days',
  {
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    day: date('day').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.day, t.userId] }),
    index('community_member_days_day_idx').on(t.day),
    index('community_member_days_user_idx').on(t.userId),
  ],
);

/**
 * Each person's active days in a community as one bit string (#17 Benchmark): bit i is the day
 * `first_day + i` (UTC), set from `community_member_days` by the roll-up. "Distinct people active in a
 * window" is then one row a person (a bit test over the window), not one row a person and day: the
 * largest community's 90-day count reads about 7,500 rows instead of 200,000.
 */
export const communityMemberActivity = pgTable(
  'community_member_activity',
  {
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    firstDay: date('first_day').notNull(),
    days: varbit('days').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.userId] }),
    index('community_member_activity_user_idx').on(t.userId),
  ],
);
