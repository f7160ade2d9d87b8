import { and, asc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type {
  Audience,
  CommunityKind,
  CommunityStage,
  MeetingFormat,
  MembershipRole,
} from '../../common/enums.ts';
import type { Db } from '../db/client.ts';
import { communities, communityMembers, units, users } from '../db/schema/index.ts';
import type { Actor } from '../plugins/auth.ts';
import { isCoordinator } from '../policies/communities.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { exactTimestamp } from './keyset.ts';

/** Turns a name into a URL slug: lower case ASCII letters, digits and hyphens, at most 60 characters. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return slug || 'community';
}

/**
 * The text the directory search indexes besides the name (which the `search` column weighs highest):
 * purpose, topics and description.
 */
export function buildCommunitySearchDocument(community: {
  purpose: string;
  description?: string;
  topics: string[];
}): string {
  return [community.purpose, community.topics.join(' '), community.description ?? '']
    .join('\n')
    .slice(0, 20_000);
}

/**
 * The communities an actor may see, as a condition (the same rule as policies/communities.ts
 * canSeeCommunity, in SQL, so lists are authorised by scoping the query).
 */
export function visibleTo(actor: Actor | null): SQL | undefined {
  if (isCoordinator(actor)) return undefined;
  if (!actor) return eq(communities.visibility, 'public');
  const member = sql`exists (select 1 from ${communityMembers} m where m.community_id = ${communities.id} and m.user_id = ${actor.id})`;
  if (actor.kind === 'external') return or(eq(communities.visibility, 'public'), member);
  return or(inArray(communities.visibility, ['public', 'institution']), member);
}

export const directorySorts = ['relevance', 'activity', 'newest', 'size', 'name'] as const;
export type DirectorySort = (typeof directorySorts)[number];

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
  unitName: units.name,
};

/**
 * The directory: communities the actor may see, filtered, searched (English full-text search over
 * name, purpose, topics and description, `websearch_to_tsquery` syntax) and sorted, with keyset
 * pagination for every sort. With words, each card carries the purpose with the matched words marked.
 */
export async function listDirectory(db: Db, actor: Actor | null, filter: DirectoryFilter) {
  const conditions: (SQL | undefined)[] = [visibleTo(actor)];
  const query = filter.q ? sql`websearch_to_tsquery('english', ${filter.q})` : undefined;
  if (query) conditions.push(sql`${communities.search} @@ ${query}`);
  if (filter.topic)
    conditions.push(sql`${communities.topics} @> array[${filter.topic.toLowerCase()}]::text[]`);
  if (filter.unitId) conditions.push(eq(communities.unitId, filter.unitId));
  if (filter.audience) conditions.push(eq(communities.audience, filter.audience));
  if (filter.format) conditions.push(eq(communities.format, filter.format));
  if (filter.stage) conditions.push(eq(communities.stage, filter.stage));
  if (filter.kind) conditions.push(eq(communities.kind, filter.kind));
  if (filter.open)
    conditions.push(and(eq(communities.joinPolicy, 'open'), sql`${communities.stage} <> 'archived'`));

  const sort: DirectorySort = filter.sort ?? (query ? 'relevance' : 'activity');
  const rank = query
    ? sql<number>`ts_rank_cd(${communities.search}, ${query})::float8`
    : sql<number>`0::float8`;
  // Each sort: the key expression, its direction, and how a cursor value compares with it.
  const keys: Record<DirectorySort, { key: SQL; desc: boolean; cast: string }> = {
    relevance: { key: query ? rank : sql`0::float8`, desc: true, cast: 'float8' },
    activity: { key: sql`${communities.lastActivityAt}`, desc: true, cast: 'timestamptz' },
    newest: { key: sql`${communities.createdAt}`, desc: true, cast: 'timestamptz' },
    size: { key: sql`${communities.memberCount}`, desc: true, cast: 'int' },
    name: { key: sql`lower(${communities.name})`, desc: false, cast: 'text' },
  };
  const { key, desc, cast } = keys[sort];
  const cursorKey =
    sort === 'activity'
      ? exactTimestamp(communities.lastActivityAt)
      : sort === 'newest'
        ? exactTimestamp(communities.createdAt)
        : sql<string>`(${key})::text`;
  const after = decodeCursor(filter.cursor, 2);
  if (after) {
    const value = sql`${String(after[0])}::${sql.raw(cast)}`;
    const id = sql`${String(after[1])}::uuid`;
    conditions.push(
      desc
        ? sql`(${key}, ${communities.id}) < (${value}, ${id})`
        : sql`(${key}, ${communities.id}) > (${value}, ${id})`,
    );
  }
  const direction = sql.raw(desc ? 'desc' : 'asc');
  const rows = await db
    .select({
      ...cardColumns,
      cursorKey,
      highlight: query
        ? sql<string>`ts_headline('english', ${communities.purpose}, ${query}, 'StartSel=<mark>, StopSel=</mark>, HighlightAll=true')`
        : sql<string>`''`,
    })
    .from(communities)
    .leftJoin(units, eq(units.id, communities.unitId))
    .where(and(...conditions))
    .orderBy(sql`${key} ${direction}`, sql`${communities.id} ${direction}`)
    .limit(filter.limit + 1);
  const page = rows.slice(0, filter.limit);
  const last = page.at(-1);
  const nextCursor = rows.length > filter.limit && last ? encodeCursor([last.cursorKey, last.id]) : null;
  return { rows: page, nextCursor };
}

