import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';

/** Who did what to what: administrative and security-relevant actions. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('audit_log_created_at_idx').on(t.createdAt, t.id),
    // The search's filters, each newest first (admin audit search, #19).
    index('audit_log_action_created_at_idx').on(t.action, t.createdAt, t.id),
    index('audit_log_actor_created_at_idx').on(t.actorId, t.createdAt, t.id),
    index('audit_log_subject_created_at_idx').on(t.subjectType, t.subjectId, t.createdAt, t.id),
  ],
);

/** Rate-limit counters, shared by every app process (the store behind @fastify/rate-limit). */
export const rateLimits = pgTable(
  'rate_limits',
  {
    key: text('key').primaryKey(),
    hits: integer('hits').notNull(),
    resetAt: timestamp('reset_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('rate_limits_reset_at_idx').on(t.resetAt)],
);

/**
 * Failed sign-ins per (account, address) pair: past a few, each failure doubles the wait before that pair
 * may try again. `email` is the address typed, whether or not it has an account, so the answers for
 * known and unknown addresses stay alike. Forgotten an hour after the last failure.
 */
export const signinThrottles = pgTable(
  'signin_throttles',
  {
    email: text('email').notNull(),
    ip: text('ip').notNull(),
    failures: integer('failures').notNull(),
    blockedUntil: timestamp('blocked_until', { withTimezone: true }).notNull(),
    resetAt: timestamp('reset_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.email, t.ip] }), index('signin_throttles_reset_at_idx').on(t.resetAt)],
);

/**
 * Keys Copse signs links with that must work without a session and across processes (the unsubscribe
 * links in notification emails), one per purpose: random, made on first use, kept in the database so
 * every process and a restored backup sign and check alike.
 */
export const signingKeys = pgTable('signing_keys', {
  purpose: text('purpose').primaryKey(),
  secret: text('secret').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
