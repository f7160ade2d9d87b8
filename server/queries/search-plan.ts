import { type SQL, sql } from 'drizzle-orm';
import { type SearchKind, searchKinds, type searchSorts } from '../../common/contracts/search.ts';
import { AppError } from '../errors.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';

// What every kind's branch of the search shares: the words, the scope, the sort and the cursor, and
// the order every branch, the merge and the cursor agree on (best or newest first, then kind and id).

export type SearchSort = (typeof searchSorts)[number];

/** Tuning, for tests; every value has its default in search-ranking.ts or search-estimates.ts. */
export interface SearchOptions {
  /** Answer with GIN even where the RUM index exists (tests compare the two). */
  withoutRum?: boolean;
  commonShare?: number;
  commonMin?: number;
  commonPool?: number;
  rareShare?: number;
  estimateCountAt?: number;
}

/** The position after the last result of a page (see `searchCursorAfter`). */
export interface After {
  sort: SearchSort;
  /** The rank (relevance) or creation time (newest) of the last result, as PostgreSQL wrote it. */
  key: string;
  kind: SearchKind;
  id: string;
}

/** One search: what every kind's branch is built from. */
export interface SearchPlan {
  sort: SearchSort;
  after: After | undefined;
  /** Rows each branch gives: a page and one more (to know whether there is a next page). */
  rows: number;
  /** The words as a full-text query (`copse_tsquery`, three languages OR-ed). */
  query: SQL;
  /** The words ranked once each (`copse_rank_tsquery`): what `ts_rank` and RUM's `<=>` score. */
  ranked: SQL;
  /** The communities the searcher may read (`visibleTo`). */
  visible: SQL;
  /** The one community searched in, or `true`. */
  inCommunity: SQL;
  /** Whether the search is within one community (every match counted and ranked there). */
  withinCommunity: boolean;
  options: SearchOptions;
}

/** What one kind's branch is made of. */
export interface KindSource {
  /** Columns kind, id, title, doc, community_slug, community_name, thread_id (in that order). */
  columns: SQL;
  from: SQL;
  where: SQL;
  rank: SQL;
  createdAt: SQL;
  /** The full-text query its search column is matched with (estimated by search-estimates.ts). */
  tsquery: SQL;
  /** Best first as an index can give it (RUM's `<=>`, ascending), when it differs from `rank desc`. */
  bestFirst?: SQL;
  /** `from` with its first table cut to its newest `limit` matches (the common-word path). */
  newestFrom?: (limit: number) => SQL;
  /**
   * The branch across all communities when the kind reads it its own way (replies: read ahead from
   * the replies alone), given the branch's order and the key it orders by.
   */
  acrossCommunities?: (order: SQL, orderKey: SQL) => SQL;
}

/** Each searched kind's source; a kind not searched (people without `canBrowsePeople`) has none. */
export type KindSources = Partial<Record<SearchKind, KindSource>>;

/** A ts_rank value as PostgreSQL writes a `real` (round-trips exactly through `::real`). */
const rankPattern = /^(?:\d+(?:\.\d+)?(?:e[+-]?\d+)?|0)$/i;
/** A timestamptz as PostgreSQL writes it (`2026-12-05 18:49:44.659631+00`). */
const timePattern = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:\.\d{1,6})?[+-]\d{2}(?::\d{2})?$/;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The position after the last result of a page: the sort, its key (rank or creation time, as exact
 * text), kind and id, the order every page is sorted in (best or newest first, then kind and id).
 */
export function searchCursorAfter(cursor: string | undefined, sort: SearchSort): After | undefined {
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

/** The cursor after a page's last result (its sort key as PostgreSQL wrote it). */
export function searchCursorOf(sort: SearchSort, last: { keyText: string; kind: SearchKind; id: string }) {
  return encodeCursor([sort, last.keyText, last.kind, last.id]);
}

/** The key a kind's rows are sorted by: the rank as a `real` (best match) or the creation time. */
export function keyOf(plan: SearchPlan, source: KindSource): SQL {
  return plan.sort === 'relevance' ? sql`(${source.rank})::real` : source.createdAt;
}

/** The rows of a kind after the cursor, in the order every branch, the merge and the cursor share. */
export function afterCursor(plan: SearchPlan, source: KindSource, kind: SearchKind): SQL {
  const { after } = plan;
  if (!after) return sql``;
  const key = keyOf(plan, source);
  const value = plan.sort === 'relevance' ? sql`${after.key}::real` : sql`${after.key}::timestamptz`;
  if (kind < after.kind) return sql`and ${key} < ${value}`;
  if (kind > after.kind) return sql`and ${key} <= ${value}`;
  return sql`and (${key} < ${value} or (${key} = ${value} and ${sql.raw(idColumn(kind))} > ${after.id}::uuid))`;
}

/** The id column of a kind's branch (the tie-break after the sort key). */
export function idColumn(kind: SearchKind): string {
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
