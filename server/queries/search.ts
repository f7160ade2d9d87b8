import { type SQL, sql } from 'drizzle-orm';
import { type SearchKind, searchKinds } from '../../common/contracts/search.ts';
import type { Db } from '../db/client.ts';
import { communities } from '../db/schema/index.ts';
import type { Actor } from '../lib/actor.ts';
import { visibleTo } from './communities.ts';
import { listPersonSummaries } from './people.ts';
import { rowsOf } from './raw-rows.ts';
import { communitySource } from './search-communities.ts';
import { hasRumIndex, replySource, threadSource } from './search-discussions.ts';
import { countCap, countColumns, estimatedKinds, estimatesCte } from './search-estimates.ts';
import { personSource } from './search-people.ts';
import {
  type KindSources,
  type SearchOptions,
  type SearchPlan,
  type SearchSort,
  searchCursorAfter,
  searchCursorOf,
} from './search-plan.ts';
import { kindBranch } from './search-ranking.ts';
import { resourceSource } from './search-resources.ts';

// The search is one statement built from parts: each kind's source (search-communities.ts,
// search-discussions.ts, search-resources.ts, search-people.ts), the order and cursor they share
// (search-plan.ts), the path each kind's page takes (search-ranking.ts) and the counts
// (search-estimates.ts). This file puts them together, adds the snippets and reads the answer.

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
  /** `relevance` (best match, the default) or `newest`. */
  sort?: SearchSort | undefined;
  cursor?: string | undefined;
  limit: number;
  /** Whether people are searched too (`canBrowsePeople`). */
  withPeople: boolean;
}

export interface SearchAnswer {
  rows: SearchRow[];
  /** Matches of each kind the searcher may read, counted up to `countCap`. */
  counts: Record<SearchKind, number>;
  /** The kinds with more matches than `counts` says ("1,000+"). */
  countsCapped: Record<SearchKind, boolean>;
  nextCursor: string | null;
}

interface RawRow extends SearchRow {
  keyText: string;
}

/**
 * A page's snippet: `ts_headline` of its text in the first of the three languages that matches (the
 * costly part, so only for the rows of the page); none for a row without text (a person).
 */
function snippetOf(doc: SQL, query: SQL): SQL {
  return sql`case when ${doc} is null then '' else ts_headline(
        case when to_tsvector('copse_en', ${doc}) @@ ${query} then 'copse_en'
          when to_tsvector('copse_nl', ${doc}) @@ ${query} then 'copse_nl' else 'copse_it' end::regconfig,
        ${doc}, ${query}, ${sql.raw(headline)}) end`;
}

/**
 * One search over communities, discussion threads, replies, Toolkit resources and people, with
 * websearch syntax (quotes, OR, -word) in English, Dutch and Italian (`copse_tsquery`, accents
 * folded) for the texts and prefix matching for names, sorted by best match (ts_rank over every match,
 * not a sample) or newest first, paged by an opaque cursor (sort key, kind, id) that works for one kind
 * and for all of them together. Every branch is scoped by the same visibility rule as the directory
 * (`visibleTo`), leaves out deleted and hidden posts, and gives people only when `withPeople`, so a
 * result is never something the searcher may not read. One statement: each kind's page (its first
 * `limit + 1` after the cursor), merged; each kind counted up to `countCap`; snippets (`ts_headline`,
 * the costly part) only for the rows of the page, in the first of the three languages that matches.
 */
export async function searchEverything(
  db: Db,
  actor: Actor | null,
  filter: SearchFilter,
  options: SearchOptions = {},
): Promise<SearchAnswer> {
  if (!Number.isSafeInteger(filter.limit) || filter.limit < 1)
    throw new Error('limit must be a whole number');
  const sort: SearchSort = filter.sort ?? 'relevance';
  const rum = sort === 'relevance' && !options.withoutRum && (await hasRumIndex(db));
  const plan: SearchPlan = {
    sort,
    after: searchCursorAfter(filter.cursor, sort),
    rows: filter.limit + 1,
    query: sql`copse_tsquery(${filter.q})`,
    // Ranked by every word of the query once (copse_rank_tsquery): ts_rank of it, or RUM's `<=>`.
    ranked: sql`copse_rank_tsquery(copse_tsquery(${filter.q}))`,
    visible: visibleTo(actor) ?? sql`true`,
    inCommunity: filter.community ? sql`${communities.slug} = ${filter.community}` : sql`true`,
    withinCommunity: Boolean(filter.community),
    options,
  };
  const sources: KindSources = {
    community: communitySource(plan),
    thread: threadSource(plan),
    reply: replySource(plan, rum),
    resource: resourceSource(plan),
  };
  if (filter.withPeople && !filter.community) {
    const person = personSource(filter.q);
    if (person) sources.person = person;
  }

  const estimated = estimatedKinds(plan, sources);
  // The page of each kind shown (one, or every kind searched), merged below.
  const pageBranches = searchKinds.flatMap((kind) => {
    const source = sources[kind];
    const shown = source && (!filter.kind || kind === filter.kind);
    return shown ? [kindBranch(plan, kind, source, estimated)] : [];
  });
  const page =
    pageBranches.length > 0
      ? sql`(select * from (${sql.join(pageBranches, sql` union all `)}) u
          order by sort_key desc, kind collate "C", id limit ${sql.raw(String(plan.rows))})`
      : sql`(select null::text as kind, null::uuid as id, null::text as title, null::text as doc,
          null::text as community_slug, null::text as community_name, null::uuid as thread_id,
          null::real as sort_key, null::real as rank where false)`;
  const result =
    await db.execute(sql`${estimatesCte(estimated, sources)}select p.kind, p.id::text as id, p.title,
      ${snippetOf(sql`p.doc`, plan.query)} as snippet,
      p.community_slug, p.community_name, p.thread_id::text as thread_id, p.rank::real::text as rank,
      p.sort_key::text as sort_key, ${sql.join(countColumns(plan, sources, estimated), sql`, `)}
    from (select 1) one left join ${page} p on true
    order by p.sort_key desc, p.kind collate "C", p.id`);

  const raw = rowsOf<Record<string, unknown>>(result);
  const counts: Record<SearchKind, number> = { community: 0, thread: 0, reply: 0, resource: 0, person: 0 };
  const countsCapped: Record<SearchKind, boolean> = {
    community: false,
    thread: false,
    reply: false,
    resource: false,
    person: false,
  };
  const first = raw[0];
  if (first)
    for (const kind of searchKinds) {
      const n = Number(first[`n_${kind}`] ?? 0);
      counts[kind] = Math.min(n, countCap);
      countsCapped[kind] = n > countCap;
    }
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
      keyText: String(row.sort_key),
      rank: Number(row.rank),
    }));
  const pageRows = found.slice(0, filter.limit);
  const last = pageRows.at(-1);
  const nextCursor = found.length > filter.limit && last ? searchCursorOf(sort, last) : null;
  // People's cards in one more query (their columns differ from every other kind's), never one per row.
  const cards = await listPersonSummaries(
    db,
    pageRows.filter((row) => row.kind === 'person').map((row) => row.id),
  );
  const cardOf = new Map(cards.map((card) => [card.user.id, card]));
  return {
    rows: pageRows
      .filter((row) => row.kind !== 'person' || cardOf.has(row.id))
      .map(({ keyText: _key, ...row }) => ({
        ...row,
        person: row.kind === 'person' ? cardOf.get(row.id) : undefined,
      })),
    counts,
    countsCapped,
    nextCursor,
  };
}
