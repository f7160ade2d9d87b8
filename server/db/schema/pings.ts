import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type { MembershipRole, PingAudience, PingKind, PingResultsVisibility } from '../../../common/enums.ts';
import { users } from './accounts.ts';
import { communities } from './communities.ts';
import { threads } from './discussions.ts';

/** The results an anonymous Ping shows: published in batches of five answers (#16 §1). */
export interface PingSnapshot {
  answers: number;
  counts: number[];
  texts: string[];
}

/**
 * A Ping (#16 §1): a leader's quick question, open text or one of 2–10 choices, to a fixed set of
 * recipients (`ping_recipients`), open from `opensAt` until `closesAt` (or `closedAt`, when closed
 * early). `answerCount` is the number of recipients who answered, kept by the answer service, so the
 * response rate needs no count. An anonymous Ping's results are the `snapshot`, rewritten every fifth
 * answer.
 */
export const pings = pgTable(
  'pings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    question: text('question').notNull(),
    kind: text('kind').$type<PingKind>().notNull(),
    choices: jsonb('choices').$type<string[]>().notNull().default([]),
    audience: text('audience').$type<PingAudience>().notNull(),
    audienceRole: text('audience_role').$type<MembershipRole>(),
    resultsVisibility: text('results_visibility').$type<PingResultsVisibility>().notNull(),
    anonymous: boolean('anonymous').notNull().default(false),
    opensAt: timestamp('opens_at', { withTimezone: true }).notNull().defaultNow(),
    closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** The discussion of its results, once someone starts it from the Ping's page. */
    threadId: uuid('thread_id').references(() => threads.id, { onDelete: 'set null' }),
    recipientCount: integer('recipient_count').notNull().default(0),
    answerCount: integer('answer_count').notNull().default(0),
    snapshot: jsonb('snapshot').$type<PingSnapshot>(),
  },
  (t) => [
    index('pings_community_opened_idx').on(t.communityId, t.opensAt, t.id),
    index('pings_author_idx').on(t.authorId),
    index('pings_thread_idx').on(t.threadId),
    check('pings_window', sql`${t.closesAt} > ${t.opensAt}`),
  ],
);

/**
 * Who a Ping was sent to, fixed when it was sent, and whether they have answered. For an anonymous
 * Ping `answeredAt` is only the day (midnight UTC), and nothing here says what they answered.
 */
export const pingRecipients = pgTable(
  'ping_recipients',
  {
    pingId: uuid('ping_id')
      .notNull()
      .references(() => pings.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.pingId, t.userId] }),
    index('ping_recipients_user_idx').on(t.userId, t.pingId),
  ],
);

/** The answers to a Ping that is not anonymous: one per recipient, changed while the Ping is open. */
export const pingAnswers = pgTable(
  'ping_answers',
  {
    pingId: uuid('ping_id')
      .notNull()
      .references(() => pings.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    choice: integer('choice'),
    text: text('text'),
    answeredAt: timestamp('answered_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.pingId, t.userId] }), index('ping_answers_user_idx').on(t.userId)],
);

/**
 * The answers to an anonymous Ping: no person, no precise time (only the day), a random id. Who
 * answered is in `ping_recipients`, with no shared id; nothing links the two.
 */
export const pingAnonymousAnswers = pgTable(
  'ping_anonymous_answers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    pingId: uuid('ping_id')
      .notNull()
      .references(() => pings.id, { onDelete: 'cascade' }),
    choice: integer('choice'),
    text: text('text'),
    createdOn: date('created_on').notNull().default(sql`(now() at time zone 'UTC')::date`),
  },
  (t) => [index('ping_anonymous_answers_ping_idx').on(t.pingId)],
);

/**
 * One-click answer links from the Ping's email: the SHA-256 of a random 256-bit token per recipient
 * and choice, working until the Ping closes. A used link of a Ping that is not anonymous keeps
 * `usedAt`; answering an anonymous Ping deletes all the recipient's links (a used link kept with its
 * choice would say what they answered).
 */
export const pingAnswerLinks = pgTable(
  'ping_answer_links',
  {
    tokenHash: text('token_hash').primaryKey(),
    pingId: uuid('ping_id')
      .notNull()
      .references(() => pings.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    choice: integer('choice').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [
    index('ping_answer_links_recipient_idx').on(t.pingId, t.userId),
    index('ping_answer_links_user_idx').on(t.userId),
  ],
);
