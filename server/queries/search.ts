import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { communities, posts, resources, threads, users } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import type { Actor } from '../plugins/auth.ts';
import { type SearchKind, searchKinds } from '../routes/search/schema.ts';
import { visibleTo } from './communities.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { listPersonSummaries, toPrefixTsQuery } from './people.ts';
import { rowsOf } from './raw-rows.ts';

/**
 * Ranking looks at most this many matches per kind: a common word can match most posts, and ranking
 * every one of them is what makes search slow (ARCHITECTURE.md). The newest candidates are ranked
 * (people: the first found, as names have no order that matters more), and paging walks through all
 * of them, so the counts are what the pages hold.
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
  /** A person result's card (people only). */
  person?: PersonCardRow | undefined;
}

type PersonCardRow = Awaited<ReturnType<typeof listPersonSummaries>>[number];

export interface SearchFilter {
  q: string;
  kind?: SearchKind | undefined;
  community?: string | undefined;
  cursor?: string | undefined;
  limit: number;
  /** Whether people are searched too (`canBrowsePeople`). */
  withPeople: boolean;
}

/** A ts_rank value as PostgreSQL writes a `real` (round-trips exactly through `::real`). */
const rankPattern = /^(?:\d+(?:\.\d+)?(?:e[+-]?\d+)?|0)$/i;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The position after the last result of a page: its rank (as exact text), kind and id, the order
 * every page is sorted in (best first, then kind and id to break ties).
 */
function searchCursorAfter(cursor: string | undefined) {
  const after = decodeCursor(cursor, 3);
  if (!after) return undefined;
  const [rank, kind, id] = after;
  if (
    typeof rank !== 'string' ||
    !rankPattern.test(rank) ||
    !searchKinds.includes(kind as SearchKind) ||
    typeof id !== 'string' ||
    !uuidPattern.test(id)
  )
    throw new AppError('validation_failed', 'The cursor is not valid.', {
      cursor: 'not a cursor from this search',
    });
  return { rank, kind: kind as SearchKind, id };
}

