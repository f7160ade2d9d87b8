import { desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { communities, communityMembers, threads } from '../db/schema/index.ts';
import { threadAuthor, threadCardColumns } from './discussions.ts';
import { preparedByShape } from './prepared.ts';

/**
 * What is new in a member's communities: the latest announcements and the most active threads
 * (neither deleted nor hidden), each with its community and whether the member has read it since.
 * Each list takes the top few of every one of the member's communities through an index (a LATERAL
 * per community) and keeps the best of those, instead of reading every thread of every community.
 */
export async function listWhatsNew(db: Db, userId: string, limit = 5) {
  const announcements = await whatsNewStatement(db, { list: 'announcements', limit }).execute({ userId });
  const active = await whatsNewStatement(db, { list: 'active', limit }).execute({ userId });
  return { announcements, active };
}

interface WhatsNewShape {
  list: 'announcements' | 'active';
  limit: number;
}

/** One of the two lists as a named prepared statement, the member's id its one placeholder. */
const whatsNewStatement = preparedByShape(
  (shape: WhatsNewShape) => `whats_new_${shape.list}_${shape.limit}`,
  (db, shape) => {
    const userId = sql.placeholder('userId');
    // Row counts are written into the SQL: PostgreSQL cannot cost a generic plan for `limit $n`.
    const limit = sql.raw(String(shape.limit));
    const topPerCommunity = (where: SQL, order: SQL) => sql`${threads.id} in (select top.id
      from ${communityMembers} cm cross join lateral (
        select t.id from ${threads} t
        where t.community_id = cm.community_id and t.deleted_at is null and t.hidden_at is null and ${where}
        order by ${order} limit ${limit}) top
      where cm.user_id = ${userId}::uuid and not cm.project_only)`;
    const query = db
      .select({
        ...threadCardColumns(userId),
        communitySlug: communities.slug,
        communityName: communities.name,
      })
      .from(threads)
      .innerJoin(communities, eq(communities.id, threads.communityId))
      .leftJoin(threadAuthor, eq(threadAuthor.id, threads.authorId));
    return shape.list === 'announcements'
      ? query
          .where(topPerCommunity(sql`t.kind = 'announcement'`, sql`t.created_at desc, t.id desc`))
          .orderBy(desc(threads.createdAt), sql`${threads.id} desc limit ${limit}`)
      : query
          .where(topPerCommunity(sql`t.kind <> 'announcement'`, sql`t.last_activity_at desc, t.id desc`))
          .orderBy(desc(threads.lastActivityAt), sql`${threads.id} desc limit ${limit}`);
  },
);
export type WhatsNewRow = Awaited<ReturnType<typeof listWhatsNew>>['announcements'][number];
