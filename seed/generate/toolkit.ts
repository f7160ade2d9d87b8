import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client.ts';
import { rowsOf } from '../../server/queries/raw-rows.ts';
import { resourceSentences, resourceTitles, subTopicNames } from './discussion-vocabulary.ts';
import { educationTopics } from './vocabulary.ts';

export interface SeedToolkitOptions {
  /** Resources in all, over the living communities. */
  resources: number;
  /** "I used this" records in all (a tenth of the resources by default). */
  uses?: number;
  /** People whose communities get resources they wrote and featured ones. */
  featured?: readonly string[];
}

export interface SeedToolkitResult {
  resources: number;
  /** How many of the kinds occur. */
  kinds: number;
  files: number;
  videos: number;
  featured: number;
  topics: number;
  uses: number;
}

const words = (list: readonly string[]): SQL =>
  sql`array(select jsonb_array_elements_text(${JSON.stringify(list)}::jsonb))`;
const pick = (array: SQL): SQL => sql`(${array})[1 + floor(random() * cardinality(${array}))::int]`;
const withTopic = (text: SQL, topic: SQL): SQL =>
  sql`replace(replace(${text}, '{t}', ${topic}), '{T}', upper(left(${topic}, 1)) || substr(${topic}, 2))`;

const helperTables = ['_seed_tk_communities', '_seed_tk_topics', '_seed_resources', '_seed_members'];

async function dropHelpers(db: Db) {
  for (const table of helperTables) await db.execute(sql`drop table if exists ${sql.identifier(table)}`);
}

/** What an uploaded file of each extension is stored as. */
const fileTypes = sql`(array[
  ['pdf', 'application/pdf'],
  ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  ['pptx', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
  ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ['odt', 'application/vnd.oasis.opendocument.text']])`;

/**
 * Seeds the Toolkit set-based, in SQL: three to five topics in every living community that gets
 * resources (its own topics first), half of them with one or two sub-topics; `resources` resources,
 * more in bigger communities (by member count^0.7), written by their members, of every kind: links
 * and tools with a URL, videos with a provider and id, articles with a Markdown body, files (and most
 * strategy documents, templates and lesson plans) with a generated storage key
 * (`toolkit/<first byte>/<uuid>`, no file on disk), name, type and size; titles and descriptions on
 * educational practice; 3% featured by a leader; heavy-tailed view and download counts; one or two
 * topics each; "I used this" records, with `useCount` their number. Run VACUUM ANALYZE afterwards.
 */
