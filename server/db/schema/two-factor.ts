import {
  bigint,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';

/**
 * A person's TOTP authenticator (RFC 6238). `secretEncrypted` is the secret sealed with the application
 * key (server/lib/crypto.ts), never sent out after set-up; `enabledAt` is null while being set up (not
 * yet confirmed with a code). `lastUsedStep` is the 30-second step of the last code accepted: a code is
 * refused unless its step is later (no replay within its window).
 */
export const twoFactorCredentials = pgTable('two_factor_credentials', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  secretEncrypted: text('secret_encrypted').notNull(),
  enabledAt: timestamp('enabled_at', { withTimezone: true }),
  lastUsedStep: bigint('last_used_step', { mode: 'number' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** One-time recovery codes, stored as keyed hashes; `usedAt` is set when one is spent. */
export const twoFactorRecoveryCodes = pgTable(
  'two_factor_recovery_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('two_factor_recovery_codes_user_code_unique').on(t.userId, t.codeHash)],
);

export const signinChallengeStepEnum = pgEnum('signin_challenge_step', ['code', 'enrol']);

/**
 * A sign-in waiting for its second step, after a correct password or a followed sign-in link: `code`
 * (enter a code from the authenticator or a recovery code) or `enrol` (set two-factor up first, for roles
 * that require it). `id` is the SHA-256 of the token the client holds; single use, short-lived, and
 * refused after a few wrong codes.
 */
export const signinChallenges = pgTable(
  'signin_challenges',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    step: signinChallengeStepEnum('step').notNull(),
    failures: integer('failures').notNull().default(0),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('signin_challenges_user_id_idx').on(t.userId),
    index('signin_challenges_expires_at_idx').on(t.expiresAt),
  ],
);
