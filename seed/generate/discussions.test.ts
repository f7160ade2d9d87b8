import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/client.ts';
import { openTestDatabase } from '../../server/test/database.ts';
import { loadSeedPeople, seedCommunities } from './communities.ts';
import { seedDiscussions } from './discussions.ts';
import { ensureUnits, seedPeople, unitNames } from './people.ts';
import { seedToolkit } from './toolkit.ts';

let database: Database;
let dispose: () => Promise<void>;
let featuredId = '';

beforeAll(async () => {
  ({ database, dispose } = await openTestDatabase());
  const { db } = database;
  const units = await ensureUnits(db, unitNames);
  const { sample } = await seedPeople(db, { count: 300, units, passwordHash: 'not-a-real-hash' });
  const [featured] = await rowsOf<{ id: string }>(
    sql`select id from users where email = ${sample[0]?.email ?? ''}`,
  );
  featuredId = featured?.id ?? '';
  await seedCommunities(db, {
    count: 30,
    memberships: 900,
    units,
    people: await loadSeedPeople(db),
    featured: [{ userId: featuredId, leads: 1, joins: 2 }],
  });
});
afterAll(async () => {
  await dispose();
});

const rowsOf = async <T>(query: SQL) => ((await database.db.execute(query)) as unknown as { rows: T[] }).rows;
const count = async (query: SQL) => (await rowsOf<{ n: number }>(query))[0]?.n;

describe('seedDiscussions', () => {
  it('writes exactly the threads and replies asked for, consistent with each other', async () => {
    const postIndexes = async () =>
      (
        await rowsOf<{ name: string }>(
          sql`select indexname as name from pg_indexes where tablename = 'posts' order by indexname`,
        )
      ).map((row) => row.name);
    const indexesBefore = await postIndexes();
    const result = await seedDiscussions(database.db, {
      threads: 400,
      replies: 4_000,
      featured: [featuredId],
      batchThreads: 150,
    });
    expect(result.threads).toBe(400);
    expect(result.replies).toBe(4_000);
    expect(result.announcements).toBeGreaterThan(0);
    expect(result.questions).toBeGreaterThan(0);
    expect(result.answered).toBeGreaterThan(0);
    expect(result.longThreads).toBeGreaterThanOrEqual(12);
    expect(result.reactions).toBeGreaterThan(0);

    // Counts, last activity, nesting, helpful answers and authors agree with the rows.
    expect(
      await count(sql`select count(*)::int as n from threads t
        where reply_count <> (select count(*) from posts p where p.thread_id = t.id and p.deleted_at is null)
          or last_activity_at <> coalesce((select max(created_at) from posts p where p.thread_id = t.id), created_at)`),
    ).toBe(0);
    expect(
      await count(sql`select count(*)::int as n from posts p join posts parent on parent.id = p.parent_id
        where parent.parent_id is not null or parent.thread_id <> p.thread_id or parent.created_at >= p.created_at`),
    ).toBe(0);
    expect(
      await count(sql`select count(*)::int as n from threads t join posts p on p.id = t.helpful_post_id
        where p.thread_id <> t.id or p.deleted_at is not null or t.kind <> 'question'`),
    ).toBe(0);
    expect(
      await count(sql`select count(*)::int as n from posts p join threads t on t.id = p.thread_id
        where not exists (select 1 from community_members m where m.community_id = t.community_id and m.user_id = p.author_id)`),
    ).toBe(0);
    expect(
      await count(sql`select count(*)::int as n from threads t join communities c on c.id = t.community_id
        where c.stage = 'archived' or t.created_at > now() or t.last_activity_at > now()`),
    ).toBe(0);
    // Ids are version-4 shaped, as the API's id fields require.
    expect(
      await count(sql`select count(*)::int as n from posts
        where id::text !~ '^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$'`),
    ).toBe(0);
    // The featured member: long threads in each of their living communities, read markers, some unread.
    expect(
      await count(sql`select count(distinct t.community_id)::int as n from threads t
        join community_members m on m.community_id = t.community_id and m.user_id = ${featuredId}
        where t.reply_count >= 50`),
    ).toBeGreaterThanOrEqual(2);
    expect(
      await count(sql`select count(*)::int as n from thread_reads r join threads t on t.id = r.thread_id
        where r.user_id = ${featuredId} and r.last_read_at < t.last_activity_at`),
    ).toBeGreaterThan(0);
    // A common word finds many posts through the generated search vectors; the helper tables are gone.
    expect(
      await count(
        sql`select count(*)::int as n from posts where search @@ websearch_to_tsquery('english', 'feedback')`,
      ),
    ).toBeGreaterThan(100);
    expect(
      await count(sql`select count(*)::int as n from pg_tables where tablename like '\\_seed\\_%'`),
    ).toBe(0);
    // The replies' indexes, dropped for the insert, are all back.
    expect(indexesBefore).toContain('posts_search_idx');
    expect(await postIndexes()).toEqual(indexesBefore);
  });
});

describe('seedToolkit', () => {
  it('writes resources of every kind with topics, files, featured ones and use counts', async () => {
    const result = await seedToolkit(database.db, { resources: 600, featured: [featuredId] });
    expect(result.resources).toBe(600);
    expect(result.kinds).toBe(8);
    expect(result.featured).toBeGreaterThan(0);
    expect(result.files).toBeGreaterThan(0);
    expect(result.topics).toBeGreaterThan(0);
    expect(
      await count(sql`select count(*)::int as n from resources
        where file_key is not null and (file_key !~ '^toolkit/[0-9a-f]{2}/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
          or substr(file_key, 9, 2) <> substr(file_key, 12, 2) or file_name is null or file_mime is null or file_size is null)`),
    ).toBe(0);
    expect(
      await count(sql`select count(*)::int as n from resources r
        where use_count <> (select count(*) from resource_uses u where u.resource_id = r.id)
          or (kind in ('link', 'tool') and url is null)
          or (kind = 'video' and (video_provider not in ('youtube', 'vimeo') or video_id is null))
          or (kind = 'article' and body = '')`),
    ).toBe(0);
    expect(
      await count(sql`select count(*)::int as n from resource_topics rt join resources r on r.id = rt.resource_id
        join toolkit_topics tt on tt.id = rt.topic_id where tt.community_id <> r.community_id`),
    ).toBe(0);
    expect(
      await count(sql`select count(*)::int as n from resources r
        join community_members m on m.community_id = r.community_id and m.user_id = ${featuredId}`),
    ).toBeGreaterThan(0);
    expect(
      await count(
        sql`select count(*)::int as n from resources where search @@ websearch_to_tsquery('english', 'template')`,
      ),
    ).toBeGreaterThan(0);
  });
});
