import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { ErasureMode } from '../../../common/enums.ts';
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
 * Idempotency keys (#19): a POST that carries `Idempotency-Key` is run once per (scope, key); its answer
 * is kept here so a retry gets it again instead of creating a second record (server/plugins/idempotency.ts).
 * `scope` is `user:<id>` for a signed-in person, else `ip:<sha-256 of the client address>`. A row without
 * `completed_at` is in flight. The answer's body is sealed with the secret key (it may hold a link's
 * token). Rows are deleted 24 hours after `created_at` (the hourly cleanup).
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    method: text('method').notNull(),
    route: text('route').notNull(),
    /** SHA-256 of the method, the path and the request body (for multipart: its media type only). */
    fingerprint: text('fingerprint').notNull(),
    status: integer('status'),
    responseBody: text('response_body'),
    /** The answer's headers worth repeating: Content-Type and Location (never Set-Cookie). */
    responseHeaders: jsonb('response_headers').$type<Record<string, string>>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.scope, t.key] }),
    index('idempotency_keys_created_at_idx').on(t.createdAt),
  ],
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

/**
 * The erasure ledger (#19): which accounts were erased, how and when, and nothing personal. A restore
 * applies every entry again to the restored rows (server/db/backup/restore-backup.ts), so a backup made
 * before an erasure never brings the person back. No foreign key: the entry outlives any row.
 */
export const erasures = pgTable(
  'erasures',
  {
    userId: uuid('user_id').primaryKey(),
    mode: text('mode').$type<ErasureMode>().notNull(),
    erasedAt: timestamp('erased_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('erasures_erased_at_idx').on(t.erasedAt)],
);
