import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { posts, reactions, threadFollows, threadReads } from '../../db/schema/index.ts';
import { AppError, fieldError } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { enforce } from '../../policies/decision.ts';
import { mayFollowThread, mayReact, mayTakeBackReaction } from '../../policies/discussions.ts';
import type { ServiceDeps } from '../context.ts';
import { follow, loadVisibleThread } from './load-thread.ts';

/** Adds a reaction to the opening post (`postId` null) or a reply; the same one twice is a 409. */
export async function addReaction(
  deps: ServiceDeps,
  actor: Actor,
  threadId: string,
  input: { emoji: string; postId: string | null },
): Promise<void> {
  await deps.database.db.transaction(async (tx) => {
    const { thread, community, membership } = await loadVisibleThread(tx, actor, threadId);
    enforce(mayReact(actor, community, membership));
    if (thread.deletedAt) throw new AppError('conflict', 'errors.discussions.threadDeleted');
    if (input.postId) await requireLiveReply(tx, threadId, input.postId);
    const added = await tx
      .insert(reactions)
      .values({ threadId, postId: input.postId, userId: actor.id, emoji: input.emoji })
      .onConflictDoNothing()
      .returning({ id: reactions.id });
    if (added.length === 0) throw fieldError('emoji', 'errors.discussions.alreadyReacted', 'conflict');
  });
}

/** Takes one's own reaction back. */
export async function removeReaction(
  deps: ServiceDeps,
  actor: Actor,
  threadId: string,
  input: { emoji: string; postId: string | null },
): Promise<void> {
  const { db } = deps.database;
  const { community, membership } = await loadVisibleThread(db, actor, threadId);
  enforce(mayTakeBackReaction(actor, community, membership));
  await db
    .delete(reactions)
    .where(
      and(
        eq(reactions.threadId, threadId),
        input.postId ? eq(reactions.postId, input.postId) : isNull(reactions.postId),
        eq(reactions.userId, actor.id),
        eq(reactions.emoji, input.emoji),
      ),
    );
}

async function requireLiveReply(db: Db, threadId: string, postId: string) {
  const [post] = await db
    .select({ deletedAt: posts.deletedAt })
    .from(posts)
    .where(and(eq(posts.id, postId), eq(posts.threadId, threadId)));
  if (!post) throw fieldError('postId', 'errors.discussions.replyNotInThread');
  if (post.deletedAt) throw fieldError('postId', 'errors.discussions.thatReplyDeleted', 'conflict');
}

/** Follows (told of new replies) or stops following a thread. */
export async function setFollowing(deps: ServiceDeps, actor: Actor, threadId: string, following: boolean) {
  const { db } = deps.database;
  const { community, membership } = await loadVisibleThread(db, actor, threadId);
  enforce(mayFollowThread(actor, community, membership));
  if (following) await follow(db, threadId, actor.id);
  else {
    await db
      .delete(threadFollows)
      .where(and(eq(threadFollows.threadId, threadId), eq(threadFollows.userId, actor.id)));
  }
}

/** Remembers that the reader has seen the thread as it is now (unread markers). */
export async function markThreadRead(db: Db, threadId: string, userId: string): Promise<void> {
  await db
    .insert(threadReads)
    .values({ threadId, userId })
    .onConflictDoUpdate({
      target: [threadReads.threadId, threadReads.userId],
      set: { lastReadAt: sql`now()` },
    });
}
