import { and, desc, eq, isNull, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client.ts';
import { communities, communityMembers, threadReads, threads, users } from '../db/schema/index.ts';

/**
 * What is new in a member's communities: the latest announcements and the most active threads
 * (neither deleted nor hidden), each with its community and whether the member has read it since.
 */
export async function listWhatsNew(db: Db, userId: string, limit = 5) {
  const author = alias(users, 'author');
  const columns = {
    id: threads.id,
    kind: threads.kind,
    title: threads.title,
    body: threads.body,
    authorId: threads.authorId,
    authorName: author.displayName,
    authorPhoto: author.photoPath,
    authorUpdatedAt: author.updatedAt,
    pinnedAt: threads.pinnedAt,
    lockedAt: threads.lockedAt,
    hiddenAt: threads.hiddenAt,
    helpfulPostId: threads.helpfulPostId,
    replyCount: threads.replyCount,
    lastActivityAt: threads.lastActivityAt,
    createdAt: threads.createdAt,
    communitySlug: communities.slug,
    communityName: communities.name,
    unread: sql<boolean>`not exists (select 1 from ${threadReads} tr where tr.thread_id = ${threads.id}
      and tr.user_id = ${userId} and tr.last_read_at >= ${threads.lastActivityAt})`,
  };
  const mine = sql`${threads.communityId} in (select cm.community_id from ${communityMembers} cm where cm.user_id = ${userId})`;
  const base = () =>
    db
      .select(columns)
      .from(threads)
      .innerJoin(communities, eq(communities.id, threads.communityId))
      .leftJoin(author, eq(author.id, threads.authorId));
  const live = and(mine, isNull(threads.deletedAt), isNull(threads.hiddenAt));
  const announcements = await base()
    .where(and(live, eq(threads.kind, 'announcement')))
    .orderBy(desc(threads.createdAt), desc(threads.id))
    .limit(limit);
  const active = await base()
    .where(and(live, ne(threads.kind, 'announcement')))
    .orderBy(desc(threads.lastActivityAt), desc(threads.id))
    .limit(limit);
  return { announcements, active };
}
export type WhatsNewRow = Awaited<ReturnType<typeof listWhatsNew>>['announcements'][number];
