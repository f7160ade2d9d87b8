import { and, desc, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { communities, communityMembers, threads } from '../db/schema/index.ts';
import { threadAuthor, threadCardColumns } from './discussions.ts';

/**
 * What is new in a member's communities: the latest announcements and the most active threads
 * (neither deleted nor hidden), each with its community and whether the member has read it since.
 */
export async function listWhatsNew(db: Db, userId: string, limit = 5) {
  const columns = {
    ...threadCardColumns(userId),
    communitySlug: communities.slug,
    communityName: communities.name,
  };
  const mine = sql`${threads.communityId} in (select cm.community_id from ${communityMembers} cm where cm.user_id = ${userId})`;
  const base = () =>
    db
      .select(columns)
      .from(threads)
      .innerJoin(communities, eq(communities.id, threads.communityId))
      .leftJoin(threadAuthor, eq(threadAuthor.id, threads.authorId));
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
