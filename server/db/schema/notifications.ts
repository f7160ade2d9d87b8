import { sql } from 'drizzle-orm';
import { index, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { digestFrequencies, emailChoices } from '../../../common/enums.ts';
import type { NotificationParams } from '../../lib/notification-params.ts';
import { users } from './accounts.ts';
import { communities } from './communities.ts';

export const emailChoiceEnum = pgEnum('email_choice', emailChoices);
/** Declared here (not in digests.ts) because notifications use it too and digests.ts imports this file. */
export const digestFrequencyEnum = pgEnum('digest_frequency', digestFrequencies);

/**
 * In-app notifications; `kind` is one of common/enums.ts notificationKinds. `title_key` and `body_key`
 * are catalog message ids (the `notify` area) translated for whoever reads them, filled from `params`
 * (names of things, inserted as they are); `title` and `body` keep the English text, and are what rows
 * written before the keys existed show.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    titleKey: text('title_key'),
    bodyKey: text('body_key'),
    params: jsonb('params').$type<NotificationParams>(),
    url: text('url').notNull().default('/'),
    /** The community it comes from, when it does: the member's choice for that community applies. */
    communityId: uuid('community_id').references(() => communities.id, { onDelete: 'cascade' }),
    /** Waiting for the member's daily or weekly digest instead of an email of its own (#16 §3). */
    digest: digestFrequencyEnum('digest'),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('notifications_user_created_idx').on(t.userId, t.createdAt, t.id),
    index('notifications_user_unread_idx').on(t.userId).where(sql`${t.readAt} is null`),
    index('notifications_community_idx').on(t.communityId),
    index('notifications_digest_idx')
      .on(t.userId, t.digest, t.createdAt)
      .where(sql`${t.digest} is not null and ${t.readAt} is null`),
  ],
);

/** A member's email choice per notification kind; a missing row means the kind's default. */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    email: emailChoiceEnum('email').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);
