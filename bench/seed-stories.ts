import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../server/db/client.ts';
import { communities, communityMembers } from '../server/db/schema/index.ts';
import { rowsOf } from '../server/queries/raw-rows.ts';

/**
 * Value stories and a year of activity (#17 §2–3) in the community the bench member leads: `events`
 * entries of the event log over the last 365 days by its members (posts, replies, reactions,
 * attendance, views, uses), `stories` value stories (a fifth featured, one in twenty hidden), and some
 * unanswered questions and overdue action items, so the suggestions have signals to read. Set-based
 * statements. Returns the paths to measure: the stories list's first pages (keyset cursors followed),
 * the value-creation matrix and the suggestions.
 */
export async function seedValueStories(
  db: Db,
  leaderId: string,
  options: { events?: number; stories?: number } = {},
): Promise<{ storyListPaths: string[]; valueMatrixPaths: string[]; suggestionsPaths: string[] }> {
  const events = options.events ?? 500_000;
  const stories = options.stories ?? 2_000;
  const [led] = await db
    .select({ id: communities.id, slug: communities.slug })
    .from(communityMembers)
    .innerJoin(communities, eq(communities.id, communityMembers.communityId))
    .where(and(eq(communityMembers.userId, leaderId), eq(communityMembers.role, 'leader')))
    .limit(1);
  if (!led) throw new Error('the bench member leads no community');
  const kinds = sql`array['reply.posted','reply.posted','reaction.added','reaction.added','resource.viewed',
    'resource.viewed','resource.viewed','thread.posted','meeting.attended','resource.used','survey.answered']`;
  // Members act over the year, the busiest months long ago (participation falls: a signal to read).
  await db.execute(sql`
    with m as (select user_id, row_number() over (order by user_id) as n, count(*) over () as total
      from community_members where community_id = ${led.id})
    insert into activity_events (community_id, actor_id, kind, subject_type, subject_id, occurred_at)
    select ${led.id}::uuid, m.user_id, (${kinds})[1 + (g % 11)], 'bench', gen_random_uuid(),
      now() - (power((g % 1000) / 1000.0, 0.7) * interval '365 days')
    from generate_series(1, ${events}) g
    join m on m.n = 1 + (abs(hashtext(g::text)) % m.total)`);
  await db.execute(sql`
    insert into value_stories (community_id, author_id, title, immediate, potential, applied, realised,
      transformative, status, featured_at, created_at)
    select ${led.id}::uuid, ${leaderId}::uuid, 'What the community gave me, ' || g,
      'We met in the workshop on rubrics and tried peer feedback together (' || g || ').',
      case when g % 2 = 0 then 'A rubric template and two colleagues to ask.' else '' end,
      case when g % 3 = 0 then 'I used the rubric in my first-year course.' else '' end,
      case when g % 5 = 0 then 'Marking took half the time.' else '' end,
      case when g % 11 = 0 then 'We now count feedback quality as success, not only grades.' else '' end,
      case when g % 20 = 0 then 'hidden' else 'published' end,
      case when g % 5 = 1 then now() - g * interval '1 hour' end,
      now() - g * interval '3 hours'
    from generate_series(1, ${stories}) g`);
  await db.execute(sql`
    insert into threads (community_id, author_id, kind, title, body, created_at, last_activity_at)
    select ${led.id}::uuid, ${leaderId}::uuid, 'question', 'An open question ' || g, 'Who knows?',
      now() - (8 + g) * interval '1 day', now() - (8 + g) * interval '1 day'
    from generate_series(1, 20) g`);
  await db.execute(sql`
    insert into action_items (community_id, title, due_on, created_by)
    select ${led.id}::uuid, 'Follow up ' || g, current_date - g, ${leaderId}::uuid from generate_series(1, 20) g`);
  await db.execute(sql`vacuum analyze activity_events, value_stories, threads, action_items`);
  // The list's first three pages, as "load more" asks for them.
  const pages = [`/api/communities/${led.slug}/stories`];
  const cursors = await db.execute(sql`
    select to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at, id from value_stories
    where community_id = ${led.id} order by created_at desc, id desc`);
  const rows = rowsOf<{ at: string; id: string }>(cursors);
  for (const index of [19, 39]) {
    const row = rows[index];
    if (row) {
      const cursor = Buffer.from(JSON.stringify([row.at, row.id])).toString('base64url');
      pages.push(`/api/communities/${led.slug}/stories?cursor=${cursor}`);
    }
  }
  return {
    storyListPaths: pages,
    valueMatrixPaths: [`/api/communities/${led.slug}/value-matrix`],
    suggestionsPaths: [`/api/communities/${led.slug}/suggestions`],
  };
}
