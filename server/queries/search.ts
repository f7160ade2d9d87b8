import { type SQL, sql } from 'drizzle-orm';
import { type SearchKind, searchKinds, type searchSorts } from '../../common/contracts/search.ts';
import type { Db } from '../db/client.ts';
import { communities, posts, resources, threads, users } from '../db/schema/index.ts';
import { AppError } from '../errors.ts';
import type { Actor } from '../lib/actor.ts';
import { visibleTo } from './communities.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { listPersonSummaries, toPrefixTsQuery } from './people.ts';
import { rowsOf } from './raw-rows.ts';

/**
 * Counts stop here: counting every match of a common word costs as much as the search (782 ms for
 * "feedback" in 535,000 replies), so a kind with more matches says "1,000+" (`countsCapped`).
 */
export const countCap = 1000;

/**
 * A kind whose matches the planner estimates (`copse_search_estimate`, from the column's statistics) at
 * this many or more across the whole table is not counted: it says "1,000+" at once. Ten times the cap,
 * so a kind the searcher can read only a tenth of still has more than the cap.
 */
export const estimateCountAt = countCap * 10;

/**
 * A word the planner estimates in this share of a table's rows or more, and in at least `commonMin` of
 * them, is common (in the bench's 2,000,000 replies "students" is in 60%, "rubric" 10%, "metacognition"
 * 1.5%): ranking every match of it costs hundreds of milliseconds whatever the index (RUM scores every
 * match before the first row), so best match ranks its newest `commonPool` matches. The newest come
 * from walking the creation-time index back, which reads about `commonPool / share` rows.
 */
export const commonShare = 0.02;
export const commonMin = 5_000;
/** How many of a common word's newest matches best match ranks. */
export const commonPool = 200;
/**
 * Newest first, a word in less than this share of a table's rows is rare: its matches are taken from
 * the full-text index and sorted, where walking the creation-time index back would read about
 * `page / share` rows ("jigsaw": most of the table) before it had a page.
 */
export const rareShare = 0.01;

/** The tables whose matches are estimated before they are counted (the large ones). */
const estimatedTables = {
  thread: 'threads',
  reply: 'posts',
  resource: 'resources',
  person: 'users',
} as const;
type EstimatedKind = keyof typeof estimatedTables;
const isEstimated = (kind: SearchKind): kind is EstimatedKind => kind in estimatedTables;

/** Replies taken in order before the visibility join, as multiples of the page (see searchEverything). */
const replyReadAhead = 5;

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

export type SearchSort = (typeof searchSorts)[number];

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

/** A ts_rank value as PostgreSQL writes a `real` (round-trips exactly through `::real`). */
const rankPattern = /^(?:\d+(?:\.\d+)?(?:e[+-]?\d+)?|0)$/i;
/** A timestamptz as PostgreSQL writes it (`2026-12-05 18:49:44.659631+00`). */
const timePattern = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:\.\d{1,6})?[+-]\d{2}(?::\d{2})?$/;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface After {
  sort: SearchSort;
  /** The rank (relevance) or creation time (newest) of the last result, as PostgreSQL wrote it. */
  key: string;
  kind: SearchKind;
  id: string;
}

/**
 * The position after the last result of a page: the sort, its key (rank or creation time, as exact
 * text), kind and id, the order every page is sorted in (best or newest first, then kind and id).
 */
