import { desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { communities, communityMembers, threads } from '../db/schema/index.ts';
import { threadAuthor, threadCardColumns } from './discussions.ts';

/**
 * What is new in a member's communities: the latest announcements and the most active threads
 * (neither deleted nor hidden), each with its community and whether the member has read it since.
 * Each list takes the top few of every one of the member's communities through an index (a LATERAL
 * per community) and keeps the best of those, instead of reading every thread of every community.
 */
export async function listWhatsNew(db: Db, userId: string, limit = 5) {
  const columns = {
    ...threadCardColumns(userId),
    communitySlug: communities.slug,
    communityName: communities.name,
  };
  const topPerCommunity = (where: SQL, order: SQL) => sql`${threads.id} in (select top.id
    from ${communityMembers} cm cross join lateral (
      select t.id from ${threads} t
      where t.community_id = cm.community_id and t.deleted_at is null and t.hidden_at is null and ${where}
      order by ${order} limit ${limit}) top
    where cm.user_id = ${userId})`;
  const base = () =>
    db
      .select(columns)
      .from(threads)
      .innerJoin(communities, eq(communities.id, threads.communityId))
      .leftJoin(threadAuthor, eq(threadAuthor.id, threads.authorId));
  const announcements = await base()
    .where(topPerCommunity(sql`t.kind = 'announcement'`, sql`t.created_at desc, t.id desc`))
    .orderBy(desc(threads.createdAt), desc(threads.id))
    .limit(limit);
  const active = await base()
    .where(topPerCommunity(sql`t.kind <> 'announcement'`, sql`t.last_activity_at desc, t.id desc`))
    .orderBy(desc(threads.lastActivityAt), desc(threads.id))
    .limit(limit);
  return { announcements, active };
}
export type WhatsNewRow = Awaited<ReturnType<typeof listWhatsNew>>['announcements'][number];
