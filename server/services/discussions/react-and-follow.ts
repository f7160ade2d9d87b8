import type { Db } from '../../db/client.ts';
import { AppError, fieldError } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { enforce } from '../../policies/decision.ts';
import { mayFollowThread, mayReact, mayTakeBackReaction } from '../../policies/discussions.ts';
import { recordActivity } from '../../queries/activity.ts';
import { deleteReaction, insertReaction } from '../../queries/reactions.ts';
import { deleteThreadFollow, insertThreadFollow } from '../../queries/thread-follows.ts';
import { findReplyInThread } from '../../queries/thread-posts.ts';
import type { ServiceDeps } from '../context.ts';
import { loadVisibleThread } from './load-thread.ts';

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
    const added = await insertReaction(tx, {
      threadId,
      postId: input.postId,
      userId: actor.id,
      emoji: input.emoji,
    });
    if (!added) throw fieldError('emoji', 'errors.discussions.alreadyReacted', 'conflict');
    await recordActivity(tx, {
      communityId: community.id,
      actorId: actor.id,
      kind: 'reaction.added',
      subjectType: 'reaction',
      subjectId: added.id,
    });
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
  await deleteReaction(db, { threadId, postId: input.postId, userId: actor.id, emoji: input.emoji });
}

async function requireLiveReply(db: Db, threadId: string, postId: string) {
  const post = await findReplyInThread(db, threadId, postId);
  if (!post) throw fieldError('postId', 'errors.discussions.replyNotInThread');
  if (post.deletedAt) throw fieldError('postId', 'errors.discussions.thatReplyDeleted', 'conflict');
}

/** Follows (told of new replies) or stops following a thread. */
export async function setFollowing(deps: ServiceDeps, actor: Actor, threadId: string, following: boolean) {
  const { db } = deps.database;
  const { community, membership } = await loadVisibleThread(db, actor, threadId);
  enforce(mayFollowThread(actor, community, membership));
  if (following) await insertThreadFollow(db, threadId, actor.id);
  else await deleteThreadFollow(db, threadId, actor.id);
}
