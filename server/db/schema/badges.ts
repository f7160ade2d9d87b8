import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { BadgeKind } from '../../../common/enums.ts';
import { users } from './accounts.ts';
import { communities } from './communities.ts';

/**
 * Badges a member earned in a community for a contribution (#16 §4: first post, first helpful answer, a
 * resource used 25 times, host of three meetings), each once per member, community and kind, recorded
 * in the transaction of the action that earned it. Shown on the member's profile unless they hide them
 * (`users.show_badges`).
 */
export const memberBadges = pgTable(
  'member_badges',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<BadgeKind>().notNull(),
    earnedAt: timestamp('earned_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('member_badges_key_idx').on(t.userId, t.communityId, t.kind),
    index('member_badges_community_idx').on(t.communityId),
  ],
);
