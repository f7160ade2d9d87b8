import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../server/db/client.ts';
import { communities, communityMembers, invitations } from '../server/db/schema/index.ts';
import { listOpenInvitations } from '../server/queries/invitations.ts';

/**
 * A 2,000-row cohort import's worth of open invitations in the community the bench member leads (one
 * statement, so most share an instant and only the id orders them), then the paths of every page the
 * web app asks for (100 a time), the first and the deep ones, each with its cursor.
 */
export async function seedOpenInvitations(db: Db, leaderId: string, count = 2000): Promise<string[]> {
  const [led] = await db
    .select({ id: communities.id, slug: communities.slug })
    .from(communityMembers)
    .innerJoin(communities, eq(communities.id, communityMembers.communityId))
    .where(and(eq(communityMembers.userId, leaderId), eq(communityMembers.role, 'leader')))
    .limit(1);
  if (!led) throw new Error('the bench member leads no community');
  await db.execute(sql`
    insert into ${invitations} (community_id, token_hash, email, role, invited_by, expires_at)
    select ${led.id}, md5(random()::text || n), 'cohort-' || n || '@bench.example', 'member', ${leaderId},
      now() + interval '14 days'
    from generate_series(1, ${count}) as n`);
  await db.execute(sql`vacuum analyze invitations`);
  const base = `/api/communities/${led.slug}/invitations?limit=100`;
  const paths = [base];
  let cursor: string | null = null;
  do {
    const page: { nextCursor: string | null } = await listOpenInvitations(db, led.id, {
      cursor: cursor ?? undefined,
      limit: 100,
    });
    cursor = page.nextCursor;
    if (cursor) paths.push(`${base}&cursor=${encodeURIComponent(cursor)}`);
  } while (cursor);
  return paths;
}
