import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { communities, posts, resources, threads, users } from '../db/schema/index.ts';
import type { Actor } from '../plugins/auth.ts';
import type { SearchKind } from '../routes/search/schema.ts';
import { visibleTo } from './communities.ts';
import { toPrefixTsQuery } from './people.ts';
import { rowsOf } from './raw-rows.ts';

/**
 * Ranking looks at most this many matches per kind: a common word can match most posts, and ranking
 * every one of them is what makes search slow (ARCHITECTURE.md). The newest candidates are ranked
 * (people: the first found, as names have no order that matters more).
 */
export const candidatesPerKind = 200;

const headline = "'StartSel=<mark>, StopSel=</mark>, MaxWords=30, MinWords=12, MaxFragments=1'";

export interface SearchRow {
  kind: SearchKind;
  id: string;
  title: string;
  snippet: string;
  communitySlug: string | null;
  communityName: string | null;
  threadId: string | null;
  rank: number;
  total: number;
}

/**
 * One search over communities, discussion threads, replies, Toolkit resources and people, with websearch syntax (quotes,
 * OR, -word) for the English text and prefix matching for names. Every branch is scoped by the same
 * visibility rule as the directory (`visibleTo`), leaves out deleted and hidden posts, and gives people
 * only to signed-in searchers, so a result is never something the searcher may not read.
 */
export async function searchEverything(
  db: Db,
  actor: Actor | null,
  filter: { q: string; kind?: SearchKind | undefined; community?: string | undefined; limit: number },
): Promise<{ rows: SearchRow[]; counts: Record<SearchKind, number> }> {
  const query = sql`websearch_to_tsquery('english', ${filter.q})`;
  const visible = visibleTo(actor) ?? sql`true`;
  const inCommunity: SQL = filter.community ? sql`${communities.slug} = ${filter.community}` : sql`true`;
  // Every kind is searched (the counts show on the filter tabs); `kind` only picks what is returned.
  const branches: SQL[] = [];
  // Snippets are made only for the rows a kind can show (ts_headline is the costly part of a search),
  // after the candidates are ranked; each branch hands its text over as `doc`.
  const ranked = (inner: SQL, config: 'english' | 'simple' = 'english', tsQuery: SQL = query) =>
    sql`(select kind, id, title,
        ts_headline(${sql.raw(`'${config}'`)}, doc, ${tsQuery}, ${sql.raw(headline)}) as snippet,
        community_slug, community_name, thread_id, rank, total
      from (select *, count(*) over () as total from (${inner} limit ${candidatesPerKind}) candidates
        order by rank desc limit ${filter.limit}) best)`;
  branches.push(
    ranked(sql`select 'community' as kind, ${communities.id} as id, ${communities.name} as title,
        ${communities.purpose} as doc,
        ${communities.slug} as community_slug, ${communities.name} as community_name, null::uuid as thread_id,
        ts_rank_cd(${communities.search}, ${query}) as rank
        from ${communities}
        where ${communities.search} @@ ${query} and ${visible} and ${inCommunity}
        order by ${communities.lastActivityAt} desc`),
  );
  branches.push(
    ranked(sql`select 'thread' as kind, t.id, t.title,
        t.body as doc,
        ${communities.slug} as community_slug, ${communities.name} as community_name, t.id as thread_id,
        ts_rank_cd(t.search, ${query}) as rank
        from ${threads} t join ${communities} on ${communities.id} = t.community_id
        where t.search @@ ${query} and t.deleted_at is null and t.hidden_at is null and ${visible} and ${inCommunity}
        order by t.last_activity_at desc`),
  );
  // Replies are the biggest table: across all communities, the newest few hundred matches are taken
  // from posts alone (its own index and rows) before each is joined to its thread and community; a
  // common pair of words would otherwise join thousands of replies to keep 200.
  const newestReplies = filter.community
    ? sql`${posts}`
    : sql`(select * from ${posts} p0 where p0.search @@ ${query} and p0.deleted_at is null
        and p0.hidden_at is null order by p0.created_at desc limit ${candidatesPerKind * 3})`;
  branches.push(
    ranked(sql`select 'reply' as kind, p.id, t.title,
        p.body as doc,
        ${communities.slug} as community_slug, ${communities.name} as community_name, t.id as thread_id,
        ts_rank_cd(p.search, ${query}) as rank
        from ${newestReplies} p join ${threads} t on t.id = p.thread_id
          join ${communities} on ${communities.id} = t.community_id
        where p.search @@ ${query} and p.deleted_at is null and p.hidden_at is null
          and t.deleted_at is null and t.hidden_at is null and ${visible} and ${inCommunity}
        order by p.created_at desc`),
  );
  branches.push(
    ranked(sql`select 'resource' as kind, r.id, r.title,
        r.description || ' ' || r.body as doc,
        ${communities.slug} as community_slug, ${communities.name} as community_name, null::uuid as thread_id,
        ts_rank_cd(r.search, ${query}) as rank
        from ${resources} r join ${communities} on ${communities.id} = r.community_id
        where r.search @@ ${query} and r.deleted_at is null and ${visible} and ${inCommunity}
        order by r.created_at desc`),
  );
  const prefix = toPrefixTsQuery(filter.q);
  if (actor && prefix && !filter.community) {
    const people = sql`to_tsquery('simple', ${prefix})`;
    branches.push(
      ranked(
        sql`select 'person' as kind, ${users.id} as id, ${users.displayName} as title,
        ${users.searchDocument} as doc,
        null::text as community_slug, null::text as community_name, null::uuid as thread_id,
        ts_rank(${users.search}, ${people}) as rank
        from ${users}
        where ${users.search} @@ ${people} and ${users.suspendedAt} is null`,
        'simple',
        people,
      ),
    );
  }
  const result = await db.execute(sql`select * from (${sql.join(branches, sql` union all `)}) results`);
  const all = rowsOf<Record<string, unknown>>(result).map((row) => ({
    kind: row.kind as SearchKind,
    id: String(row.id),
    title: String(row.title),
    snippet: String(row.snippet ?? ''),
    communitySlug: (row.community_slug as string | null) ?? null,
    communityName: (row.community_name as string | null) ?? null,
    threadId: (row.thread_id as string | null) ?? null,
    rank: Number(row.rank),
    total: Number(row.total),
  }));
  const counts: Record<SearchKind, number> = { community: 0, thread: 0, reply: 0, resource: 0, person: 0 };
  for (const row of all) counts[row.kind] = row.total;
  const rows = all
    .filter((row) => !filter.kind || row.kind === filter.kind)
    .sort((a, b) => b.rank - a.rank || a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id))
    .slice(0, filter.limit);
  return { rows: rows as SearchRow[], counts };
}
