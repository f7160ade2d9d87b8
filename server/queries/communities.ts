import { and, asc, eq, inArray, or, type Placeholder, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { CommunityStage, MeetingKind, MeetingStatus, MembershipRole } from '../../common/enums.ts';
import type { Db } from '../db/client.ts';
import { communities, communityMembers, communitySuspensions, units, users } from '../db/schema/index.ts';
import { type Actor, isCoordinator } from '../lib/actor.ts';
import { memberMilestonesCrossed, recordMilestones } from './milestones.ts';
import { preparedByShape, preparedFor } from './prepared.ts';

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

/** Whose view of the directory a query takes: the four cases of seesCommunity. */
export type Scope = 'everything' | 'public' | 'external' | 'institution';

export function scopeOf(actor: Actor | null): Scope {
  if (isCoordinator(actor)) return 'everything';
  if (!actor) return 'public';
  return actor.kind === 'external' ? 'external' : 'institution';
}

/** The scope as a condition; `actorId` is the person (a value or a placeholder) whose memberships count. */
export function visibleIn(scope: Scope, actorId: SQLWrapper | string): SQL | undefined {
  if (scope === 'everything') return undefined;
  // Constants stay literals (not parameters), so generic plans of prepared statements estimate them.
  const isPublic = sql`${communities.visibility} = 'public'`;
  if (scope === 'public') return isPublic;
  // A project-only guest membership (a partner, #18 §4) does not make the community visible.
  const member = sql`exists (select 1 from ${communityMembers} m where m.community_id = ${communities.id} and m.user_id = ${actorId} and not m.project_only)`;
  if (scope === 'external') return or(isPublic, member);
  return or(sql`${communities.visibility} in ('public', 'institution')`, member);
}

/**
 * The communities an actor may see, as a condition (the same rule as policies/communities.ts
 * seesCommunity, in SQL, so lists are authorised by scoping the query).
 */
export function visibleTo(actor: Actor | null): SQL | undefined {
  return visibleIn(scopeOf(actor), actor?.id ?? '');
}

/** A meeting as JSON from SQL: times as epoch milliseconds (exact, whatever the session's zone). */
export interface NextMeetingJson {
  id: string;
  title: string;
  kind: MeetingKind;
  startsAt: number;
  endsAt: number;
  timeZone: string;
  status?: MeetingStatus;
}

/** A timestamptz as epoch milliseconds, for JSON built in SQL. */
export function epochMs(column: SQL): SQL {
  return sql`(extract(epoch from ${column}) * 1000)::bigint`;
}

/** Leaders and co-leaders of the communities in the `ids` array, as one prepared statement. */
const leadersOf = preparedFor((db) =>
  db
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
        sql`${communityMembers.communityId} = any(${sql.placeholder('ids')}::uuid[])`,
        inArray(communityMembers.role, ['leader', 'co_leader']),
      ),
    )
    .orderBy(asc(communityMembers.role), asc(communityMembers.joinedAt))
    .prepare('community_leaders_of'),
);

/** The leaders and co-leaders of several communities, in one query (cards and home pages). */
export async function listLeadersOf(db: Db, communityIds: string[]) {
  if (communityIds.length === 0) return new Map<string, LeaderRow[]>();
  const rows = await leadersOf(db).execute({ ids: communityIds });
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
  meetingSchedulers: communities.meetingSchedulers,
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
  const byId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(slugOrId);
  const [row] = await communityForActorStatement(db, { byId, signedIn: actorId !== null }).execute({
    key: slugOrId,
    actorId,
  });
  if (!row) return undefined;
  return {
    community: row.community,
    unitName: row.unitName,
    membership: row.membershipRole ? { role: row.membershipRole, suspended: row.suspended } : null,
  };
}

/**
 * The lookup behind every community page and action, as a named prepared statement per shape (by id or
 * by slug, for a member or a visitor), planned once per pooled connection.
 */
const communityForActorStatement = preparedByShape(
  (shape: { byId: boolean; signedIn: boolean }) =>
    `community_for_${shape.signedIn ? 'member' : 'visitor'}_by_${shape.byId ? 'id' : 'slug'}`,
  (db, shape) => {
    const actorId = shape.signedIn ? sql.placeholder('actorId') : null;
    const key = sql.placeholder('key');
    return db
      .select({
        community: communityColumns,
        unitName: units.name,
        membershipRole: communityMembers.role,
        acceptedGuidelinesAt: communityMembers.acceptedGuidelinesAt,
        suspended: suspendedIn(sql`${communities.id}`, actorId),
      })
      .from(communities)
      .leftJoin(units, eq(units.id, communities.unitId))
      .leftJoin(communityMembers, actorMembershipOn(communities.id, actorId))
      .where(shape.byId ? sql`${communities.id} = ${key}::uuid` : sql`${communities.slug} = ${key}`);
  },
);