export type DirectoryRow = Awaited<ReturnType<typeof listDirectory>>['rows'][number];

/** The leaders and co-leaders of several communities, in one query (cards and home pages). */
export async function listLeadersOf(db: Db, communityIds: string[]) {
  if (communityIds.length === 0) return new Map<string, LeaderRow[]>();
  const rows = await db
    .select({
      communityId: communityMembers.communityId,
      id: users.id,
      displayName: users.displayName,
      photoPath: users.photoPath,
      updatedAt: users.updatedAt,
      role: communityMembers.role,
    })
    .from(communityMembers)
    .innerJoin(users, eq(users.id, communityMembers.userId))
    .where(
      and(
        inArray(communityMembers.communityId, communityIds),
        inArray(communityMembers.role, ['leader', 'co_leader']),
      ),
    )
    .orderBy(asc(communityMembers.role), asc(communityMembers.joinedAt));
  const byCommunity = new Map<string, LeaderRow[]>();
  for (const row of rows) {
    const list = byCommunity.get(row.communityId) ?? [];
    list.push(row);
    byCommunity.set(row.communityId, list);
  }
  return byCommunity;
}

export interface LeaderRow {
  communityId: string;
  id: string;
  displayName: string;
  photoPath: string | null;
  updatedAt: Date;
  role: MembershipRole;
}

/** Every column of a community but the search columns. */
export const communityColumns = {
  id: communities.id,
  slug: communities.slug,
  name: communities.name,
  kind: communities.kind,
  purpose: communities.purpose,
  description: communities.description,
  intendedMembers: communities.intendedMembers,
  meetingPlan: communities.meetingPlan,
  topics: communities.topics,
  unitId: communities.unitId,
  audience: communities.audience,
  format: communities.format,
  visibility: communities.visibility,
  joinPolicy: communities.joinPolicy,
  requireGuidelines: communities.requireGuidelines,
  stage: communities.stage,
  memberCount: communities.memberCount,
  lastActivityAt: communities.lastActivityAt,
  createdAt: communities.createdAt,
  updatedAt: communities.updatedAt,
};

export type CommunityRow = Omit<typeof communities.$inferSelect, 'search' | 'searchDocument'>;

/**
 * A community by slug (or id) with the actor's membership in it, in one query. Undefined when there is
 * no such community; reading rights are the caller's (policy) decision.
 */
export async function findCommunityForActor(db: Db, slugOrId: string, actorId: string | null) {
  const isId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(slugOrId);
  const [row] = await db
    .select({
      community: communityColumns,
      unitName: units.name,
      membershipRole: communityMembers.role,
      acceptedGuidelinesAt: communityMembers.acceptedGuidelinesAt,
    })
    .from(communities)
    .leftJoin(units, eq(units.id, communities.unitId))
    .leftJoin(
      communityMembers,
      and(
        eq(communityMembers.communityId, communities.id),
        actorId ? eq(communityMembers.userId, actorId) : sql`false`,
      ),
    )
    .where(isId ? eq(communities.id, slugOrId) : eq(communities.slug, slugOrId))
    .limit(1);
  if (!row) return undefined;
  return {
    community: row.community,
    unitName: row.unitName,
    membership: row.membershipRole ? { role: row.membershipRole } : null,
  };
}

export type CommunityForActor = NonNullable<Awaited<ReturnType<typeof findCommunityForActor>>>;
