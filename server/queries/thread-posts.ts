import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { postRevisions, posts, threads } from '../db/schema/index.ts';

/**
 * Writes of threads, their replies and their edit history, and the small reads the discussion use
 * cases check before writing (the thread page's reads are in discussions.ts).
 */

/** Takes a thread row's lock, so its replies, counts and helpful answer change one at a time. */
export async function lockThread(db: Db, threadId: string): Promise<void> {
  await db.execute(sql`select 1 from ${threads} where ${threads.id} = ${threadId} for update`);
}

/** Starts a thread; answers its id. */
export async function insertThread(db: Db, values: typeof threads.$inferInsert) {
  const [row] = await db.insert(threads).values(values).returning({ id: threads.id });
  return row;
}

/** Sets a thread's title and opening post, marking it edited. */
export async function updateThreadContent(
  db: Db,
  threadId: string,
  content: { title: string; body: string },
): Promise<void> {
  await db
    .update(threads)
    .set({ title: content.title, body: content.body, editedAt: sql`now()` })
    .where(eq(threads.id, threadId));
}

/** Pins or unpins, locks or unlocks a thread (a field left out stays as it is). */
export async function updateThreadPinAndLock(
  db: Db,
  threadId: string,
  changes: { pinnedAt?: Date | null; lockedAt?: Date | null },
): Promise<void> {
  await db.update(threads).set(changes).where(eq(threads.id, threadId));
}

/** Marks the reply that answered a question, or clears it (null). */
export async function updateThreadHelpful(db: Db, threadId: string, postId: string | null): Promise<void> {
  await db.update(threads).set({ helpfulPostId: postId }).where(eq(threads.id, threadId));
}

/** Hides a thread (from now) or shows it again. */
export async function updateThreadHidden(db: Db, threadId: string, hidden: boolean): Promise<void> {
  await db
    .update(threads)
    .set({ hiddenAt: hidden ? sql`now()` : null })
    .where(eq(threads.id, threadId));
}

/** Deletes a thread softly (from now): it leaves the lists, its row and history stay. */
export async function softDeleteThread(db: Db, threadId: string): Promise<void> {
  await db.update(threads).set({ deletedAt: sql`now()` }).where(eq(threads.id, threadId));
}

/** Keeps an earlier version of an opening post (`threadId`, with its title) or of a reply (`postId`). */
export async function insertPostRevision(db: Db, revision: typeof postRevisions.$inferInsert): Promise<void> {
  await db.insert(postRevisions).values(revision);
}

/** A reply of the thread, locked until the transaction ends (undefined: not a reply of this thread). */
export async function lockReply(db: Db, threadId: string, postId: string) {
  const [post] = await db
    .select()
    .from(posts)
    .where(and(eq(posts.id, postId), eq(posts.threadId, threadId)))
    .for('update');
  return post;
}

/** A reply of the thread with its parent and whether it was deleted (undefined: not in this thread). */
export async function findReplyInThread(db: Db, threadId: string, postId: string) {
  const [post] = await db
    .select({ id: posts.id, parentId: posts.parentId, deletedAt: posts.deletedAt })
    .from(posts)
    .where(and(eq(posts.id, postId), eq(posts.threadId, threadId)));
  return post;
}

/** A reply of the thread that is not deleted (undefined: none such). */
export async function findLiveReply(db: Db, threadId: string, postId: string) {
  const [post] = await db
    .select({ id: posts.id, authorId: posts.authorId })
    .from(posts)
    .where(and(eq(posts.id, postId), eq(posts.threadId, threadId), isNull(posts.deletedAt)));
  return post;
}

/** Adds a reply (`parentId` null: at the top level); answers its id. */
export async function insertReply(
  db: Db,
  reply: { threadId: string; authorId: string; parentId: string | null; body: string },
) {
  const [row] = await db.insert(posts).values(reply).returning({ id: posts.id });
  return row;
}

/** Counts a new reply on its thread and makes the thread's latest activity now. */
export async function updateThreadForNewReply(db: Db, threadId: string): Promise<void> {
  await db
    .update(threads)
    .set({ replyCount: sql`${threads.replyCount} + 1`, lastActivityAt: sql`now()` })
    .where(eq(threads.id, threadId));
}

/** Sets a reply's text, marking it edited. */
export async function updateReplyBody(db: Db, postId: string, body: string): Promise<void> {
  await db.update(posts).set({ body, editedAt: sql`now()` }).where(eq(posts.id, postId));
}

/** Hides a reply of the thread (from now) or shows it again; false when it is not a reply of the thread. */
export async function updateReplyHidden(
  db: Db,
  threadId: string,
  postId: string,
  hidden: boolean,
): Promise<boolean> {
  const changed = await db
    .update(posts)
    .set({ hiddenAt: hidden ? sql`now()` : null })
    .where(and(eq(posts.id, postId), eq(posts.threadId, threadId)))
    .returning({ id: posts.id });
  return changed.length > 0;
}

/** Deletes a reply softly (from now): it shows as deleted in its place. */
export async function softDeleteReply(db: Db, postId: string): Promise<void> {
  await db.update(posts).set({ deletedAt: sql`now()` }).where(eq(posts.id, postId));
}

/** Uncounts a deleted reply on its thread, and clears the helpful answer if it was that reply. */
export async function updateThreadForDeletedReply(db: Db, threadId: string, postId: string): Promise<void> {
  await db
    .update(threads)
    .set({
      replyCount: sql`${threads.replyCount} - 1`,
      helpfulPostId: sql`case when ${threads.helpfulPostId} = ${postId}::uuid then null else ${threads.helpfulPostId} end`,
    })
    .where(eq(threads.id, threadId));
}
