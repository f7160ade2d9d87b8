import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client.ts';
import { rowsOf } from '../../server/queries/raw-rows.ts';
import {
  announcementSentences,
  announcementTitles,
  discussionTitles,
  openingSentences,
  questionTitles,
  rareSentences,
  replySentences,
} from './discussion-vocabulary.ts';
import { educationTopics } from './vocabulary.ts';

export interface SeedDiscussionsOptions {
  /** Threads in all, over the living communities. */
  threads: number;
  /** Replies in all (deleted ones included), heavy-tailed per thread. */
  replies: number;
  /**
   * People whose communities each get a few threads of 50–89 replies, some threads they wrote, read
   * markers on most threads and reactions on the long threads.
   */
  featured?: readonly string[];
  /** Reactions to random replies and opening posts, besides those in featured long threads. */
  reactions?: number;
  /** Threads per batch of replies (each batch is one INSERT … SELECT). */
  batchThreads?: number;
  /** Batches in flight: 2 uses both cores of a small PostgreSQL server; keep 1 on PGlite. */
  concurrency?: number;
}

export interface SeedDiscussionsResult {
  threads: number;
  replies: number;
  announcements: number;
  questions: number;
  answered: number;
  pinned: number;
  locked: number;
  /** Threads with at least 50 replies. */
  longThreads: number;
  maxReplies: number;
  medianReplies: number;
  reactions: number;
  follows: number;
  reads: number;
}

/** A JSON list as a SQL text array, built once per statement. */
const words = (list: readonly string[]): SQL =>
  sql`array(select jsonb_array_elements_text(${JSON.stringify(list)}::jsonb))`;

/** One element of a text array, at random (per row). */
const pick = (array: SQL): SQL => sql`(${array})[1 + floor(random() * cardinality(${array}))::int]`;

/** Fills `{t}` and `{T}` with the topic. */
const withTopic = (text: SQL, topic: SQL): SQL =>
  sql`replace(replace(${text}, '{t}', ${topic}), '{T}', upper(left(${topic}, 1)) || substr(${topic}, 2))`;

/**
 * The id of reply `k` of a thread, computed (a version-4 shaped UUID from an MD5), so a reply can name
 * an earlier one as its parent, and a question its helpful answer, without reading them back.
 */
export const replyId = (threadId: SQL, k: SQL): SQL =>
  sql`overlay(overlay(md5((${threadId})::text || ':' || (${k})::text) placing '4' from 13) placing '8' from 17)::uuid`;

/** Reply `k` is deleted (about one in 211; never the first six, so helpful answers are live). */
const deletedReply = (k: SQL): SQL => sql`(${k} % 211 = 7)`;

const helperTables = ['_seed_members', '_seed_communities', '_seed_threads', '_seed_vocabulary'];

async function dropHelpers(db: Db) {
  for (const table of helperTables) await db.execute(sql`drop table if exists ${sql.identifier(table)}`);
}

async function inBatches(count: number, concurrency: number, run: (batch: number) => Promise<unknown>) {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const batch = next++;
      await run(batch);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, count)) }, worker));
}

/**
 * Seeds discussions set-based, in SQL (INSERT … SELECT over generate_series; no row travels from
 * Node): `threads` threads over the living communities, more in bigger ones (by member count^0.8),
 * written by their members (announcements by a leader); 5% announcements, 25% questions (six in ten
 * of those with replies have a helpful answer), a few pinned, locked, deleted or hidden; then
 * `replies` replies, heavy-tailed per thread (a Lomax distribution: a quarter of threads have none,
 * a few hundred have hundreds), every fifth one nested under the one before, spread over the weeks
 * after the thread started, so `lastActivityAt` is the last reply's time. `replyCount` counts the
 * replies that are not deleted. Then reactions, follows (authors follow their threads) and, for the
 * featured people, read markers: most of their communities' threads read, some since changed.
 *
 * Helper tables (`_seed_*`, unlogged) hold the plan between statements, as batches run on several
 * pool connections; they are dropped at the end. Run VACUUM ANALYZE afterwards.
 */
