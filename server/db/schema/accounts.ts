import { sql } from 'drizzle-orm';
import { boolean, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { personKinds, userRoles } from '../../../common/enums.ts';
import { units } from './institution.ts';
import { tsvector } from './types.ts';

export const userRoleEnum = pgEnum('user_role', userRoles);
export const personKindEnum = pgEnum('person_kind', personKinds);
export const emailTokenPurposeEnum = pgEnum('email_token_purpose', [
  'verify_email',
  'reset_password',
  'signin_link',
]);

/** People with an account. `searchDocument` is kept by the application; `search` is derived from it. */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    passwordHash: text('password_hash').notNull(),
    displayName: text('display_name').notNull(),
    pronouns: text('pronouns').notNull().default(''),
    unitId: uuid('unit_id').references(() => units.id, { onDelete: 'set null' }),
    kind: personKindEnum('kind').notNull().default('staff'),
    bio: text('bio').notNull().default(''),
    interests: text('interests').array().notNull().default(sql`'{}'::text[]`),
    expertise: text('expertise').array().notNull().default(sql`'{}'::text[]`),
    photoPath: text('photo_path'),
    timeZone: text('time_zone').notNull().default('UTC'),
    /** The language Copse speaks to them ('en', 'nl', 'it'); null until chosen: the browser's, else the institution's. */
    language: text('language'),
    /** Meeting reminders the member wants: a day before, an hour before (email per notification settings). */
    remindDayBefore: boolean('remind_day_before').notNull().default(true),
    remindHourBefore: boolean('remind_hour_before').notNull().default(true),
    /** Whether others see the member's badges on their profile (they may hide them). */
    showBadges: boolean('show_badges').notNull().default(true),
    role: userRoleEnum('role').notNull().default('member'),
    emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
    suspendedAt: timestamp('suspended_at', { withTimezone: true }),
    /**
     * When the account was erased (#19): the row stays as a tombstone (its id keeps the figures and the
     * audit log whole) with every personal field cleared; the erasures ledger holds the same fact.
     */
    erasedAt: timestamp('erased_at', { withTimezone: true }),
    searchDocument: text('search_document').notNull().default(''),
    search: tsvector('search')
      .notNull()
      .generatedAlwaysAs(sql`to_tsvector('simple'::regconfig, search_document)`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_email_unique').on(t.email),
    index('users_unit_id_idx').on(t.unitId),
    index('users_role_idx').on(t.role),
    index('users_display_name_idx').on(sql`lower(${t.displayName})`, t.id),
    index('users_created_at_idx').on(t.createdAt, t.id),
    index('users_search_idx').using('gin', t.search),
    index('users_expertise_idx').using('gin', t.expertise),
  ],
);

/** Signed-in sessions; `id` is the SHA-256 of the cookie token, so a database leak gives no sessions. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    userAgent: text('user_agent').notNull().default(''),
    ip: text('ip').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_id_idx').on(t.userId), index('sessions_expires_at_idx').on(t.expiresAt)],
);

/** One-time tokens sent by email (confirm address, reset password, sign in by link); stored hashed. */
export const emailTokens = pgTable(
  'email_tokens',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: emailTokenPurposeEnum('purpose').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('email_tokens_user_id_idx').on(t.userId, t.purpose)],
);