function searchCursorAfter(cursor: string | undefined, sort: SearchSort): After | undefined {
  const after = decodeCursor(cursor, 4);
  if (!after) return undefined;
  const [cursorSort, key, kind, id] = after;
  if (
    cursorSort !== sort ||
    typeof key !== 'string' ||
    !(sort === 'relevance' ? rankPattern : timePattern).test(key) ||
    (sort === 'newest' && Number.isNaN(Date.parse(key.replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00')))) ||
    !searchKinds.includes(kind as SearchKind) ||
    typeof id !== 'string' ||
    !uuidPattern.test(id)
  )
    throw new AppError('validation_failed', 'errors.request.cursor', {
      cursor: 'not a cursor from this search',
    });
  return { sort, key, kind: kind as SearchKind, id };
}

interface RawRow extends SearchRow {
  keyText: string;
}

/** What one kind's branch is made of. */
interface KindSource {
  /** Columns kind, id, title, doc, community_slug, community_name, thread_id (in that order). */
  columns: SQL;
  from: SQL;
  where: SQL;
  rank: SQL;
  createdAt: SQL;
  /** Best first as an index can give it (RUM's `<=>`, ascending), when it differs from `rank desc`. */
  bestFirst?: SQL;
  /** `from` with its first table cut to its newest `limit` matches (the common-word path). */
  newestFrom?: (limit: number) => SQL;
}

/** Tuning, for tests; every value has its default above. */
export interface SearchOptions {
  /** Answer with GIN even where the RUM index exists (tests compare the two). */
  withoutRum?: boolean;
  commonShare?: number;
  commonMin?: number;
  commonPool?: number;
  rareShare?: number;
  estimateCountAt?: number;
}

/** Whether a database has the RUM index of replies (migration 0011 makes it where RUM is installed). */
const rumIndexes = new WeakMap<Db, Promise<boolean>>();
export function hasRumIndex(db: Db): Promise<boolean> {
  let known = rumIndexes.get(db);
  if (!known) {
    known = db
      .execute(sql`select exists (select 1 from pg_indexes where indexname = 'posts_search_rum_idx') as rum`)
      .then((result) => rowsOf<{ rum: boolean }>(result)[0]?.rum === true);
    rumIndexes.set(db, known);
    known.catch(() => rumIndexes.delete(db));
  }
  return known;
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
  const after = searchCursorAfter(filter.cursor, sort);
  const query = sql`copse_tsquery(${filter.q})`;
  // Ranked by every word of the query once (copse_rank_tsquery): ts_rank of it, or RUM's `<=>`.
  const ranked = sql`copse_rank_tsquery(copse_tsquery(${filter.q}))`;
  const visible = visibleTo(actor) ?? sql`true`;
  const inCommunity: SQL = filter.community ? sql`${communities.slug} = ${filter.community}` : sql`true`;
  const sources: Partial<Record<SearchKind, KindSource>> = {};
  sources.community = {
    columns: sql`'community'::text as kind, ${communities.id} as id, ${communities.name} as title,
      ${communities.purpose} as doc, ${communities.slug} as community_slug, ${communities.name} as community_name,
      null::uuid as thread_id`,
    from: sql`${communities}`,
    where: sql`${communities.search} @@ ${query} and ${visible} and ${inCommunity}`,
    rank: sql`ts_rank(${communities.search}, ${ranked})`,
    createdAt: sql`${communities.createdAt}`,
  };
  sources.thread = {
    columns: sql`'thread'::text as kind, t.id, t.title, t.body as doc, ${communities.slug} as community_slug,
      ${communities.name} as community_name, t.id as thread_id`,
    from: sql`${threads} t join ${communities} on ${communities.id} = t.community_id`,
    where: sql`t.search @@ ${query} and t.deleted_at is null and t.hidden_at is null and ${visible} and ${inCommunity}`,
    rank: sql`ts_rank(t.search, ${ranked})`,
    createdAt: sql`t.created_at`,
    newestFrom: (limit) => sql`(select * from ${threads} t
      where t.search @@ ${query} and t.deleted_at is null and t.hidden_at is null
      order by t.created_at desc, t.id desc limit ${sql.raw(String(limit))}) t
      join ${communities} on ${communities.id} = t.community_id`,
  };
  sources.reply = {
    columns: sql`'reply'::text as kind, p.id, t.title, p.body as doc, ${communities.slug} as community_slug,
      ${communities.name} as community_name, t.id as thread_id`,
    from: sql`${posts} p join ${threads} t on t.id = p.thread_id join ${communities} on ${communities.id} = t.community_id`,
    where: sql`p.search @@ ${query} and p.deleted_at is null and p.hidden_at is null
      and t.deleted_at is null and t.hidden_at is null and ${visible} and ${inCommunity}`,
    rank: sql`ts_rank(p.search, ${ranked})`,
    createdAt: sql`p.created_at`,
    newestFrom: (limit) => sql`(select * from ${posts} p
      where p.search @@ ${query} and p.deleted_at is null and p.hidden_at is null
      order by p.created_at desc, p.id desc limit ${sql.raw(String(limit))}) p
      join ${threads} t on t.id = p.thread_id join ${communities} on ${communities.id} = t.community_id`,
    // RUM ranks inside the index; for a query of OR-ed words its order is ts_rank's, so both databases
    // give the same pages (tested).
    ...(rum ? { bestFirst: sql`p.search <=> ${ranked}` } : {}),
  };
  sources.resource = {
    columns: sql`'resource'::text as kind, r.id, r.title, r.description || ' ' || r.body as doc,
      ${communities.slug} as community_slug, ${communities.name} as community_name, null::uuid as thread_id`,
    from: sql`${resources} r join ${communities} on ${communities.id} = r.community_id`,
    where: sql`r.search @@ ${query} and r.deleted_at is null and ${visible} and ${inCommunity}`,
    rank: sql`ts_rank(r.search, ${ranked})`,
    createdAt: sql`r.created_at`,
    newestFrom: (
      limit,
    ) => sql`(select * from ${resources} r where r.search @@ ${query} and r.deleted_at is null
      order by r.created_at desc, r.id desc limit ${sql.raw(String(limit))}) r
      join ${communities} on ${communities.id} = r.community_id`,
  };
  const prefix = toPrefixTsQuery(filter.q);
  const people = sql`to_tsquery('simple', ${prefix ?? ''})`;
  if (filter.withPeople && prefix && !filter.community) {
    // A person's card shows who they are; their search document is no snippet (no doc).
    sources.person = {
      columns: sql`'person'::text as kind, ${users.id} as id, ${users.displayName} as title, null::text as doc,
        null::text as community_slug, null::text as community_name, null::uuid as thread_id`,
      from: sql`${users}`,
      where: sql`${users.search} @@ ${people} and ${users.suspendedAt} is null`,
      rank: sql`ts_rank(${users.search}, ${people})`,
      createdAt: sql`${users.createdAt}`,
      newestFrom: (limit) => sql`(select * from ${users} where ${users.search} @@ ${people}
        and ${users.suspendedAt} is null order by ${users.createdAt} desc, ${users.id} desc
        limit ${sql.raw(String(limit))}) ${users}`,
    };
  }

  const rows = filter.limit + 1;
  const searched = searchKinds.filter((kind) => sources[kind]);
  const shown = searched.filter((kind) => !filter.kind || kind === filter.kind);
  const keyOf = (source: KindSource) =>
    sort === 'relevance' ? sql`(${source.rank})::real` : source.createdAt;
  // Best or newest first, then kind and id: the same order in every branch, the merge and the cursor.
  const afterCursor = (source: KindSource, kind: SearchKind) => {
    if (!after) return sql``;
    const key = keyOf(source);
    const value = sort === 'relevance' ? sql`${after.key}::real` : sql`${after.key}::timestamptz`;
    if (kind < after.kind) return sql`and ${key} < ${value}`;
    if (kind > after.kind) return sql`and ${key} <= ${value}`;
    return sql`and (${key} < ${value} or (${key} = ${value} and ${sql.raw(idColumn(kind))} > ${after.id}::uuid))`;
  };
  // Estimated before counting and ranking (see estimateCountAt, commonShare); within one community
  // every match is counted and ranked.
  const estimated = filter.community ? [] : searchKinds.filter(isEstimated).filter((kind) => sources[kind]);
  const estimateOf = (kind: EstimatedKind) => sql`(select ${sql.raw(`e_${kind}`)} from estimates)`;
  // `fromMatches`: newest first from the full-text index's matches, sorted (the creation time hidden
  // from the planner behind `+ 0 s`, so it cannot walk the creation-time index instead): for a rare
  // word, where that walk would read most of the table before it found a page.
  const usualBranch = (kind: SearchKind, fromMatches = false) => {
    const source = sources[kind] as KindSource;
    const orderKey = fromMatches ? sql`(${keyOf(source)} + interval '0 s')` : keyOf(source);
    const order = sql`${source.bestFirst ?? sql`${orderKey} desc`}, ${sql.raw(idColumn(kind))}`;
    const branch = sql`select ${source.columns}, ${keyOf(source)} as sort_key, ${source.rank} as rank
      from ${source.from} where ${source.where} ${afterCursor(source, kind)}
      order by ${order} limit ${sql.raw(String(rows))}`;
    if (kind !== 'reply' || filter.community) return sql`(${branch})`;
    // Every match ranked or sorted from the replies alone (their keys only, a narrow sort), then joined
    // to its thread and community by primary key, instead of hash-joining every whole match to a scan
    // of all threads first.
    const whole = sql`select ${source.columns}, k.sort_key, k.rank
      from (select p.id, ${keyOf(source)} as sort_key, ${orderKey} as order_key, ${source.rank} as rank
        from ${posts} p
        where p.search @@ ${query} and p.deleted_at is null and p.hidden_at is null ${afterCursor(source, kind)}
        order by order_key desc, p.id) k
      join ${posts} p on p.id = k.id join ${threads} t on t.id = p.thread_id
      join ${communities} on ${communities.id} = t.community_id
      where ${source.where}
      order by k.order_key desc, k.id limit ${sql.raw(String(rows))}`;
    // Replies across all communities: the first few pages' worth in order from the replies alone (the
    // RUM or created_at index, no join per match), then joined and filtered to what the searcher may
    // read. Exact: filtering keeps the order, and when it leaves less than a page the whole branch
    // answers instead (one-time filters: PostgreSQL runs only the side it needs). RUM orders by rank
    // alone, so its read-ahead may cut a group of equal ranks anywhere: its page is used only when the
    // page's last rank is above the last one read (or every match was read).
    const headOrder = source.bestFirst ?? order;
    // The read-ahead: `ahead` replies in order, joined and filtered, and whether its page is exact.
    const readAhead = (ahead: number) => {
      const head = sql`select p.*, ${keyOf(source)} as head_key from ${posts} p
        where p.search @@ ${query} and p.deleted_at is null and p.hidden_at is null ${afterCursor(source, kind)}
        order by ${headOrder} limit ${sql.raw(String(ahead))}`;
      const fast = sql`select ${source.columns}, ${keyOf(source)} as sort_key, ${source.rank} as rank
        from head p join ${threads} t on t.id = p.thread_id
        join ${communities} on ${communities.id} = t.community_id
        where ${source.where}
        order by ${order} limit ${sql.raw(String(rows))}`;
      const isExact = source.bestFirst
        ? sql`(select count(*) from fast) = ${sql.raw(String(rows))}
            and ((select count(*) from head) < ${sql.raw(String(ahead))}
            or (select min(sort_key) from fast) > (select min(head_key) from head))`
        : sql`(select count(*) from fast) = ${sql.raw(String(rows))}`;
      return sql`head as materialized (${head}), fast as materialized (${fast}),
        exact as materialized (select ${isExact} as yes)`;
    };
    return sql`(with ${readAhead(rows * replyReadAhead)}
      select * from fast where (select yes from exact)
      union all
      select * from (${whole}) whole where not (select yes from exact))`;
  };
  // Best match of a common word: its newest matches ranked (PostgreSQL runs only the branch whose
  // one-time filter holds).
  const pageBranches = shown.map((kind) => {
    const source = sources[kind] as KindSource;
    const usual = usualBranch(kind);
    if (!isEstimated(kind) || !estimated.includes(kind)) return usual;
    if (sort === 'newest') {
      const isRare = sql`(select ${sql.raw(`e_${kind}`)} < ${sql.raw(String(options.rareShare ?? rareShare))} * ${sql.raw(`t_${kind}`)}
        from estimates)`;
      return sql`(select * from ${usualBranch(kind, true)} rare where ${isRare}
        union all select * from ${usual} usual where not ${isRare})`;
    }
    if (!source.newestFrom) return usual;
    const common = sql`select ${source.columns}, ${keyOf(source)} as sort_key, ${source.rank} as rank
      from ${source.newestFrom(options.commonPool ?? commonPool)} where ${source.where} ${afterCursor(source, kind)}
      order by ${keyOf(source)} desc, ${sql.raw(idColumn(kind))} limit ${sql.raw(String(rows))}`;
    const isCommon = sql`(select ${sql.raw(`e_${kind}`)} >= greatest(${sql.raw(String(options.commonMin ?? commonMin))},
      ${sql.raw(String(options.commonShare ?? commonShare))} * ${sql.raw(`t_${kind}`)}) from estimates)`;
    return sql`(select * from (${common}) common where ${isCommon}
      union all select * from ${usual} usual where not ${isCommon})`;
  });
  // Counted up to the cap, unless the planner's estimate says there are far more (a common word): then
  // the count, which would read every match, is not made (PostgreSQL runs a CASE's subquery only when
  // its branch is taken).
  const countColumns = searchKinds.map((kind) => {
    const source = sources[kind];
    if (!source) return sql`0 as ${sql.raw(`n_${kind}`)}`;
    const counted = sql`(select count(*)::int from (select 1 from ${source.from} where ${source.where}
      limit ${sql.raw(String(countCap + 1))}) c)`;
    return isEstimated(kind) && estimated.includes(kind)
      ? sql`case when ${estimateOf(kind)} >= ${sql.raw(String(options.estimateCountAt ?? estimateCountAt))}
          then ${sql.raw(String(countCap + 1))} else ${counted} end as ${sql.raw(`n_${kind}`)}`
      : sql`${counted} as ${sql.raw(`n_${kind}`)}`;
  });
  const estimates =
    estimated.length > 0
      ? sql`with estimates as materialized (select ${sql.join(
          estimated.map(
            (kind) =>
              sql`copse_search_estimate(${estimatedTables[kind]}::regclass, ${kind === 'person' ? people : query}) as ${sql.raw(`e_${kind}`)},
                (select reltuples from pg_class where oid = ${estimatedTables[kind]}::regclass) as ${sql.raw(`t_${kind}`)}`,
          ),
          sql`, `,
        )}) `
      : sql``;
  const page =
    pageBranches.length > 0
      ? sql`(select * from (${sql.join(pageBranches, sql` union all `)}) u
          order by sort_key desc, kind collate "C", id limit ${sql.raw(String(rows))})`
      : sql`(select null::text as kind, null::uuid as id, null::text as title, null::text as doc,
          null::text as community_slug, null::text as community_name, null::uuid as thread_id,
          null::real as sort_key, null::real as rank where false)`;
  const result = await db.execute(sql`${estimates}select p.kind, p.id::text as id, p.title,
      case when p.doc is null then '' else ts_headline(
        case when to_tsvector('copse_en', p.doc) @@ ${query} then 'copse_en'
          when to_tsvector('copse_nl', p.doc) @@ ${query} then 'copse_nl' else 'copse_it' end::regconfig,
        p.doc, ${query}, ${sql.raw(headline)}) end as snippet,
      p.community_slug, p.community_name, p.thread_id::text as thread_id, p.rank::real::text as rank,
      p.sort_key::text as sort_key, ${sql.join(countColumns, sql`, `)}
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
  const nextCursor =
    found.length > filter.limit && last ? encodeCursor([sort, last.keyText, last.kind, last.id]) : null;
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

/** The id column of a kind's branch (the tie-break after the sort key). */
function idColumn(kind: SearchKind): string {
  switch (kind) {
    case 'community':
      return '"communities"."id"';
    case 'thread':
      return 't.id';
    case 'reply':
      return 'p.id';
    case 'resource':
      return 'r.id';
    case 'person':
      return '"users"."id"';
  }
}
