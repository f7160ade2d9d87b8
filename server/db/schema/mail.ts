import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { mailStatuses } from '../../../common/enums.ts';
import { users } from './accounts.ts';

export const mailStatusEnum = pgEnum('mail_status', mailStatuses);

/**
 * Every email Copse sends or would send (an outbox). Written in the same transaction as the change that
 * caused it; the `email.send` job delivers it by SMTP or, with no SMTP configured, marks it stored.
 */
export const mailMessages = pgTable(
  'mail_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    toAddress: text('to_address').notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body').notNull(),
    /** Extra headers: List-Id, List-Unsubscribe and List-Unsubscribe-Post on notification emails. */
    headers: jsonb('headers').$type<Record<string, string>>(),
    status: mailStatusEnum('status').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    error: text('error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    index('mail_messages_created_at_idx').on(t.createdAt, t.id),
    index('mail_messages_to_address_idx').on(t.toAddress, t.createdAt),
    index('mail_messages_user_id_idx').on(t.userId),
    index('mail_messages_status_idx').on(t.status, t.createdAt),
  ],
);
