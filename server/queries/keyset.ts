import { type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { AppError } from '../errors.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';

/**
 * Exact keyset cursors for newest-first lists ordered by (timestamp desc, id desc). PostgreSQL keeps
 * microseconds but a JavaScript Date only milliseconds, so a cursor made from a Date can skip rows
 * written in the same millisecond; these cursors carry the timestamp as exact text instead.
 */

/** The column as exact UTC text with microseconds, e.g. 2026-05-01T09:30:00.123456Z. */
export function exactTimestamp(column: PgColumn): SQL<string> {
  return sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

const timestampPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A real instant in our format (JavaScript would roll 30 February over; PostgreSQL would refuse it). */
function isExactTimestamp(value: unknown): value is string {
  if (typeof value !== 'string' || !timestampPattern.test(value)) return false;
  const parsed = Date.parse(value);
  return !Number.isNaN(parsed) && new Date(parsed).toISOString().slice(0, 19) === value.slice(0, 19);
}

/** The position a cursor from one of these lists holds, checked (a 400 names the cursor otherwise). */
export function cursorAfter(cursor: string | undefined): { at: string; id: string } | undefined {
  const after = decodeCursor(cursor, 2);
  if (!after) return undefined;
  const [time, lastId] = after;
  if (!isExactTimestamp(time) || typeof lastId !== 'string' || !uuidPattern.test(lastId))
    throw new AppError('validation_failed', 'errors.request.cursor', {
      cursor: 'not a cursor from this list',
    });
  return { at: time, id: lastId };
}

/**
 * The condition for rows after the cursor (a row comparison, served by an index on the two columns);
 * `order` is the list's order: newest first (desc, the default) or soonest first (asc).
 */
export function rowsAfter(
  at: PgColumn,
  id: PgColumn,
  cursor: string | undefined,
  order: 'asc' | 'desc' = 'desc',
): SQL | undefined {
  const after = cursorAfter(cursor);
  if (!after) return undefined;
  if (order === 'asc') return sql`(${at}, ${id}) > (${after.at}::timestamptz, ${after.id}::uuid)`;
  return sql`(${at}, ${id}) < (${after.at}::timestamptz, ${after.id}::uuid)`;
}

/** Cuts the extra row fetched to know whether there is a next page, and makes its cursor. */
export function pageOf<T>(
  rows: T[],
  limit: number,
  key: (row: T) => { at: string; id: string },
): { page: T[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  if (rows.length <= limit || !last) return { page, nextCursor: null };
  const { at, id } = key(last);
  return { page, nextCursor: encodeCursor([at, id]) };
}
