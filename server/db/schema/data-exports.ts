import { sql } from 'drizzle-orm';
import { bigint, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { DataExportStatus } from '../../../common/contracts/data-exports.ts';
import { users } from './accounts.ts';

/**
 * "Download your data" (#19): one request for a zip of everything Copse keeps about a person. The
 * person asks for their own (`requestedBy` = `userId`), or an administrator asks for someone's on a
 * formal request (`requestedBy` the administrator, with the `reason` they gave): the link goes to whoever
 * asked. The zip lives in the storage under `storageKey` (an unguessable key) until it is downloaded
 * once or `expiresAt` passes; the cleanup job then deletes it. Only the SHA-256 of the one-time
 * download token is kept (`tokenHash`).
 */
export const dataExports = pgTable(
  'data_exports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    requestedBy: uuid('requested_by').references(() => users.id, { onDelete: 'cascade' }),
    reason: text('reason'),
    status: text('status').$type<DataExportStatus>().notNull().default('preparing'),
    tokenHash: text('token_hash'),
    storageKey: text('storage_key'),
    size: bigint('size', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readyAt: timestamp('ready_at', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    downloadedAt: timestamp('downloaded_at', { withTimezone: true }),
  },
  (t) => [
    // The latest request of a requester (GET /api/me/export), newest first.
    index('data_exports_requester_created_idx').on(t.requestedBy, t.createdAt),
    index('data_exports_user_idx').on(t.userId),
    // One request being prepared at a time per requester and person (409 otherwise, even in a race).
    uniqueIndex('data_exports_one_preparing_idx')
      .on(t.requestedBy, t.userId)
      .where(sql`${t.status} = 'preparing'`),
    uniqueIndex('data_exports_token_idx').on(t.tokenHash),
    // The cleanup job: exports whose file is still stored, by state (ready ones by expiry).
    index('data_exports_stored_idx').on(t.status, t.expiresAt).where(sql`${t.storageKey} is not null`),
  ],
);