export async function seedToolkit(db: Db, options: SeedToolkitOptions): Promise<SeedToolkitResult> {
  const featured = JSON.stringify(options.featured ?? []);
  await dropHelpers(db);
  await db.execute(sql`
    create unlogged table _seed_members as
    select community_id, user_id,
      (row_number() over (partition by community_id order by user_id))::int as ord
    from community_members`);
  await db.execute(sql`create index on _seed_members (community_id, ord)`);

  await db.execute(sql`
    create unlogged table _seed_tk_communities as
    with featured as (select value::uuid as user_id from jsonb_array_elements_text(${featured}::jsonb)),
    living as (
      select c.id, c.topics, count(m.user_id)::int as members,
        (array_agg(m.user_id order by m.user_id) filter (where m.role = 'leader'))[1] as leader_id,
        (array_agg(m.user_id order by m.user_id) filter (where f.user_id is not null))[1] as featured_id
      from communities c join community_members m on m.community_id = c.id
      left join featured f on f.user_id = m.user_id
      where c.stage <> 'archived'
      group by c.id),
    weighted as (
      select *, ${options.resources}::float8 * power(members, 0.7) / sum(power(members, 0.7)) over () as exact
      from living),
    rounded as (select *, floor(exact)::int as base, exact - floor(exact) as frac from weighted)
    select id, topics, members, leader_id, featured_id,
      base + case when row_number() over (order by frac desc, id)
        <= ${options.resources} - sum(base) over () then 1 else 0 end as resources
    from rounded`);

  // Topics: the community's own first, then others, three to five in all.
  await db.execute(sql`
    insert into toolkit_topics (community_id, name, created_at)
    select c.id, x.name, now() - interval '700 days'
    from _seed_tk_communities c
    cross join lateral (
      select name from (
        select name, row_number() over (order by (name = any(c.topics)) desc, random()) as position
        from (select distinct lower(unnest(c.topics || ${words(educationTopics)})) as name) names) ranked
      where position <= 3 + (abs(hashtext(c.id::text)) % 3)) x
    where c.resources > 0`);
  await db.execute(sql`
    insert into toolkit_topics (community_id, parent_id, name, created_at)
    select t.community_id, t.id, x.name, now() - interval '600 days'
    from toolkit_topics t
    cross join lateral (
      select name from (
        select name, row_number() over (order by random()) as position
        from unnest(${words(subTopicNames)}) name where t.id is not null) ranked
      where position <= 1 + (abs(hashtext(t.id::text)) % 2)) x
    where t.parent_id is null and abs(hashtext(t.id::text || 'sub')) % 2 = 0`);
  await db.execute(sql`
    create unlogged table _seed_tk_topics as
    select t.community_id, t.id, t.parent_id, coalesce(parent.name, t.name) as topic,
      (row_number() over (partition by t.community_id order by t.id))::int as ord,
      (count(*) over (partition by t.community_id))::int as topics
    from toolkit_topics t left join toolkit_topics parent on parent.id = t.parent_id
    where t.community_id in (select id from _seed_tk_communities)`);
  await db.execute(sql`create index on _seed_tk_topics (community_id, ord)`);

  await db.execute(sql`
    create unlogged table _seed_resources as
    select gen_random_uuid() as id, gen_random_uuid() as file_uuid, c.id as community_id, c.members,
      c.leader_id, c.featured_id, g.seq,
      (case when g.roll < 0.20 then 'link' when g.roll < 0.35 then 'file' when g.roll < 0.45 then 'video'
        when g.roll < 0.55 then 'article' when g.roll < 0.63 then 'strategy_document'
        when g.roll < 0.77 then 'template' when g.roll < 0.92 then 'lesson_plan' else 'tool' end)::resource_kind
        as kind,
      random() < 0.7 as has_file,
      1 + floor(random() * c.members)::int as author_ord,
      1 + floor(random() * (select count(*) from _seed_tk_topics tt where tt.community_id = c.id))::int
        as topic_ord,
      now() - power(random(), 1.4) * interval '700 days' as created_at,
      random() < 0.03 as featured,
      floor(least(power(1 - random(), -1 / 1.3) - 1, 400) * 12)::int as views
    from _seed_tk_communities c
    cross join lateral (select s as seq, random() as roll from generate_series(1, c.resources) s
      where c.id is not null) g`);

  const fileKind = sql`(r.kind = 'file' or (r.kind in ('strategy_document', 'template', 'lesson_plan') and r.has_file))`;
  const type = sql`(${fileTypes})[1 + (abs(hashtext(r.id::text)) % 5)]`;
  const videoId = sql`case when abs(hashtext(r.id::text)) % 10 < 7 then left(md5(r.id::text), 11)
    else (100000000 + abs(hashtext(r.id::text || 'v')) % 900000000)::text end`;
  await db.execute(sql`
    insert into resources (id, community_id, author_id, kind, title, description, body, url, video_provider,
      video_id, file_key, file_name, file_mime, file_size, featured_at, featured_by, view_count,
      download_count, created_at, updated_at)
    select r.id, r.community_id,
      case when r.featured_id is not null and r.seq % 8 = 1 then r.featured_id else m.user_id end,
      r.kind, x.title,
      ${withTopic(sql`${pick(sql`v.sentences`)} || ' ' || ${pick(sql`v.sentences`)}`, sql`tt.topic`)},
      case when r.kind = 'article' or (r.kind in ('strategy_document', 'template', 'lesson_plan') and not r.has_file)
        then ${withTopic(
          sql`'## Why {t}' || E'\n\n' || ${pick(sql`v.sentences`)} || ' ' || ${pick(sql`v.sentences`)}
            || E'\n\n## How to use it\n\n- ' || ${pick(sql`v.sentences`)} || E'\n- ' || ${pick(sql`v.sentences`)}`,
          sql`tt.topic`,
        )} else '' end,
      case when r.kind in ('link', 'tool')
          then 'https://example.org/' || regexp_replace(tt.topic, '[^a-z0-9]+', '-', 'g') || '/' || left(md5(r.id::text), 8)
        when r.kind = 'video' then case when abs(hashtext(r.id::text)) % 10 < 7
          then 'https://www.youtube.com/watch?v=' || ${videoId} else 'https://vimeo.com/' || ${videoId} end end,
      case when r.kind = 'video' then case when abs(hashtext(r.id::text)) % 10 < 7 then 'youtube' else 'vimeo' end end,
      case when r.kind = 'video' then ${videoId} end,
      case when ${fileKind} then 'toolkit/' || left(r.file_uuid::text, 2) || '/' || r.file_uuid::text end,
      case when ${fileKind} then trim(both '-' from regexp_replace(lower(x.title), '[^a-z0-9]+', '-', 'g'))
        || '.' || ${type}[1] end,
      case when ${fileKind} then ${type}[2] end,
      case when ${fileKind} then 20000 + floor(power(random(), 3) * 8000000)::int end,
      case when r.featured then r.created_at + interval '2 days' end,
      case when r.featured then r.leader_id end,
      r.views,
      case when ${fileKind} then floor(r.views * (0.2 + 0.5 * random()))::int else 0 end,
      r.created_at, r.created_at
    from _seed_resources r
    join _seed_tk_topics tt on tt.community_id = r.community_id and tt.ord = r.topic_ord
    cross join (select ${words(resourceSentences)} as sentences,
      jsonb_build_object(${sql.join(
        Object.entries(resourceTitles).flatMap(([kind, titles]) => [
          sql`${kind}::text`,
          sql`${JSON.stringify(titles)}::jsonb`,
        ]),
        sql`, `,
      )}) as titles) v
    cross join lateral (select ${withTopic(
      sql`(v.titles -> r.kind::text) ->> floor(random() * jsonb_array_length(v.titles -> r.kind::text))::int`,
      sql`tt.topic`,
    )} as title where r.id is not null) x
    left join _seed_members m on m.community_id = r.community_id and m.ord = r.author_ord`);

  // Filed under their topic (a sub-topic's parent too) and, for a third, one more of the community's.
  await db.execute(sql`
    insert into resource_topics (resource_id, topic_id)
    select r.id, tt.id from _seed_resources r
    join _seed_tk_topics tt on tt.community_id = r.community_id and tt.ord = r.topic_ord
    union
    select r.id, tt.parent_id from _seed_resources r
    join _seed_tk_topics tt on tt.community_id = r.community_id and tt.ord = r.topic_ord
    where tt.parent_id is not null
    union
    select r.id, tt.id from (
      select id, community_id, 1 + floor(random() * (select count(*) from _seed_tk_topics t
        where t.community_id = s.community_id))::int as ord
      from _seed_resources s where random() < 0.33 offset 0) r
    join _seed_tk_topics tt on tt.community_id = r.community_id and tt.ord = r.ord
    on conflict do nothing`);

  const uses = options.uses ?? Math.round(options.resources / 10);
  await db.execute(sql`
    insert into resource_uses (resource_id, user_id, kind, story, created_at, updated_at)
    select r.id, m.user_id, (case when random() < 0.6 then 'used' else 'adapted' end)::resource_use_kind,
      case when random() < 0.7 then ${pick(sql`v.sentences`)} else '' end, at, at
    from (
      select s.id, s.community_id, s.created_at + (now() - s.created_at) * random() as at,
        1 + floor(random() * s.members)::int as ord
      from _seed_resources s
      cross join lateral generate_series(1, 1 + abs(hashtext(s.id::text)) % 4) n
      order by random() limit ${uses}) r
    cross join (select ${words(['We used this with our first-year students and it worked well.', 'Adapted for a smaller seminar group.', 'Students found it clear and useful.', 'We changed the rubric to match our learning outcomes.'])} as sentences) v
    join _seed_members m on m.community_id = r.community_id and m.ord = r.ord`);
  await db.execute(sql`
    update resources r set use_count = counted.n
    from (select resource_id, count(*)::int as n from resource_uses group by resource_id) counted
    where counted.resource_id = r.id`);

  await dropHelpers(db);
  const [row] = rowsOf<SeedToolkitResult>(
    await db.execute(sql`
      select
        (select count(*)::int from resources) as resources,
        (select count(distinct kind)::int from resources) as kinds,
        (select count(*)::int from resources where file_key is not null) as files,
        (select count(*)::int from resources where kind = 'video') as videos,
        (select count(*)::int from resources where featured_at is not null) as featured,
        (select count(*)::int from toolkit_topics) as topics,
        (select count(*)::int from resource_uses) as uses`),
  );
  if (!row) throw new Error('no resources were seeded');
  return row;
}