/** Best first, then kind and id: the same order as the SQL (`rank desc, kind, id`). */
function byRank(a: RawRow, b: RawRow): number {
  if (a.rankValue !== b.rankValue) return b.rankValue - a.rankValue;
  if (a.kind !== b.kind) return a.kind < b.kind ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

interface RawRow extends SearchRow {
  rankText: string;
  rankValue: number;
}

/**
 * One search over communities, discussion threads, replies, Toolkit resources and people, with
 * websearch syntax (quotes, OR, -word) for the English text and prefix matching for names, paged by
 * an opaque cursor (rank, kind, id) that works for one kind and for all of them together. Every branch
 * is scoped by the same visibility rule as the directory (`visibleTo`), leaves out deleted and hidden
 * posts, and gives people only when `withPeople`, so a result is never something the searcher may not
 * read. One statement: each kind's candidates once (a CTE), counted for the tabs and ranked for the
 * page; snippets (`ts_headline`, the costly part) are made only for the rows of the page.
 */
export async function searchEverything(
  db: Db,
  actor: Actor | null,
  filter: SearchFilter,
): Promise<{ rows: SearchRow[]; counts: Record<SearchKind, number>; nextCursor: string | null }> {
  if (!Number.isSafeInteger(filter.limit) || filter.limit < 1)
    throw new Error('limit must be a whole number');
  const after = searchCursorAfter(filter.cursor);
  const query = sql`websearch_to_tsquery('english', ${filter.q})`;
  const visible = visibleTo(actor) ?? sql`true`;
  const inCommunity: SQL = filter.community ? sql`${communities.slug} = ${filter.community}` : sql`true`;
  // Each kind's candidates: kind, id, title, doc (the text snippets come from), community, thread, rank.
  const candidates: Partial<Record<SearchKind, SQL>> = {};
  candidates.community = sql`select 'community'::text as kind, ${communities.id} as id, ${communities.name} as title,
      ${communities.purpose} as doc,
      ${communities.slug} as community_slug, ${communities.name} as community_name, null::uuid as thread_id,
      ts_rank_cd(${communities.search}, ${query}) as rank
      from ${communities}
      where ${communities.search} @@ ${query} and ${visible} and ${inCommunity}
      order by ${communities.lastActivityAt} desc`;
  candidates.thread = sql`select 'thread'::text as kind, t.id, t.title,
      t.body as doc,
      ${communities.slug} as community_slug, ${communities.name} as community_name, t.id as thread_id,
      ts_rank_cd(t.search, ${query}) as rank
      from ${threads} t join ${communities} on ${communities.id} = t.community_id
      where t.search @@ ${query} and t.deleted_at is null and t.hidden_at is null and ${visible} and ${inCommunity}
      order by t.last_activity_at desc`;
  // Replies are the biggest table: across all communities, the newest few hundred matches are taken
  // from posts alone (its own index and rows) before each is joined to its thread and community; a
  // common pair of words would otherwise join thousands of replies to keep 200.
  const newestReplies = filter.community
    ? sql`${posts}`
    : sql`(select * from ${posts} p0 where p0.search @@ ${query} and p0.deleted_at is null
        and p0.hidden_at is null order by p0.created_at desc limit ${candidatesPerKind * 3})`;
  candidates.reply = sql`select 'reply'::text as kind, p.id, t.title,
      p.body as doc,
      ${communities.slug} as community_slug, ${communities.name} as community_name, t.id as thread_id,
      ts_rank_cd(p.search, ${query}) as rank
      from ${newestReplies} p join ${threads} t on t.id = p.thread_id
        join ${communities} on ${communities.id} = t.community_id
      where p.search @@ ${query} and p.deleted_at is null and p.hidden_at is null
        and t.deleted_at is null and t.hidden_at is null and ${visible} and ${inCommunity}
      order by p.created_at desc`;
  candidates.resource = sql`select 'resource'::text as kind, r.id, r.title,
      r.description || ' ' || r.body as doc,
      ${communities.slug} as community_slug, ${communities.name} as community_name, null::uuid as thread_id,
      ts_rank_cd(r.search, ${query}) as rank
      from ${resources} r join ${communities} on ${communities.id} = r.community_id
      where r.search @@ ${query} and r.deleted_at is null and ${visible} and ${inCommunity}
      order by r.created_at desc`;
  const prefix = toPrefixTsQuery(filter.q);
  if (filter.withPeople && prefix && !filter.community) {
    const people = sql`to_tsquery('simple', ${prefix})`;
    // A person's card shows who they are; their search document is no snippet (no doc).
    candidates.person = sql`select 'person'::text as kind, ${users.id} as id, ${users.displayName} as title,
      null::text as doc,
      null::text as community_slug, null::text as community_name, null::uuid as thread_id,
      ts_rank(${users.search}, ${people}) as rank
      from ${users}
      where ${users.search} @@ ${people} and ${users.suspendedAt} is null`;
  }

  const searched = searchKinds.filter((kind) => candidates[kind]);
  const shown = searched.filter((kind) => !filter.kind || kind === filter.kind);
  const rows = filter.limit + 1;
  const afterCursor = after
    ? sql`and (rank < ${after.rank}::real or (rank = ${after.rank}::real
        and (kind collate "C" > ${after.kind} or (kind = ${after.kind} and id > ${after.id}::uuid))))`
    : sql``;
  const ctes = searched.map(
    (kind) =>
      sql`${sql.raw(`c_${kind}`)} as (${candidates[kind]} limit ${sql.raw(String(candidatesPerKind))})`,
  );
  const pageBranches = shown.map(
    (kind) => sql`(select * from ${sql.raw(`c_${kind}`)} where true ${afterCursor}
      order by rank desc, id limit ${sql.raw(String(rows))})`,
  );
  const countColumns = searchKinds.map((kind) =>
    candidates[kind]
      ? sql`(select count(*)::int from ${sql.raw(`c_${kind}`)}) as ${sql.raw(`n_${kind}`)}`
      : sql`0 as ${sql.raw(`n_${kind}`)}`,
  );
  const page =
    pageBranches.length > 0
      ? sql`(select * from (${sql.join(pageBranches, sql` union all `)}) u
          order by rank desc, kind collate "C", id limit ${sql.raw(String(rows))})`
      : sql`(select null::text as kind, null::uuid as id, null::text as title, null::text as doc,
          null::text as community_slug, null::text as community_name, null::uuid as thread_id,
          null::real as rank where false)`;
  const result = await db.execute(sql`with ${sql.join(ctes, sql`, `)}
    select p.kind, p.id::text as id, p.title,
      case when p.doc is null then '' else ts_headline('english', p.doc, ${query}, ${sql.raw(headline)}) end as snippet,
      p.community_slug, p.community_name, p.thread_id::text as thread_id, p.rank::text as rank,
      ${sql.join(countColumns, sql`, `)}
    from (select 1) one left join ${page} p on true`);

  const raw = rowsOf<Record<string, unknown>>(result);
  const counts: Record<SearchKind, number> = { community: 0, thread: 0, reply: 0, resource: 0, person: 0 };
  const first = raw[0];
  if (first) for (const kind of searchKinds) counts[kind] = Number(first[`n_${kind}`] ?? 0);
  const found: RawRow[] = raw
    .filter((row) => row.kind !== null && row.kind !== undefined)
    .map((row) => ({
      kind: row.kind as SearchKind,
      id: String(row.id),
      title: String(row.title),
      snippet: String(row.snippet ?? ''),
      communitySlug: (row.community_slug as string | null) ?? null,
      communityName: (row.community_name as string | null) ?? null,
      threadId: (row.thread_id as string | null) ?? null,
      rankText: String(row.rank),
      rankValue: Number(row.rank),
      rank: Number(row.rank),
    }))
    .sort(byRank);
  const pageRows = found.slice(0, filter.limit);
  const last = pageRows.at(-1);
  const nextCursor =
    found.length > filter.limit && last ? encodeCursor([last.rankText, last.kind, last.id]) : null;
  // People's cards in one more query (their columns differ from every other kind's), never one per row.
  const cards = await listPersonSummaries(
    db,
    pageRows.filter((row) => row.kind === 'person').map((row) => row.id),
  );
  const cardOf = new Map(cards.map((card) => [card.user.id, card]));
  return {
    rows: pageRows
      .filter((row) => row.kind !== 'person' || cardOf.has(row.id))
      .map(({ rankText: _text, rankValue: _value, ...row }) => ({
        ...row,
        person: row.kind === 'person' ? cardOf.get(row.id) : undefined,
      })),
    counts,
    nextCursor,
  };
}
