import { AppError, fieldError } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { enforce } from '../../policies/decision.ts';
import { mayMarkHelpful, mayPinOrLockThread } from '../../policies/discussions.ts';
import { insertModerationAction } from '../../queries/moderation.ts';
import { findLiveReply, updateThreadHelpful, updateThreadPinAndLock } from '../../queries/thread-posts.ts';
import { awardBadges } from '../badges/badges.ts';
import type { ServiceDeps } from '../context.ts';
import { unitOfWork } from '../unit-of-work.ts';
import { loadVisibleThread } from './load-thread.ts';

/** Leaders pin a thread to the top of the list, or lock it (no replies but theirs). */
export async function moderateThread(
  deps: ServiceDeps,
  actor: Actor,
  threadId: string,
  input: { pinned?: boolean | undefined; locked?: boolean | undefined },
): Promise<void> {
  await deps.database.db.transaction(async (tx) => {
    const { thread, community, membership } = await loadVisibleThread(tx, actor, threadId, { lock: true });
    enforce(mayPinOrLockThread(actor, community, membership));
    if (thread.deletedAt) throw new AppError('conflict', 'errors.discussions.threadDeleted');
    const now = new Date();
    await updateThreadPinAndLock(tx, threadId, {
      ...(input.pinned === undefined ? {} : { pinnedAt: input.pinned ? (thread.pinnedAt ?? now) : null }),
      ...(input.locked === undefined ? {} : { lockedAt: input.locked ? (thread.lockedAt ?? now) : null }),
    });
    const changes = [
      input.pinned === undefined ? null : input.pinned ? 'pin' : 'unpin',
      input.locked === undefined ? null : input.locked ? 'lock' : 'unlock',
    ].filter((action): action is string => action !== null);
    for (const action of changes) {
      await insertModerationAction(tx, { communityId: community.id, actorId: actor.id, action, threadId });
    }
  });
}

/** The asker (or a leader) marks the reply that answered a question, or clears it (null). */
export async function markHelpful(
  deps: ServiceDeps,
  actor: Actor,
  threadId: string,
  postId: string | null,
): Promise<void> {
  await unitOfWork(deps, async (tx, outbox) => {
    const { thread, community, membership } = await loadVisibleThread(tx, actor, threadId, { lock: true });
    if (thread.kind !== 'question') {
      throw new AppError('conflict', 'errors.discussions.onlyQuestionsHaveAnswer');
    }
    enforce(mayMarkHelpful(actor, community, membership, thread));
    if (postId) {
      const post = await findLiveReply(tx, threadId, postId);
      if (!post) throw fieldError('postId', 'errors.discussions.chooseReply');
      // Answering one's own question earns no badge.
      if (post.authorId && post.authorId !== thread.authorId) {
        await awardBadges(tx, outbox, deps.env.publicUrl, community, [
          { userId: post.authorId, kind: 'first_helpful_answer' },
        ]);
      }
    }
    await updateThreadHelpful(tx, threadId, postId);
  });
}
