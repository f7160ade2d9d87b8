import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { MilestoneKind } from '../../../common/enums.ts';
import { users } from './accounts.ts';
import { communities } from './communities.ts';

/**
 * A community's own milestones (#16 §4): its first meeting held, 10, 50 and 100 members, a resource
 * used ten times, its first year. Recorded once each (`key`: the kind, with the resource's id for a
 * resource's milestone) in the transaction of the action that reached it. `celebrated` is false for
 * the milestones already passed when milestones began to be recorded: kept quietly, not announced.
 * Leaders may add a word to the celebration (`note`).
 */
export const communityMilestones = pgTable(
  'community_milestones',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<MilestoneKind>().notNull(),
    /** The resource, for `resource_used_10`; the meeting, for `first_meeting`. */
    subjectId: uuid('subject_id'),
    key: text('key').notNull(),
    reachedAt: timestamp('reached_at', { withTimezone: true }).notNull().defaultNow(),
    celebrated: boolean('celebrated').notNull().default(true),
    note: text('note'),
    noteBy: uuid('note_by').references(() => users.id, { onDelete: 'set null' }),
    noteAt: timestamp('note_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('community_milestones_key_idx').on(t.communityId, t.key),
    index('community_milestones_community_time_idx').on(t.communityId, t.reachedAt),
    index('community_milestones_celebrated_time_idx').on(t.reachedAt).where(sql`${t.celebrated}`),
  ],
);
