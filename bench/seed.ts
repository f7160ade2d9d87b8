import { eq, sql } from 'drizzle-orm';
import { seedCommunities } from '../seed/generate/communities.ts';
import { type SeedDiscussionsResult, seedDiscussions } from '../seed/generate/discussions.ts';
import { type SeedMeetingsResult, seedMeetings } from '../seed/generate/meetings.ts';
import { ensureUnits, seedPeople, unitNames } from '../seed/generate/people.ts';
import { type SeedToolkitResult, seedToolkit } from '../seed/generate/toolkit.ts';
import type { Database, Db } from '../server/db/client.ts';
import { calendarFeeds, users } from '../server/db/schema/index.ts';
import { hashPassword, newToken } from '../server/lib/crypto.ts';
import type { BenchContext } from './scenarios.ts';
import { seedCircles } from './seed-circles.ts';
import { seedOpenInvitations } from './seed-invitations.ts';
import { seedMentoring } from './seed-mentoring.ts';
import { seedProjects } from './seed-projects.ts';
import { seedValueStories } from './seed-stories.ts';
import { seedSuccession } from './seed-succession.ts';
import { seedSurveyResults } from './seed-surveys.ts';

export const benchPassword = 'bench-password-not-secret';

export interface BenchData {
  context: BenchContext;
  /** The generated person the bench signs in as. */
  signIn: { email: string; password: string };
  people: number;
  units: number;
  communities: number;
  memberships: number;
  /** Communities the bench member belongs to (they lead one of them). */
  memberOf: number;
  communityShape: CommunityShape;
  meetings: SeedMeetingsResult;
  discussions: SeedDiscussionsResult;
  toolkit: SeedToolkitResult;
  seedSeconds: number;
  /** Of `seedSeconds`: the discussions and the Toolkit, with their VACUUM ANALYZE. */
  knowledgeSeedSeconds: number;
}

/** What the seeded communities look like, for the report. */
export interface CommunityShape {
  largest: number;
  median: number;
  smallest: number;
  /** Percentages of all communities. */
  publicShare: number;
  institutionShare: number;
  privateShare: number;
  archivedShare: number;
}

export interface BenchSize {
  people: number;
  communities: number;
  /** Memberships in all, on the people, leaders included. */
  memberships: number;
  /** Meeting rows in all (a quarter of them occurrences of series). */
  meetings: number;
  rsvps: number;
  threads: number;
  /** Replies in all, heavy-tailed per thread. */
  replies: number;
  resources: number;
}

/** Topic words a colleague searches for; some common (thousands of matches), some rare. */
const topicTerms = [
  'assessment',
  'feedback',
  'inclusive',
  'online learning',
  'curriculum',
  'ai education',
  'wellbeing',
  'rubrics',
  'mentoring',
  'nursing feedback',
  'lab',
  'peer',
];

/**
 * Seeds a campus: the units and the generated people, then the communities with their leaders,
 * memberships, charters and stage history (set-based inserts throughout), then VACUUM ANALYZE, so the
 * planner has statistics and the GIN pending lists are merged, as autovacuum leaves live tables. The
 * bench member (the first generated person, a staff member) leads one community and belongs to four
 * more, one of them private and one of the largest. Then meetings (seed/generate/meetings.ts): the
 * bench member's communities all have meetings ahead, they answer many, and they have a calendar feed.
 * Then discussions and the Toolkit (seed/generate/discussions.ts, toolkit.ts), in SQL: the bench
 * member's communities have long threads, threads they wrote, read markers and resources. The community
 * they lead has 2,000 open invitations (a cohort import).
 */
