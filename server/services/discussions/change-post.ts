import type { Db } from '../../db/client.ts';
import { AppError, notFound } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { enforce } from '../../policies/decision.ts';
import { mayChangePost } from '../../policies/discussions.ts';
import {
  insertPostRevision,
  lockReply,
  softDeleteReply,
  softDeleteThread,
  updateReplyBody,
  updateThreadContent,
  updateThreadForDeletedReply,
} from '../../queries/thread-posts.ts';
import type { ServiceDeps } from '../context.ts';
import { loadVisibleThread } from './load-thread.ts';

/** A reply of the thread, locked, or 404. */
async function loadReply(db: Db, threadId: string, postId: string) {
  const post = await lockReply(db, threadId, postId);
  if (!post) throw notFound('errors.notFound.reply');
  return post;
}

/** Edits a thread's title or opening post; the previous version is kept in the history. */
export async function editThread(
  deps: ServiceDeps,
  actor: Actor,
  threadId: string,
  input: { title?: string | undefined; body?: string | undefined },
): Promise<void> {
  await deps.database.db.transaction(async (tx) => {
    const { thread, community, membership } = await loadVisibleThread(tx, actor, threadId, { lock: true });
    enforce(mayChangePost(actor, community, membership, thread));
    if (thread.deletedAt) throw new AppError('conflict', 'errors.discussions.threadDeleted');
    await insertPostRevision(tx, { threadId, title: thread.title, body: thread.body, editedBy: actor.id });
    await updateThreadContent(tx, threadId, {
      title: input.title ?? thread.title,
      body: input.body ?? thread.body,
    });
  });
}

/** Edits a reply; the previous version is kept in the history. */
export async function editReply(
  deps: ServiceDeps,
  actor: Actor,
  threadId: string,
  postId: string,
  body: string,
): Promise<void> {
  await deps.database.db.transaction(async (tx) => {
    const { community, membership } = await loadVisibleThread(tx, actor, threadId);
    const post = await loadReply(tx, threadId, postId);
    enforce(mayChangePost(actor, community, membership, post));
    if (post.deletedAt) throw new AppError('conflict', 'errors.discussions.replyDeleted');
    await insertPostRevision(tx, { postId, body: post.body, editedBy: actor.id });
    await updateReplyBody(tx, postId, body);
  });
}

/** Deletes a thread softly: it leaves the lists and takes no replies; its text stays in the history. */
export async function deleteThread(deps: ServiceDeps, actor: Actor, threadId: string): Promise<void> {
  await deps.database.db.transaction(async (tx) => {
    const { thread, community, membership } = await loadVisibleThread(tx, actor, threadId, { lock: true });
    enforce(mayChangePost(actor, community, membership, thread));
    if (thread.deletedAt) throw new AppError('conflict', 'errors.discussions.threadAlreadyDeleted');
    await softDeleteThread(tx, threadId);
  });
}

/** Deletes a reply softly: it shows as deleted in its place, so the replies under it keep their context. */
export async function deleteReply(
  deps: ServiceDeps,
  actor: Actor,
  threadId: string,
  postId: string,
): Promise<void> {
  await deps.database.db.transaction(async (tx) => {
    const { community, membership } = await loadVisibleThread(tx, actor, threadId, { lock: true });
    const post = await loadReply(tx, threadId, postId);
    enforce(mayChangePost(actor, community, membership, post));
    if (post.deletedAt) throw new AppError('conflict', 'errors.discussions.replyAlreadyDeleted');
    await softDeleteReply(tx, postId);
    await updateThreadForDeletedReply(tx, threadId, postId);
  });
}
