import { and, eq, type SQL, sql } from 'drizzle-orm';
import type {
  Audience,
  CommunityKind,
  CommunityStage,
  DirectorySort,
  MeetingFormat,
} from '../../common/enums.ts';
import type { Db } from '../db/client.ts';
import { communities, meetings, units } from '../db/schema/index.ts';
import type { Actor } from '../lib/actor.ts';
import { epochMs, type NextMeetingJson, type Scope, scopeOf, visibleIn } from './communities.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { exactTimestamp } from './keyset.ts';
import { preparedByShape } from './prepared.ts';

/** What the directory is asked for: words, filters, a sort and a page. */
export interface DirectoryFilter {
  q?: string | undefined;
  topic?: string | undefined;
  unitId?: string | undefined;
  audience?: Audience | undefined;
  format?: MeetingFormat | undefined;
  stage?: CommunityStage | undefined;
  kind?: CommunityKind | undefined;
  open?: boolean | undefined;
  sort?: DirectorySort | undefined;
  cursor?: string | undefined;
  limit: number;
}

const cardColumns = {
  id: communities.id,
  slug: communities.slug,
  name: communities.name,
  kind: communities.kind,
  purpose: communities.purpose,
  topics: communities.topics,
  audience: communities.audience,
  format: communities.format,
  visibility: communities.visibility,
  joinPolicy: communities.joinPolicy,
  stage: communities.stage,
  memberCount: communities.memberCount,
  lastActivityAt: communities.lastActivityAt,
  createdAt: communities.createdAt,
  unitId: communities.unitId,
  // A subquery rather than a join: PostgreSQL evaluates it after sorting and limiting, for the page's
  // rows only, where a join looked up the unit of every matching row first (a search for a common word
  // matches most communities; pgbench: 675 → 920 executions/s).
  unitName: sql<
    string | null
  >`(select ${units.name} from ${units} where ${units.id} = ${communities.unitId})`,
  // Also a subquery, for the page's rows only: one index probe each (meetings_community_start_idx).
  nextMeeting: sql<NextMeetingJson | null>`(
    select json_build_object('id', nm.id, 'title', nm.title, 'kind', nm.kind,
      'startsAt', ${epochMs(sql`nm.starts_at`)}, 'endsAt', ${epochMs(sql`nm.ends_at`)}, 'timeZone', nm.time_zone)
    from ${meetings} nm
    where nm.community_id = "communities"."id" and nm.starts_at > now() and nm.status = 'scheduled'
    order by nm.starts_at limit 1)`,
};

const filterNames = ['q', 'topic', 'unitId', 'audience', 'format', 'stage', 'kind', 'open'] as const;
type FilterName = (typeof filterNames)[number];

/**
 * What makes two directory queries the same SQL: who asks, which filters, the sort, a cursor or not,
 * and how many rows to fetch.
 */
interface DirectoryShape {
  scope: Scope;
  filters: ReadonlySet<FilterName>;
  sort: DirectorySort;
  cursor: boolean;
  /** The page size plus one (to know whether there is a next page). */
  rows: number;
}

/**
 * The directory query of one shape, with every value but the row count a placeholder: built once, then
 * run as a named prepared statement (see `listDirectory`). The row count is written into the SQL:
 * PostgreSQL cannot cost a generic plan for `limit $n` (it assumes a tenth of the rows), so it would
 * plan the statement again on every execution, which costs more than running it.
 */
