import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { threadFollows, threadReads } from '../db/schema/index.ts';

/** Who follows a thread and who has read it when: writes (`listFollowerIds` reads, in discussions.ts). */

/** Follows a thread (authors and repliers follow what they write in); following twice is a no-op. */
export async function insertThreadFollow(db: Db, threadId: string, userId: string): Promise<void> {
  await db.insert(threadFollows).values({ threadId, userId }).onConflictDoNothing();
}

/** Stops following a thread (nothing when one did not follow it). */
export async function deleteThreadFollow(db: Db, threadId: string, userId: string): Promise<void> {
  await db
    .delete(threadFollows)
    .where(and(eq(threadFollows.threadId, threadId), eq(threadFollows.userId, userId)));
}

/** Remembers that the reader has seen the thread as it is now (unread markers), in one upsert. */
export async function upsertThreadRead(db: Db, threadId: string, userId: string): Promise<void> {
  await db
    .insert(threadReads)
    .values({ threadId, userId })
    .onConflictDoUpdate({
      target: [threadReads.threadId, threadReads.userId],
      set: { lastReadAt: sql`now()` },
    });
}