/**
 * The join condition for the actor's own membership of the community whose id is `communityId`, so a
 * page's query carries it without another round trip; none for visitors. `actorId` may be a
 * placeholder of a prepared statement.
 */
export function actorMembershipOn(communityId: SQLWrapper, actorId: string | Placeholder | null): SQL {
  if (!actorId) return sql`false`;
  // A project-only guest membership (an external partner, #18 §4) is no membership of the community.
  return sql`${communityMembers.communityId} = ${communityId} and ${communityMembers.userId} = ${actorId}::uuid
    and not ${communityMembers.projectOnly}`;
}

/**
 * Whether a suspension from the community is in force for the person (not lifted and not yet ended),
 * as a column of the caller's query: the membership lookups carry it without another round trip. One
 * probe of community_suspensions_one_active. `actorId` may be a placeholder of a prepared statement.
 */
export function suspendedIn(communityId: SQL, actorId: string | Placeholder | null): SQL<boolean> {
  if (!actorId) return sql<boolean>`false`;
  return sql<boolean>`exists (select 1 from ${communitySuspensions} cs
    where cs.community_id = ${communityId} and cs.user_id = ${actorId}::uuid
      and cs.lifted_at is null and (cs.ends_at is null or cs.ends_at > now()))`;
}

export type CommunityForActor = NonNullable<Awaited<ReturnType<typeof findCommunityForActor>>>;

/** Makes a community's latest activity now (a new thread, resource, meeting or discussion; the directory sorts by it). */
export async function updateCommunityActivity(db: Db, communityId: string): Promise<void> {
  await db.update(communities).set({ lastActivityAt: sql`now()` }).where(eq(communities.id, communityId));
}

/**
 * Takes a community row's lock for the rest of the transaction: every change to memberships, roles and
 * invitations takes it first, so two people acting on one community are applied one after the other.
 */
export async function lockCommunity(db: Db, communityId: string): Promise<void> {
  await db.execute(sql`select 1 from ${communities} where ${communities.id} = ${communityId} for update`);
}

/**
 * Adjusts the stored member count by `delta` (kept in step with community_members); a count that grows
 * to 10, 50 or 100 records that milestone (#16 §4), in the same transaction.
 */
export async function updateMemberCount(db: Db, communityId: string, delta: number): Promise<void> {
  const [row] = await db
    .update(communities)
    .set({ memberCount: sql`${communities.memberCount} + ${delta}`, lastActivityAt: sql`now()` })
    .where(eq(communities.id, communityId))
    .returning({ memberCount: communities.memberCount });
  if (delta > 0 && row)
    await recordMilestones(db, communityId, memberMilestonesCrossed(row.memberCount, delta));
}

/** Moves a community to another stage (the history entry is `insertStageChange`'s). */
export async function updateCommunityStage(
  db: Db,
  communityId: string,
  stage: CommunityStage,
): Promise<void> {
  await db
    .update(communities)
    .set({ stage, updatedAt: sql`now()`, lastActivityAt: sql`now()` })
    .where(eq(communities.id, communityId));
}

/** The slugs taken by `base` itself and by `base-…`, to find a free one. */
export async function listSlugsLike(db: Db, base: string): Promise<string[]> {
  const rows = await db
    .select({ slug: communities.slug })
    .from(communities)
    .where(sql`${communities.slug} = ${base} or ${communities.slug} like ${`${base}-%`}`);
  return rows.map((row) => row.slug);
}

/** A new community's columns (its topics given); its search document is built from them. */
export type NewCommunityRow = Omit<typeof communities.$inferInsert, 'searchDocument' | 'topics'> & {
  topics: string[];
};

/**
 * Adds a community with its search document; answers the new row, or undefined when the slug was
 * taken meanwhile (of two at once, the unique index lets one in; the caller tries the next free slug).
 */
export async function insertCommunity(db: Db, community: NewCommunityRow) {
  const [row] = await db
    .insert(communities)
    .values({ ...community, searchDocument: buildCommunitySearchDocument(community) })
    .onConflictDoNothing({ target: communities.slug })
    .returning();
  return row;
}

/** The details leaders edit: every one, as the community will have them. */
export type CommunityDetails = Required<
  Pick<
    NewCommunityRow,
    | 'name'
    | 'kind'
    | 'purpose'
    | 'description'
    | 'intendedMembers'
    | 'meetingPlan'
    | 'topics'
    | 'unitId'
    | 'audience'
    | 'format'
    | 'visibility'
    | 'joinPolicy'
    | 'requireGuidelines'
    | 'meetingSchedulers'
  >
>;

/** Writes a community's details and its search document; answers the row (see `communityColumns`). */
export async function updateCommunityDetails(db: Db, communityId: string, details: CommunityDetails) {
  const [row] = await db
    .update(communities)
    .set({ ...details, searchDocument: buildCommunitySearchDocument(details), updatedAt: sql`now()` })
    .where(eq(communities.id, communityId))
    .returning(communityColumns);
  return row;
}
