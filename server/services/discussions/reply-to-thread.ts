import { quoted } from '../../../common/plain-text.ts';
import { AppError, fieldError } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { excerpt } from '../../lib/excerpt.ts';
import { enforce } from '../../policies/decision.ts';
import { mayReply } from '../../policies/discussions.ts';
import { recordActivity } from '../../queries/activity.ts';
import { listFollowerIds } from '../../queries/discussions.ts';
import { insertThreadFollow, upsertThreadRead } from '../../queries/thread-follows.ts';
import { findReplyInThread, insertReply, updateThreadForNewReply } from '../../queries/thread-posts.ts';
import { awardBadges } from '../badges/badges.ts';
import type { ServiceDeps } from '../context.ts';
import { notifyEach, phrase } from '../notifications/notify.ts';
import { unitOfWork } from '../unit-of-work.ts';
import { loadVisibleThread } from './load-thread.ts';
import { checkMentions, notifyMentioned } from './mentions.ts';

/**
 * Replies to a thread, at the top level or under a reply (one level: a reply to a nested reply goes
 * under its parent). Locked threads take replies from moderators only; replying to a deleted reply or
 * thread is refused. The replier follows the thread; its followers are told.
 */
export async function replyToThread(
  deps: ServiceDeps,
  actor: Actor,
  threadId: string,
  input: { body: string; parentId: string | null; mentions: string[] },
): Promise<string> {
  return unitOfWork(deps, async (tx, outbox) => {
    const { thread, community, membership } = await loadVisibleThread(tx, actor, threadId, { lock: true });
    if (thread.deletedAt) throw new AppError('conflict', 'errors.discussions.deletedNoReplies');
    enforce(mayReply(actor, community, membership, thread));
    await checkMentions(tx, community.id, input.mentions);
    let parentId = input.parentId;
    if (parentId) {
      const parent = await findReplyInThread(tx, threadId, parentId);
      if (!parent) throw fieldError('parentId', 'errors.discussions.replyNotInThread');
      if (parent.deletedAt) throw fieldError('parentId', 'errors.discussions.parentDeleted', 'conflict');
      parentId = parent.parentId ?? parent.id;
    }
    const post = await insertReply(tx, { threadId, authorId: actor.id, parentId, body: input.body });
    await updateThreadForNewReply(tx, threadId);
    await awardBadges(tx, outbox, deps.env.publicUrl, community, [{ userId: actor.id, kind: 'first_post' }]);
    await recordActivity(tx, {
      communityId: community.id,
      actorId: actor.id,
      kind: 'reply.posted',
      subjectType: 'post',
      subjectId: post?.id ?? null,
    });
    const followers = await listFollowerIds(tx, threadId);
    await insertThreadFollow(tx, threadId, actor.id);
    // One's own reply is not news to oneself.
    await upsertThreadRead(tx, threadId, actor.id);
    // A follower who is mentioned gets the mention (the more specific news), not also the reply.
    await notifyEach(
      tx,
      outbox,
      deps.env.publicUrl,
      followers.filter((id) => !input.mentions.includes(id)),
      {
        kind: 'discussion.reply',
        title: phrase('notify.discussion.reply.title', {
          name: actor.displayName,
          thread: quoted(thread.title),
        }),
        body: excerpt(input.body),
        url: `/discussions/${threadId}#post-${post?.id ?? ''}`,
        communityId: thread.communityId,
      },
      { except: actor.id },
    );
    await notifyMentioned(tx, outbox, deps.env.publicUrl, input.mentions, {
      authorId: actor.id,
      authorName: actor.displayName,
      threadTitle: thread.title,
      body: input.body,
      url: `/discussions/${threadId}#post-${post?.id ?? ''}`,
      communityId: thread.communityId,
    });
    return post?.id ?? '';
  });
}
