import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../server/db/client.ts';
import { circles, communities, communityMembers } from '../server/db/schema/index.ts';

/**
 * Peer learning circles (#18 §3) in the community the bench member leads: `count` circles (200 by
 * default) of eight members each, drawn from the community, and one the member is in with 100 posts, six
 * meetings and eight reflections. Set-based statements. Returns the circle list and that circle's page.
 */
export async function seedCircles(
  db: Db,
  leaderId: string,
  count = 200,
): Promise<{ circleListPaths: string[]; circlePaths: string[] }> {
  const [led] = await db
    .select({ id: communities.id, slug: communities.slug })
    .from(communityMembers)
    .innerJoin(communities, eq(communities.id, communityMembers.communityId))
    .where(and(eq(communityMembers.userId, leaderId), eq(communityMembers.role, 'leader')))
    .limit(1);
  if (!led) throw new Error('the bench member leads no community');
  const startsOn = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);
  const endsOn = new Date(Date.now() + 35 * 86_400_000).toISOString().slice(0, 10);
  await db.execute(sql`
    insert into circles (community_id, created_by, name, purpose, starts_on, ends_on, open, state, created_at)
    select ${led.id}::uuid, ${leaderId}::uuid, 'Circle ' || n, 'Six weeks on question ' || n || ' of our practice.',
      ${startsOn}::date, ${endsOn}::date, n % 2 = 0, 'active', now() - n * interval '1 minute'
    from generate_series(1, ${count}) n`);
  // Eight members each: the community's members in turn (the member in the newest circle).
  await db.execute(sql`
    with c as (select id, row_number() over (order by created_at desc) - 1 as i from circles
        where community_id = ${led.id}::uuid),
      m as (select user_id, row_number() over (order by user_id) - 1 as j, count(*) over () as total
        from community_members where community_id = ${led.id}::uuid and user_id <> ${leaderId}::uuid)
    insert into circle_members (circle_id, user_id, status)
    select c.id, m.user_id, 'member' from c join m on m.j >= (c.i * 7) % m.total and m.j < (c.i * 7) % m.total + 7
    union all select c.id, ${leaderId}::uuid, 'member' from c where c.i = 0
    on conflict do nothing`);
  const [mine] = await db
    .select({ id: circles.id })
    .from(circles)
    .where(eq(circles.communityId, led.id))
    .orderBy(sql`${circles.createdAt} desc`)
    .limit(1);
  if (!mine) throw new Error('no circle');
  await db.execute(sql`
    insert into circle_posts (circle_id, author_id, body, created_at)
    select ${mine.id}::uuid, user_id, 'Post ' || n || ': what I tried this week and what happened.',
      now() - n * interval '1 hour'
    from generate_series(1, 100) n
    join lateral (select user_id from circle_members where circle_id = ${mine.id}::uuid
      order by user_id offset n % 8 limit 1) who on true`);
  await db.execute(sql`
    insert into circle_meetings (circle_id, organiser_id, title, starts_at, duration_minutes, place)
    select ${mine.id}::uuid, ${leaderId}::uuid, 'Session ' || n, now() + n * interval '7 days', 60, 'Room 2.14'
    from generate_series(1, 6) n`);
  await db.execute(sql`
    insert into circle_reflections (circle_id, user_id, body)
    select circle_id, user_id, 'What I take with me from these weeks.' from circle_members
    where circle_id = ${mine.id}::uuid`);
  await db.execute(
    sql`vacuum analyze circles, circle_members, circle_posts, circle_meetings, circle_reflections`,
  );
  return {
    circleListPaths: [`/api/communities/${led.slug}/circles`],
    circlePaths: [`/api/circles/${mine.id}`],
  };
}
