import { renderMarkdown } from '../../common/markdown.ts';
import { markdownToPlainText } from '../../common/plain-text.ts';
import type { Actor } from '../lib/actor.ts';
import { excerpt } from '../lib/excerpt.ts';
import { isAllowed } from '../policies/decision.ts';
import {
  mayChangePost,
  mayFollowThread,
  mayMarkHelpful,
  mayModerateDiscussions,
  mayReact,
  mayReply,
  seesHiddenPosts,
} from '../policies/discussions.ts';
import type { ReplyRow, ThreadForActor, ThreadRow } from '../queries/discussions.ts';

export function authorOf(row: {
  authorId: string | null;
  authorName: string | null;
  authorPhoto: string | null;
  authorUpdatedAt: Date | null;
}) {
  if (!row.authorId || row.authorName === null) return null;
  const version = row.authorUpdatedAt?.getTime() ?? 0;
  return {
    id: row.authorId,
    displayName: row.authorName,
    photoUrl: row.authorPhoto ? `/api/people/${row.authorId}/photo?v=${version}` : null,
  };
}

/** A thread in a community's list. */
export function presentThreadSummary(row: Omit<ThreadRow, 'lastActivityExact'>) {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    excerpt: excerpt(markdownToPlainText(row.body), 200),
    author: authorOf(row),
    pinned: row.pinnedAt !== null,
    locked: row.lockedAt !== null,
    answered: row.helpfulPostId !== null,
    hidden: row.hiddenAt !== null,
    replyCount: row.replyCount,
    lastActivityAt: row.lastActivityAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    unread: row.unread,
  };
}

/** A reply; a deleted one keeps its place without its text. */
export function presentReply(row: ReplyRow, found: ThreadForActor, actor: Actor | null) {
  const { community, membership, thread } = found;
  const deleted = row.deletedAt !== null;
  const hidden = row.hiddenAt !== null;
  // Deleted replies lose their text for everyone; hidden ones for all but the moderators.
  const withheld = deleted || (hidden && !seesHiddenPosts(actor, membership));
  const mayChange = !deleted && isAllowed(mayChangePost(actor, community, membership, row));
  return {
    id: row.id,
    parentId: row.parentId,
    author: withheld ? null : authorOf(row),
    body: withheld ? '' : row.body,
    bodyHtml: withheld ? '' : renderMarkdown(row.body),
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
    deleted,
    hidden,
    helpful: thread.helpfulPostId === row.id,
    reactions: row.reactions,
    abilities: {
      edit: mayChange,
      delete: mayChange,
      markHelpful: !deleted && isAllowed(mayMarkHelpful(actor, community, membership, thread)),
    },
  };
}

/** A thread's page: the opening post, one page of replies, and what the reader may do. */
export function presentThread(
  found: ThreadForActor,
  replies: { rows: ReplyRow[]; nextCursor: string | null },
  actor: Actor | null,
  unread: boolean,
) {
  const { thread, community, membership } = found;
  const deleted = thread.deletedAt !== null;
  const mayChange = !deleted && isAllowed(mayChangePost(actor, community, membership, thread));
  return {
    id: thread.id,
    kind: thread.kind,
    title: thread.title,
    excerpt: excerpt(thread.body, 200),
    author: authorOf({ ...found, authorId: thread.authorId }),
    pinned: thread.pinnedAt !== null,
    locked: thread.lockedAt !== null,
    answered: thread.helpfulPostId !== null,
    hidden: thread.hiddenAt !== null,
    replyCount: thread.replyCount,
    lastActivityAt: thread.lastActivityAt.toISOString(),
    createdAt: thread.createdAt.toISOString(),
    unread,
    community: { id: community.id, slug: community.slug, name: community.name },
    body: deleted ? '' : thread.body,
    bodyHtml: deleted ? '' : renderMarkdown(thread.body),
    editedAt: thread.editedAt?.toISOString() ?? null,
    deleted,
    helpfulPostId: thread.helpfulPostId,
    following: found.following,
    reactions: found.reactions,
    replies: replies.rows.map((row) => presentReply(row, found, actor)),
    nextCursor: replies.nextCursor,
    abilities: {
      reply: isAllowed(mayReply(actor, community, membership, thread)),
      edit: mayChange,
      delete: mayChange,
      moderate: !deleted && isAllowed(mayModerateDiscussions(actor, community, membership)),
      react: !deleted && isAllowed(mayReact(actor, community, membership)),
      follow: isAllowed(mayFollowThread(actor, community, membership)),
    },
  };
}
