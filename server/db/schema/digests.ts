import { index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { communities } from './communities.ts';
import { digestFrequencyEnum, emailChoiceEnum } from './notifications.ts';

/**
 * A member's email choice for one community (#16 §3): it overrides their per-kind choices for every
 * notification from that community, and sets how often that community appears in their digest. A
 * missing row means the per-kind choices apply.
 */
export const communityEmailPreferences = pgTable(
  'community_email_preferences',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    email: emailChoiceEnum('email').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.communityId] }),
    index('community_email_preferences_community_idx').on(t.communityId),
  ],
);

/**
 * The digests sent: one row per member, frequency and period (the member's local day `2026-12-07`, or
 * ISO week `2026-W50`), inserted by the statement that claims it, so a digest job that runs twice
 * sends once. `sentAt` is where the next digest of that frequency starts looking for what is new.
 */
export const digests = pgTable(
  'digests',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    frequency: digestFrequencyEnum('frequency').notNull(),
    period: text('period').notNull(),
    items: integer('items').notNull().default(0),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.frequency, t.period] }),
    index('digests_last_idx').on(t.userId, t.frequency, t.sentAt),
  ],
);
