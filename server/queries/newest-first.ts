import { and, eq, lt, or, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { decodeCursor, encodeCursor } from './cursor.ts';

/**
 * Keyset pagination for newest-first lists ordered by (created_at desc, id desc): the condition for rows
 * after the cursor, and a function that makes the next cursor from a page.
 */
export function newestFirstPage(
  createdAt: PgColumn,
  id: PgColumn,
  cursor: string | undefined,
): SQL | undefined {
  const after = decodeCursor(cursor, 2);
  if (!after) return undefined;
  const at = new Date(String(after[0]));
  if (Number.isNaN(at.getTime())) return undefined;
  return or(lt(createdAt, at), and(eq(createdAt, at), lt(id, String(after[1]))));
}

export function nextNewestFirstCursor<T>(
  rows: T[],
  limit: number,
  key: (row: T) => { createdAt: Date; id: string },
): { page: T[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  if (rows.length <= limit || !last) return { page, nextCursor: null };
  const { createdAt, id } = key(last);
  return { page, nextCursor: encodeCursor([createdAt.toISOString(), id]) };
}
