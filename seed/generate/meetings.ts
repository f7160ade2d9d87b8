import { base, en, en_GB, Faker } from '@faker-js/faker';
import { asc, sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client.ts';
import {
  communities,
  communityMembers,
  meetingAttendance,
  meetingRsvps,
  meetingSeries,
  meetings,
} from '../../server/db/schema/index.ts';
import { bulkInsertBatches } from './bulk-insert.ts';
import { planAnswers } from './meeting-answers.ts';
import {
  type MeetingCommunity,
  type PlannedMeeting,
  type PlannedSeries,
  planMeetingCounts,
  planOneOff,
  planSeries,
} from './meeting-plan.ts';

export type { MeetingCommunity } from './meeting-plan.ts';

export interface GenerateMeetingsOptions {
  communities: readonly MeetingCommunity[];
  /** Meeting rows in all, occurrences of series included. */
  meetings: number;
  /** RSVPs in all. */
  rsvps: number;
  /** The share of meeting rows that are occurrences of a series (a quarter by default). */
  recurringShare?: number;
  /** People whose communities must have meetings ahead, and who answer many of them. */
  featured?: readonly string[];
  /** Whether every living community gets a meeting (default); the small demo gives only some. */
  everyCommunity?: boolean;
  seed?: number;
  now?: Date;
}

export interface GeneratedMeetings {
  series: PlannedSeries[];
  meetings: PlannedMeeting[];
  rsvps: ReturnType<typeof planAnswers>['rsvps'];
  attendance: ReturnType<typeof planAnswers>['attendance'];
}

const defaultSeed = 20_261_124;

/**
 * Generates meetings for the given communities, deterministically from a seed: `meetings` rows from
 * about six months ago to six months ahead, spread by size and stage (meeting-plan.ts), of which
 * `recurringShare` are occurrences of bounded weekly, fortnightly or monthly series; the rest one-off
 * meetings, workshops and conferences, some with places, a few cancelled. Every living community has a
 * meeting ahead; a featured person's communities have two (a workshop with places among them), and the
 * ones they lead a monthly series. Then `rsvps` answers from the communities' members and attendance
 * for some past meetings (meeting-answers.ts).
 */
export function generateMeetings(options: GenerateMeetingsOptions): GeneratedMeetings {
  const faker = new Faker({ locale: [en_GB, en, base], seed: options.seed ?? defaultSeed });
  const now = options.now ?? new Date();
  const featured = new Set(options.featured ?? []);
  const list = options.communities;
  const remaining = planMeetingCounts(
    faker,
    list,
    options.meetings,
    featured,
    options.everyCommunity ?? true,
  );
  const featuredIn = list.map((community) => community.memberIds.some((id) => featured.has(id)));
  // Kept back for the one-offs ahead that every living community gets.
  const reserve = list.map((community, at) => (community.stage === 'archived' ? 0 : featuredIn[at] ? 2 : 1));
  const result: GeneratedMeetings = { series: [], meetings: [], rsvps: [], attendance: [] };
  let recurring = 0;
  const target = Math.round(options.meetings * (options.recurringShare ?? 0.25));
  const addSeries = (at: number, limit: number, monthly: boolean) => {
    const community = list[at];
    if (!community || limit < 1) return;
    const { series, occurrences } = planSeries(faker, now, community, limit, { monthly });
    result.series.push(series);
    result.meetings.push(...occurrences);
    recurring += occurrences.length;
    remaining[at] = (remaining[at] ?? 0) - occurrences.length;
  };

  list.forEach((community, at) => {
    if (!community.leaderIds.some((id) => featured.has(id))) return;
    addSeries(at, Math.min(6, (remaining[at] ?? 0) - (reserve[at] ?? 0), target - recurring), true);
  });
  while (recurring < target) {
    const open = list.flatMap((community, at) => {
      const room = (remaining[at] ?? 0) - (reserve[at] ?? 0);
      return community.stage !== 'archived' && room >= 2 ? [{ value: at, weight: room }] : [];
    });
    if (open.length === 0) break;
    const at = faker.helpers.weightedArrayElement(open);
    addSeries(at, Math.min((remaining[at] ?? 0) - (reserve[at] ?? 0), target - recurring), false);
  }

  list.forEach((community, at) => {
    const living = community.stage !== 'archived';
    for (let index = 0; index < (remaining[at] ?? 0); index++) {
      const ahead = living && index < (featuredIn[at] ? 2 : 1);
      const workshop = featuredIn[at] === true && index === 0;
      result.meetings.push(planOneOff(faker, now, community, index, { upcoming: ahead, workshop }));
    }
  });

  const byId = new Map(list.map((community) => [community.id, community]));
  const answers = planAnswers(faker, now, result.meetings, byId, options.rsvps, featured);
  result.rsvps = answers.rsvps;
  result.attendance = answers.attendance;
  return result;
}

/** Every community with its members (leaders first, by role), for the meeting seed. */
export async function loadMeetingCommunities(db: Db): Promise<MeetingCommunity[]> {
  const rows = await db
    .select({
      id: communities.id,
      slug: communities.slug,
      name: communities.name,
      stage: communities.stage,
      format: communities.format,
      topics: communities.topics,
    })
    .from(communities)
    .orderBy(asc(communities.slug));
  const members = await db
    .select({
      communityId: communityMembers.communityId,
      userId: communityMembers.userId,
      role: communityMembers.role,
    })
    .from(communityMembers)
    .orderBy(asc(communityMembers.communityId), asc(communityMembers.role), asc(communityMembers.userId));
  const byId = new Map(
    rows.map((row): [string, MeetingCommunity] => [row.id, { ...row, memberIds: [], leaderIds: [] }]),
  );
  for (const member of members) {
    const community = byId.get(member.communityId);
    if (!community) continue;
    community.memberIds.push(member.userId);
    if (member.role === 'leader') community.leaderIds.unshift(member.userId);
    else if (member.role === 'co_leader') community.leaderIds.push(member.userId);
  }
  return [...byId.values()];
}

/** Every column a seeded meeting sets, on every row: `bulkInsert` takes its columns from the first row. */
function meetingRow(meeting: PlannedMeeting): PlannedMeeting {
  return {
    ...meeting,
    seriesId: meeting.seriesId ?? null,
    originalStart: meeting.originalStart ?? null,
    detached: meeting.detached ?? false,
    cancelReason: meeting.cancelReason ?? '',
    sequence: meeting.sequence ?? 0,
    attendanceTakenAt: meeting.attendanceTakenAt ?? null,
  };
}

export interface SeedMeetingsResult {
  meetings: number;
  /** Occurrences of series among `meetings`. */
  recurring: number;
  series: number;
  upcoming: number;
  cancelled: number;
  withCapacity: number;
  rsvps: number;
  attendance: number;
}

/**
 * Generates meetings for every community in the database (see `generateMeetings`) and inserts them in
 * set-based batches: series, meetings, RSVPs, attendance. Then sets each meeting's going and wait-list
 * counts from the RSVP rows in one statement, so they cannot drift from them. `concurrency` 2 uses both
 * cores of a small PostgreSQL server; keep 1 inside a transaction or on PGlite.
 */
export async function seedMeetings(
  db: Db,
  options: Omit<GenerateMeetingsOptions, 'communities'> & { concurrency?: number },
): Promise<SeedMeetingsResult> {
  const generated = generateMeetings({ ...options, communities: await loadMeetingCommunities(db) });
  const concurrency = options.concurrency ?? 1;
  const series = await bulkInsertBatches(db, meetingSeries, generated.series, { batchSize: 1_000 });
  const inserted = await bulkInsertBatches(db, meetings, generated.meetings.map(meetingRow), {
    batchSize: 2_000,
    concurrency,
  });
  const rsvps = await bulkInsertBatches(db, meetingRsvps, generated.rsvps, { batchSize: 5_000, concurrency });
  const attendance = await bulkInsertBatches(db, meetingAttendance, generated.attendance, {
    batchSize: 5_000,
    concurrency,
  });
  const ids = JSON.stringify(generated.meetings.map((meeting) => meeting.id));
  await db.execute(sql`
    update ${meetings} m set going_count = counted.going, waitlist_count = counted.waiting
    from (
      select meeting_id,
        count(*) filter (where status = 'going')::int as going,
        count(*) filter (where status = 'waitlisted')::int as waiting
      from ${meetingRsvps}
      where meeting_id in (select value::uuid from jsonb_array_elements_text(${ids}::jsonb))
      group by meeting_id
    ) counted
    where m.id = counted.meeting_id`);
  const now = (options.now ?? new Date()).getTime();
  return {
    meetings: inserted,
    recurring: generated.meetings.filter((meeting) => meeting.seriesId).length,
    series,
    upcoming: generated.meetings.filter((meeting) => meeting.endsAt.getTime() > now).length,
    cancelled: generated.meetings.filter((meeting) => meeting.status === 'cancelled').length,
    withCapacity: generated.meetings.filter((meeting) => meeting.capacity !== null).length,
    rsvps,
    attendance,
  };
}