export async function seedBenchData(database: Database, size: BenchSize): Promise<BenchData> {
  const started = performance.now();
  const { db } = database;
  // Two batches in flight use both cores of a PostgreSQL server; PGlite runs one query at a time.
  const concurrency = database.kind === 'postgres' ? 2 : 1;
  const units = await ensureUnits(db, unitNames);
  const passwordHash = await hashPassword(benchPassword);
  const { inserted, sample } = await seedPeople(db, { count: size.people, units, passwordHash, concurrency });
  const [first] = sample;
  if (!first) throw new Error('the seed inserted nobody');
  const [member] = await db.select({ id: users.id }).from(users).where(eq(users.email, first.email));
  if (!member) throw new Error('the bench member is missing');

  const seeded = await seedCommunities(db, {
    count: size.communities,
    memberships: size.memberships,
    units,
    featured: [{ userId: member.id, leads: 1, joins: 4 }],
    concurrency,
  });
  const meetings = await seedMeetings(db, {
    meetings: size.meetings,
    rsvps: size.rsvps,
    featured: [member.id],
    concurrency,
  });
  const invitationPages = await seedOpenInvitations(db, member.id);
  const surveyResultsPaths = await seedSurveyResults(db, member.id);
  const storyPaths = await seedValueStories(db, member.id);
  const { circleListPaths, circlePaths } = await seedCircles(db, member.id);
  const { projectListPaths, projectPaths } = await seedProjects(db, member.id);
  const { leadershipPaths } = await seedSuccession(db, member.id);
  await seedMentoring(db, member.id);
  const feedToken = newToken();
  await db.insert(calendarFeeds).values({ userId: member.id, token: feedToken });
  const knowledgeStarted = performance.now();
  const discussions = await seedDiscussions(db, {
    threads: size.threads,
    replies: size.replies,
    featured: [member.id],
    concurrency,
  });
  const toolkit = await seedToolkit(db, { resources: size.resources, featured: [member.id] });
  await db.execute(
    sql`vacuum analyze users, communities, community_members, charter_versions, community_stage_changes,
      meeting_series, meetings, meeting_rsvps, meeting_attendance, calendar_feeds, threads, posts, reactions,
      thread_follows, thread_reads, resources, toolkit_topics, resource_topics, resource_uses`,
  );
  const knowledgeSeedSeconds = (performance.now() - knowledgeStarted) / 1000;

  // Name prefixes as people type them ("noe", "chr"), and one full name.
  const prefixes = [...new Set(sample.map((person) => person.displayName.slice(0, 3).toLowerCase()))];
  const searchTerms = [...topicTerms, ...prefixes, first.displayName];
  const visible = await visibleCommunities(db, member.id);
  return {
    context: {
      searchTerms,
      personId: member.id,
      communitySlugs: spreadOfSizes(visible, 120),
      communityUnitId: await busiestUnit(db),
      meetingSlugs: spreadOfSizes(await upcomingMeetings(db, member.id), 24),
      feedToken,
      threadIds: await longThreads(db, member.id, 24),
      threadListSlugs: spreadOfSizes(await communitiesWithThreads(db, member.id), 24),
      resourceIds: await visibleResources(db, member.id, 24),
      invitationPages,
      surveyResultsPaths,
      ...storyPaths,
      circleListPaths,
      circlePaths,
      projectListPaths,
      projectPaths,
      leadershipPaths,
    },
    signIn: { email: first.email, password: benchPassword },
    people: inserted,
    units: units.length,
    communities: seeded.communities,
    memberships: seeded.memberships,
    memberOf: visible.filter((community) => community.mine).length,
    communityShape: await describeCommunities(db),
    meetings,
    discussions,
    toolkit,
    seedSeconds: (performance.now() - started) / 1000,
    knowledgeSeedSeconds,
  };
}

interface VisibleCommunity {
  slug: string;
  size: number;
  mine: boolean;
}

/** The communities the member may see (public, institution-only, or theirs), largest first. */
async function visibleCommunities(db: Db, memberId: string): Promise<VisibleCommunity[]> {
  const result = (await db.execute(sql`
    select c.slug, c.member_count as size, (m.user_id is not null) as mine
    from communities c
    left join community_members m on m.community_id = c.id and m.user_id = ${memberId}
    where c.visibility in ('public', 'institution') or m.user_id is not null
    order by c.member_count desc, c.slug`)) as unknown as { rows: VisibleCommunity[] };
  return result.rows;
}

/**
 * The communities the member may see that have meetings ahead, by how many (as `size`, for
 * `spreadOfSizes`): the community meetings scenario rotates over busy and quiet ones, their own among them.
 */
async function upcomingMeetings(db: Db, memberId: string): Promise<VisibleCommunity[]> {
  const result = (await db.execute(sql`
    select c.slug, count(*)::int as size, bool_or(m.user_id is not null) as mine
    from communities c
    join meetings mt on mt.community_id = c.id and mt.ends_at > now()
    left join community_members m on m.community_id = c.id and m.user_id = ${memberId}
    where c.visibility in ('public', 'institution') or m.user_id is not null
    group by c.slug
    order by size desc, c.slug`)) as unknown as { rows: VisibleCommunity[] };
  return result.rows;
}