export async function seedDiscussions(
  db: Db,
  options: SeedDiscussionsOptions,
): Promise<SeedDiscussionsResult> {
  const featured = JSON.stringify(options.featured ?? []);
  const concurrency = options.concurrency ?? 1;
  await dropHelpers(db);

  await db.execute(sql`
    create unlogged table _seed_vocabulary as select
      ${words(discussionTitles)} as discussion_titles, ${words(questionTitles)} as question_titles,
      ${words(announcementTitles)} as announcement_titles, ${words(openingSentences)} as openings,
      ${words(announcementSentences)} as announcing, ${words(replySentences)} as replies,
      ${words(rareSentences)} as rare, ${words(educationTopics)} as topics`);

  await db.execute(sql`
    create unlogged table _seed_members as
    select community_id, user_id, role,
      (row_number() over (partition by community_id order by user_id))::int as ord
    from community_members`);
  await db.execute(sql`create index on _seed_members (community_id, ord)`);

  // Living communities with their size, a leader, their topics and the featured member in them (if any).
  await db.execute(sql`
    create unlogged table _seed_communities as
    with featured as (select value::uuid as user_id from jsonb_array_elements_text(${featured}::jsonb)),
    living as (
      select c.id, c.topics, count(m.user_id)::int as members,
        (array_agg(m.user_id order by m.user_id) filter (where m.role = 'leader'))[1] as leader_id,
        (array_agg(m.user_id order by m.user_id) filter (where f.user_id is not null))[1] as featured_id,
        bool_or(m.role in ('leader', 'co_leader', 'sponsor') and f.user_id is not null) as featured_leads
      from communities c join community_members m on m.community_id = c.id
      left join featured f on f.user_id = m.user_id
      where c.stage <> 'archived'
      group by c.id),
    weighted as (
      select *, ${options.threads}::float8 * power(members, 0.8) / sum(power(members, 0.8)) over () as exact
      from living),
    rounded as (select *, floor(exact)::int as base, exact - floor(exact) as frac from weighted)
    select id, topics, members, leader_id, featured_id, coalesce(featured_leads, false) as featured_leads,
      base + case when row_number() over (order by frac desc, id)
        <= ${options.threads} - sum(base) over () then 1 else 0 end as threads,
      case when random() < 0.15 then 1 + floor(random() * 2)::int else 0 end as pins
    from rounded`);

  // The plan of every thread: kind, author (a member's ordinal), topic, times, flags, reply weight.
  await db.execute(sql`
    create unlogged table _seed_threads as
    select gen_random_uuid() as id, c.id as community_id, c.members, c.leader_id, c.featured_id,
      c.featured_leads, g.seq,
      case when cardinality(c.topics) > 0 and random() < 0.7
        then c.topics[1 + floor(random() * cardinality(c.topics))::int]
        else v.topics[1 + floor(random() * cardinality(v.topics))::int] end as topic,
      (case when kind_roll < 0.05 then 'announcement' when kind_roll < 0.30 then 'question'
        else 'discussion' end)::thread_kind as kind,
      1 + floor(random() * c.members)::int as author_ord,
      now() - power(random(), 1.6) * interval '720 days' - interval '1 hour' as created_at,
      g.seq <= c.pins as pinned,
      random() < 0.005 as locked,
      random() < 0.004 as deleted,
      random() < 0.002 as hidden,
      random() < 0.03 as edited,
      least(power(1 - random(), -1 / 1.5) - 1, 200) as weight,
      0 as replies,
      false as fixed,
      0 as batch
    from _seed_communities c
    cross join lateral (select random() as kind_roll, s as seq from generate_series(1, c.threads) s
      where c.id is not null) g
    cross join _seed_vocabulary v`);

  // Featured people's communities: their four latest discussions and questions have 50–89 replies.
  await db.execute(sql`
    with latest as (
      select id, row_number() over (partition by community_id order by created_at desc) as position
      from _seed_threads where featured_id is not null and kind <> 'announcement' and not deleted and not hidden)
    update _seed_threads t set replies = 50 + floor(random() * 40)::int, fixed = true
    from latest where latest.id = t.id and latest.position <= 4`);
  // Everyone else shares the remaining replies by weight, rounded so the total is exact.
  await db.execute(sql`
    with totals as (
      select greatest(0, ${options.replies} - coalesce(sum(replies) filter (where fixed), 0)) as rest,
        sum(weight) filter (where not fixed) as weight
      from _seed_threads),
    shares as (
      select t.id, totals.rest * t.weight / nullif(totals.weight, 0) as exact
      from _seed_threads t, totals where not t.fixed),
    rounded as (select id, floor(exact)::int as base, exact - floor(exact) as frac from shares),
    counted as (
      select id, base + case when row_number() over (order by frac desc, id)
        <= (select rest from totals) - sum(base) over () then 1 else 0 end as replies
      from rounded)
    update _seed_threads t set replies = counted.replies from counted where counted.id = t.id`);
  const batchThreads = options.batchThreads ?? 10_000;
  await db.execute(sql`
    with numbered as (select id, row_number() over (order by id) - 1 as position from _seed_threads)
    update _seed_threads t set batch = (numbered.position / ${batchThreads})::int
    from numbered where numbered.id = t.id`);
  await db.execute(sql`create index on _seed_threads (batch)`);
  await db.execute(sql`create index on _seed_threads (id)`);

  // Reply times: spread over up to 45 days after the thread started (never in the future).
  await db.execute(sql`alter table _seed_threads add column span interval`);
  await db.execute(sql`
    update _seed_threads set span = least(now() - created_at, interval '45 days') * (0.2 + 0.8 * random())`);
  const span = sql`t.span`;
  const replyAt = (k: SQL) => sql`(t.created_at + ${span} * (${k}::float8 / (t.replies + 1)))`;
  const live = sql`(t.replies - case when t.replies >= 7 then (t.replies - 7) / 211 + 1 else 0 end)`;

  await db.execute(sql`
    insert into threads (id, community_id, author_id, kind, title, body, pinned_at, locked_at, deleted_at,
      hidden_at, reply_count, last_activity_at, created_at, edited_at)
    select t.id, t.community_id,
      case when t.kind = 'announcement' then coalesce(
          case when t.featured_leads and t.seq % 3 = 0 then t.featured_id end, t.leader_id, m.user_id)
        when t.featured_id is not null and t.seq % 10 = 1 then t.featured_id
        else m.user_id end,
      t.kind,
      ${withTopic(
        sql`case t.kind when 'question' then ${pick(sql`v.question_titles`)}
          when 'announcement' then ${pick(sql`v.announcement_titles`)} else ${pick(sql`v.discussion_titles`)} end`,
        sql`t.topic`,
      )},
      ${withTopic(
        sql`case when t.kind = 'announcement'
          then ${pick(sql`v.openings`)} || E'\n\n' || ${pick(sql`v.announcing`)} || ' ' || ${pick(sql`v.announcing`)}
          else ${pick(sql`v.openings`)} || ' ' || ${pick(sql`v.replies`)} || E'\n\n' || ${pick(sql`v.openings`)}
            || case when random() < 0.02 then ' ' || ${pick(sql`v.rare`)} else '' end end`,
        sql`t.topic`,
      )},
      case when t.pinned then t.created_at end,
      case when t.locked then ${replyAt(sql`t.replies`)} + interval '1 minute' end,
      case when t.deleted then now() - interval '1 day' end,
      case when t.hidden and not t.deleted then now() - interval '2 days' end,
      ${live},
      case when t.replies > 0 then ${replyAt(sql`t.replies`)} else t.created_at end,
      t.created_at,
      case when t.edited then t.created_at + interval '20 minutes' end
    from _seed_threads t
    cross join _seed_vocabulary v
    left join _seed_members m on m.community_id = t.community_id and m.ord = t.author_ord`);

  // Replies go in without their secondary indexes, which are built afterwards from their own definitions
  // (several times faster than updating a GIN index row by row); the primary key stays for the parents.
  const indexes = rowsOf<{ name: string; definition: string }>(
    await db.execute(sql`select indexname as name, indexdef as definition from pg_indexes
      where schemaname = current_schema() and tablename = 'posts' and indexname <> 'posts_pkey'`),
  );
  for (const index of indexes) await db.execute(sql`drop index ${sql.identifier(index.name)}`);
  const batches = rowsOf<{ batches: number }>(
    await db.execute(sql`select coalesce(max(batch) + 1, 0)::int as batches from _seed_threads`),
  )[0]?.batches;
  await inBatches(batches ?? 0, concurrency, (batch) =>
    db.execute(sql`
      insert into posts (id, thread_id, author_id, parent_id, body, created_at, edited_at, deleted_at)
      select ${replyId(sql`t.id`, sql`r.k`)}, t.id, m.user_id,
        case when r.k % 5 = 0 then ${replyId(sql`t.id`, sql`r.k - 1`)} end,
        ${withTopic(
          sql`case when random() < 0.15 then '> ' || ${pick(sql`v.replies`)} || E'\n\n' else '' end
            || ${pick(sql`v.replies`)} || ' ' || ${pick(sql`v.replies`)}
            || case when random() < 0.5 then ' ' || ${pick(sql`v.replies`)} else '' end
            || case when random() < 0.02 then ' ' || ${pick(sql`v.rare`)} else '' end`,
          sql`t.topic`,
        )},
        ${replyAt(sql`r.k`)},
        case when random() < 0.03 then ${replyAt(sql`r.k`)} + interval '10 minutes' end,
        case when ${deletedReply(sql`r.k`)} then ${replyAt(sql`r.k`)} + interval '1 hour' end
      from (
        select t.id, k, 1 + floor(random() * t.members)::int as author_ord
        from _seed_threads t cross join lateral generate_series(1, t.replies) k
        where t.batch = ${batch} offset 0) r
      join _seed_threads t on t.id = r.id
      cross join _seed_vocabulary v
      left join _seed_members m on m.community_id = t.community_id and m.ord = r.author_ord`),
  );

  await inBatches(indexes.length, concurrency, (at) =>
    db.transaction(async (tx) => {
      await tx.execute(sql`set local maintenance_work_mem = '256MB'`);
      await tx.execute(sql.raw(indexes[at]?.definition ?? 'select 1'));
    }),
  );

  // Six in ten questions with replies have a helpful answer (one of the first six replies).
  await db.execute(sql`
    update threads th set helpful_post_id = ${replyId(sql`t.id`, sql`1 + floor(random() * least(t.replies, 6))::int`)}
    from _seed_threads t
    where th.id = t.id and t.kind = 'question' and t.replies > 0 and random() < 0.6`);

  // Authors follow their threads; featured people also follow the long threads of their communities.
  await db.execute(sql`
    insert into thread_follows (thread_id, user_id, created_at)
    select id, author_id, created_at from threads where author_id is not null
    union
    select t.id, t.featured_id, now() - interval '1 day' from _seed_threads t where t.fixed
    on conflict do nothing`);

  const emojis = sql`array['👍', '❤️', '🎉', '💡', '🙏', '😄']`;
  const reactionCount = options.reactions ?? Math.round(options.replies / 20);
  // Reactions: to random replies of threads that have some, and to about a third of opening posts.
  await db.execute(sql`
    insert into reactions (thread_id, post_id, user_id, emoji, created_at)
    select r.id, case when r.opening then null else ${replyId(sql`r.id`, sql`r.k`)} end, m.user_id,
      (${emojis})[1 + floor(random() * 6)::int], r.created_at + interval '2 hours'
    from (
      select t.id, t.community_id, t.created_at, 1 + floor(random() * t.members)::int as ord,
        1 + floor(random() * greatest(t.replies, 1))::int as k, t.replies = 0 or random() < 0.3 as opening
      from (select * from _seed_threads where not deleted and not hidden order by random()
        limit ${reactionCount}) t
      offset 0) r
    join _seed_members m on m.community_id = r.community_id and m.ord = r.ord
    where r.opening or not ${deletedReply(sql`r.k`)}
    on conflict do nothing`);
  // The featured long threads: about half their replies have one to three reactions, theirs among them.
  await db.execute(sql`
    insert into reactions (thread_id, post_id, user_id, emoji, created_at)
    select t.id, ${replyId(sql`t.id`, sql`r.k`)},
      case when x.n = 1 and random() < 0.2 then t.featured_id else m.user_id end,
      (${emojis})[1 + ((r.k + x.n) % 6)], ${replyAt(sql`r.k`)} + interval '1 hour'
    from _seed_threads t
    cross join lateral generate_series(1, t.replies) r(k)
    cross join lateral (select n, 1 + floor(random() * t.members)::int as ord
      from generate_series(1, 1 + floor(random() * 3)::int) n where r.k is not null) x
    join _seed_members m on m.community_id = t.community_id and m.ord = x.ord
    where t.fixed and (r.k % 2 = 0) and not ${deletedReply(sql`r.k`)}
    on conflict do nothing`);

  // Featured people have read most of their communities' threads; a third of those changed since.
  await db.execute(sql`
    insert into thread_reads (thread_id, user_id, last_read_at)
    select th.id, t.featured_id,
      case when random() < 0.33 then th.created_at + (th.last_activity_at - th.created_at) * random()
        else th.last_activity_at + interval '1 hour' end
    from _seed_threads t join threads th on th.id = t.id
    where t.featured_id is not null and random() < 0.8
    on conflict do nothing`);

  // The communities' last activity includes their discussions.
  await db.execute(sql`
    update communities c set last_activity_at = greatest(c.last_activity_at, latest.at)
    from (select community_id, max(last_activity_at) as at from threads group by community_id) latest
    where latest.community_id = c.id`);

  await dropHelpers(db);
  return describeDiscussions(db);
}

async function describeDiscussions(db: Db): Promise<SeedDiscussionsResult> {
  const [row] = rowsOf<SeedDiscussionsResult>(
    await db.execute(sql`
      select
        (select count(*)::int from threads) as threads,
        (select count(*)::int from posts) as replies,
        (select count(*)::int from threads where kind = 'announcement') as announcements,
        (select count(*)::int from threads where kind = 'question') as questions,
        (select count(*)::int from threads where helpful_post_id is not null) as answered,
        (select count(*)::int from threads where pinned_at is not null) as pinned,
        (select count(*)::int from threads where locked_at is not null) as locked,
        (select count(*)::int from threads where reply_count >= 50) as "longThreads",
        (select coalesce(max(reply_count), 0)::int from threads) as "maxReplies",
        (select coalesce(percentile_disc(0.5) within group (order by reply_count), 0)::int from threads)
          as "medianReplies",
        (select count(*)::int from reactions) as reactions,
        (select count(*)::int from thread_follows) as follows,
        (select count(*)::int from thread_reads) as reads`),
  );
  if (!row) throw new Error('no discussions were seeded');
  return row;
}