function directoryQuery(db: Db, shape: DirectoryShape) {
  const value = (name: string) => sql.placeholder(name);
  const has = (name: FilterName) => shape.filters.has(name);
  // A scalar subquery, so the words are parsed once per query, also in the generic plan PostgreSQL
  // switches a prepared statement to (a bare function of a parameter would be parsed again per row).
  const query = has('q') ? sql`(select copse_tsquery(${value('q')}))` : undefined;
  const conditions: (SQL | undefined)[] = [visibleIn(shape.scope, value('actorId'))];
  if (query) conditions.push(sql`${communities.search} @@ ${query}`);
  if (has('topic')) conditions.push(sql`${communities.topics} @> array[${value('topic')}]::text[]`);
  if (has('unitId')) conditions.push(eq(communities.unitId, value('unitId')));
  if (has('audience')) conditions.push(eq(communities.audience, value('audience')));
  if (has('format')) conditions.push(eq(communities.format, value('format')));
  if (has('stage')) conditions.push(eq(communities.stage, value('stage')));
  if (has('kind')) conditions.push(eq(communities.kind, value('kind')));
  if (has('open'))
    conditions.push(sql`${communities.joinPolicy} = 'open' and ${communities.stage} <> 'archived'`);

  const rank = query
    ? sql<number>`ts_rank_cd(${communities.search}, ${query})::float8`
    : sql<number>`0::float8`;
  // Each sort: the key expression, its direction, and how a cursor value compares with it.
  const keys: Record<DirectorySort, { key: SQL; desc: boolean; cast: string }> = {
    relevance: { key: rank, desc: true, cast: 'float8' },
    activity: { key: sql`${communities.lastActivityAt}`, desc: true, cast: 'timestamptz' },
    newest: { key: sql`${communities.createdAt}`, desc: true, cast: 'timestamptz' },
    size: { key: sql`${communities.memberCount}`, desc: true, cast: 'int' },
    name: { key: sql`lower(${communities.name})`, desc: false, cast: 'text' },
  };
  const { key, desc, cast } = keys[shape.sort];
  if (shape.cursor) {
    const after = sql`${value('afterKey')}::${sql.raw(cast)}`;
    const id = sql`${value('afterId')}::uuid`;
    conditions.push(
      desc
        ? sql`(${key}, ${communities.id}) < (${after}, ${id})`
        : sql`(${key}, ${communities.id}) > (${after}, ${id})`,
    );
  }
  // By relevance, the rank is the cursor key and the query sorts by that output column, so PostgreSQL
  // ranks each matching row once instead of twice (ranking reads the whole tsvector).
  const relevance = shape.sort === 'relevance';
  const cursorKey = relevance
    ? sql<string | number>`${rank}`.as('cursor_key')
    : shape.sort === 'activity'
      ? exactTimestamp(communities.lastActivityAt)
      : shape.sort === 'newest'
        ? exactTimestamp(communities.createdAt)
        : sql<string>`(${key})::text`;
  const direction = sql.raw(desc ? 'desc' : 'asc');
  return db
    .select({
      ...cardColumns,
      cursorKey,
      highlight: query
        ? sql<string>`ts_headline('copse_en', ${communities.purpose}, ${query}, 'StartSel=<mark>, StopSel=</mark>, HighlightAll=true')`
        : sql<string>`''`,
    })
    .from(communities)
    .where(and(...conditions))
    .orderBy(
      relevance ? sql`cursor_key ${direction}` : sql`${key} ${direction}`,
      // Drizzle's limit() always sends a parameter; the row count goes after the last sort key instead.
      sql`${communities.id} ${direction} limit ${sql.raw(String(shape.rows))}`,
    );
}

/**
 * Directory statements per database handle and shape: the first 200 shapes get a named statement (a
 * handful are in real use), any further shape runs unprepared, so no filter combination can fill the
 * server's memory with statements.
 */
const directoryStatement = preparedByShape(
  (shape: DirectoryShape) => {
    const flags = filterNames.map((name) => (shape.filters.has(name) ? '1' : '0')).join('');
    const cursor = shape.cursor ? 'after' : 'first';
    return `directory_${shape.scope}_${flags}_${shape.sort}_${cursor}_${shape.rows}`;
  },
  directoryQuery,
  200,
);

/**
 * The directory: communities the actor may see, filtered, searched (English full-text search over
 * name, purpose, topics and description, `websearch_to_tsquery` syntax) and sorted, with keyset
 * pagination for every sort. With words, each card carries the purpose with the matched words marked.
 */
export async function listDirectory(db: Db, actor: Actor | null, filter: DirectoryFilter) {
  if (!Number.isSafeInteger(filter.limit) || filter.limit < 1)
    throw new Error('limit must be a whole number');
  const after = decodeCursor(filter.cursor, 2);
  const q = filter.q || undefined;
  const shape: DirectoryShape = {
    scope: scopeOf(actor),
    filters: new Set(filterNames.filter((name) => (name === 'q' ? q : filter[name]))),
    sort: filter.sort ?? (q ? 'relevance' : 'activity'),
    cursor: after !== undefined,
    rows: filter.limit + 1,
  };
  const values = {
    actorId: actor?.id ?? null,
    q: q ?? null,
    topic: filter.topic?.toLowerCase() ?? null,
    unitId: filter.unitId ?? null,
    audience: filter.audience ?? null,
    format: filter.format ?? null,
    stage: filter.stage ?? null,
    kind: filter.kind ?? null,
    afterKey: after ? String(after[0]) : null,
    afterId: after ? String(after[1]) : null,
  };
  const rows = await directoryStatement(db, shape).execute(values);
  const page = rows.slice(0, filter.limit);
  const last = page.at(-1);
  const nextCursor = rows.length > filter.limit && last ? encodeCursor([last.cursorKey, last.id]) : null;
  return { rows: page, nextCursor };
}

export type DirectoryRow = Awaited<ReturnType<typeof listDirectory>>['rows'][number];