/**
 * About `count` slugs, big and small: the ten largest, the member's own, and the rest spread evenly
 * over the sizes, so the home-page scenario is not one cached answer nor only small communities.
 */
function spreadOfSizes(visible: VisibleCommunity[], count: number): string[] {
  const chosen = new Set<string>();
  for (const community of visible.slice(0, 10)) chosen.add(community.slug);
  for (const community of visible) if (community.mine) chosen.add(community.slug);
  const step = Math.max(1, visible.length / Math.max(1, count - chosen.size));
  for (let position = 10; position < visible.length && chosen.size < count; position += step) {
    const community = visible[Math.floor(position)];
    if (community) chosen.add(community.slug);
  }
  return [...chosen];
}

/**
 * Threads of at least 50 replies (a full first page) the member may read: the long threads of their
 * own communities first, then others spread over the visible communities, 50 to 150 replies long.
 */
async function longThreads(db: Db, memberId: string, count: number): Promise<string[]> {
  const result = (await db.execute(sql`
    with visible as (
      select c.id, (m.user_id is not null) as mine from communities c
      left join community_members m on m.community_id = c.id and m.user_id = ${memberId}
      where c.visibility in ('public', 'institution') or m.user_id is not null),
    long as (
      select t.id, v.mine, row_number() over (partition by t.community_id order by t.id) as nth
      from threads t join visible v on v.id = t.community_id
      where t.reply_count between 50 and 150 and t.deleted_at is null and t.hidden_at is null)
    select id from long order by mine desc, nth, id limit ${count}`)) as unknown as {
    rows: { id: string }[];
  };
  return result.rows.map((row) => row.id);
}

/** The communities the member may see that have threads, by how many (for `spreadOfSizes`). */
async function communitiesWithThreads(db: Db, memberId: string): Promise<VisibleCommunity[]> {
  const result = (await db.execute(sql`
    select c.slug, count(*)::int as size, bool_or(m.user_id is not null) as mine
    from communities c
    join threads t on t.community_id = c.id
    left join community_members m on m.community_id = c.id and m.user_id = ${memberId}
    where c.visibility in ('public', 'institution') or m.user_id is not null
    group by c.slug
    order by size desc, c.slug`)) as unknown as { rows: VisibleCommunity[] };
  return result.rows;
}

/** Resources the member may see: featured and not, files, videos and the rest, their own communities' first. */
async function visibleResources(db: Db, memberId: string, count: number): Promise<string[]> {
  const result = (await db.execute(sql`
    with visible as (
      select c.id, (m.user_id is not null) as mine from communities c
      left join community_members m on m.community_id = c.id and m.user_id = ${memberId}
      where c.visibility in ('public', 'institution') or m.user_id is not null),
    candidates as (
      select r.id, v.mine, row_number() over (partition by r.kind, r.featured_at is not null, v.mine
        order by r.view_count desc, r.id) as nth
      from resources r join visible v on v.id = r.community_id
      where r.deleted_at is null)
    select id from candidates order by nth, mine desc, id limit ${count}`)) as unknown as {
    rows: { id: string }[];
  };
  return result.rows.map((row) => row.id);
}

/** The unit with the most communities, for the unit filter of the directory search. */
async function busiestUnit(db: Db): Promise<string> {
  const result = (await db.execute(sql`
    select unit_id from communities where unit_id is not null
    group by unit_id order by count(*) desc, unit_id limit 1`)) as unknown as {
    rows: { unit_id: string }[];
  };
  const unitId = result.rows[0]?.unit_id;
  if (!unitId) throw new Error('no community has a unit');
  return unitId;
}

async function describeCommunities(db: Db): Promise<CommunityShape> {
  const result = (await db.execute(sql`
    select max(member_count)::int as largest,
      (percentile_disc(0.5) within group (order by member_count))::int as median,
      min(member_count)::int as smallest,
      round(100.0 * count(*) filter (where visibility = 'public') / count(*))::int as "publicShare",
      round(100.0 * count(*) filter (where visibility = 'institution') / count(*))::int as "institutionShare",
      round(100.0 * count(*) filter (where visibility = 'private') / count(*))::int as "privateShare",
      round(100.0 * count(*) filter (where stage = 'archived') / count(*))::int as "archivedShare"
    from communities`)) as unknown as { rows: CommunityShape[] };
  const [shape] = result.rows;
  if (!shape) throw new Error('no communities were seeded');
  return shape;
}
