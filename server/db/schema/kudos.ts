import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { KudosSubject } from '../../../common/enums.ts';
import { users } from './accounts.ts';
import { communities } from './communities.ts';

/**
 * Kudos (#16 §4): a member thanks another for a contribution (a thread or reply, a Toolkit resource,
 * hosting a meeting) with a short message. One from each giver for each contribution.
 */
export const kudos = pgTable(
  'kudos',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    giverId: uuid('giver_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    receiverId: uuid('receiver_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    subjectType: text('subject_type').$type<KudosSubject>().notNull(),
    subjectId: uuid('subject_id').notNull(),
    message: text('message').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('kudos_giver_subject_idx').on(t.giverId, t.subjectType, t.subjectId),
    index('kudos_community_time_idx').on(t.communityId, t.createdAt),
    index('kudos_receiver_time_idx').on(t.receiverId, t.createdAt),
    index('kudos_subject_idx').on(t.subjectType, t.subjectId),
  ],
);
