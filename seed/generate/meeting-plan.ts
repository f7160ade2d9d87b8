import type { Faker } from '@faker-js/faker';
import { DateTime } from 'luxon';
import type { CommunityStage, MeetingFormat, MeetingKind, MeetingStatus } from '../../common/enums.ts';
import type { meetingSeries, meetings } from '../../server/db/schema/index.ts';
import { expandRecurrence, localToInstant } from '../../server/lib/recurrence.ts';
import { planSizes } from './community-members.ts';
import {
  agendas,
  cancelReasons,
  descriptions,
  durations,
  fill,
  monthlyShape,
  oneOffKinds,
  oneOffTitles,
  rooms,
  seriesShapes,
  startMinutes,
  timeZones,
} from './meeting-vocabulary.ts';

/** A community as the meeting seed sees it: its members (leaders first) and what shapes its meetings. */
export interface MeetingCommunity {
  id: string;
  slug: string;
  name: string;
  stage: CommunityStage;
  format: MeetingFormat;
  topics: string[];
  memberIds: string[];
  leaderIds: string[];
}

export type PlannedMeeting = typeof meetings.$inferInsert & {
  id: string;
  startsAt: Date;
  endsAt: Date;
  createdAt: Date;
  capacity: number | null;
  status: MeetingStatus;
  createdBy: string | null;
};
export type PlannedSeries = typeof meetingSeries.$inferInsert & { id: string };

const dayMs = 86_400_000;
/** Meetings lie from about six months ago to six months ahead. */
export const windowDays = 182;

const stageFactor: Record<CommunityStage, number> = {
  potential: 0.3,
  coalescing: 0.8,
  maturing: 1.2,
  stewardship: 1.1,
  transformation: 0.7,
  archived: 0.15,
};

/**
 * How many meetings each community holds, adding up to `total`: busier stages and bigger communities
 * meet more (the square root of the size: a community of 7,000 does not meet 100 times as often as one
 * of 70). Every living community has at least one (unless `everyCommunity` is false); featured
 * people's communities at least eight, so a monthly series and a workshop fit.
 */
export function planMeetingCounts(
  faker: Faker,
  list: readonly MeetingCommunity[],
  total: number,
  featured: ReadonlySet<string>,
  everyCommunity: boolean,
): number[] {
  const weights = list.map(
    (community) =>
      stageFactor[community.stage] *
      Math.sqrt(community.memberIds.length) *
      faker.number.float({ min: 0.4, max: 1.6 }),
  );
  const bounds = list.map((community) => {
    const mine = community.memberIds.some((id) => featured.has(id));
    const min = community.stage === 'archived' ? 0 : mine ? 8 : everyCommunity ? 1 : 0;
    return { min, max: Math.max(min, 400) };
  });
  return planSizes(weights, bounds, total);
}

/** A weekday at a usual hour, `dayOffset` days from now, as local wall-clock time in `zone`. */
function localSlot(faker: Faker, now: Date, dayOffset: number, zone: string, kind: MeetingKind): string {
  let day = DateTime.fromMillis(now.getTime() + dayOffset * dayMs, { zone }).startOf('day');
  if (day.weekday > 5) day = day.plus({ days: 8 - day.weekday });
  const minutes = kind === 'conference' ? 540 : faker.helpers.arrayElement(startMinutes);
  return day.plus({ minutes }).toFormat("yyyy-MM-dd'T'HH:mm");
}

/** When a meeting was scheduled: `min`–`max` days before it starts, and never in the future. */
function scheduledAt(faker: Faker, now: Date, startsAt: Date, min: number, max: number): Date {
  const before = startsAt.getTime() - faker.number.int({ min, max }) * dayMs;
  return new Date(Math.min(before, now.getTime() - faker.number.int({ min: 1, max: 72 }) * 3_600_000));
}

/** Where a meeting happens, by the community's format. */
function place(faker: Faker, community: MeetingCommunity, index: number) {
  const online = community.format !== 'in_person';
  const inRoom = community.format !== 'online';
  return {
    onlineUrl: online ? `https://meet.example.edu/${community.slug}-${index}` : null,
    room: inRoom ? faker.helpers.arrayElement(rooms) : null,
  };
}

function text(faker: Faker, community: MeetingCommunity, pattern: string) {
  const topic = community.topics.length > 0 ? faker.helpers.arrayElement(community.topics) : 'teaching';
  return {
    title: fill(pattern, topic, community.name),
    description: fill(faker.helpers.arrayElement(descriptions), topic, community.name),
    agenda:
      faker.number.float() < 0.5 ? fill(faker.helpers.arrayElement(agendas), topic, community.name) : '',
  };
}

function cancellation(faker: Faker, share: number, createdAt: Date, startsAt: Date) {
  if (faker.number.float() >= share) return { status: 'scheduled' as const };
  const at = new Date(
    createdAt.getTime() + faker.number.float() * (startsAt.getTime() - createdAt.getTime()),
  );
  return {
    status: 'cancelled' as const,
    cancelReason: faker.helpers.arrayElement(cancelReasons),
    sequence: 1,
    updatedAt: at,
  };
}

/**
 * One series in `community`: a shape from the vocabulary (or the monthly one), starting on a day
 * that keeps every occurrence inside the window, with at most `limit` occurrences; one series in ten
 * skips a date. Occurrence rows are expanded with the app's own recurrence code, in wall-clock time.
 */
export function planSeries(
  faker: Faker,
  now: Date,
  community: MeetingCommunity,
  limit: number,
  options: { monthly?: boolean } = {},
): { series: PlannedSeries; occurrences: PlannedMeeting[] } {
  const shape = options.monthly ? monthlyShape : faker.helpers.arrayElement(seriesShapes);
  const zone = faker.helpers.weightedArrayElement(timeZones);
  const latest = windowDays - shape.spanDays;
  // A featured community's monthly series began within the last month, so most of it lies ahead.
  const from = options.monthly ? -30 : -windowDays;
  const to = community.stage === 'archived' ? Math.min(latest, -shape.spanDays - 7) : latest;
  const candidate = localSlot(
    faker,
    now,
    faker.number.int({ min: from, max: Math.max(from, to) }),
    zone,
    'meeting',
  );
  const count = Math.max(1, Math.min(limit, Number(/COUNT=(\d+)/.exec(shape.rrule)?.[1] ?? 6)));
  const rrule = shape.rrule.replace(/COUNT=\d+/, `COUNT=${count}`);
  const all = expandRecurrence(rrule, candidate, zone).starts;
  const firstStart = all[0] ?? candidate;
  const skipOne = all.length > 3 && faker.number.float() < 0.1;
  const exceptions = skipOne ? [(all[2] ?? '').slice(0, 10)] : [];
  const starts = skipOne ? expandRecurrence(rrule, firstStart, zone, exceptions).starts : all;
  const firstInstant = localToInstant(firstStart, zone);
  const createdAt = scheduledAt(faker, now, firstInstant, 7, 30);
  const series: PlannedSeries = {
    id: faker.string.uuid(),
    communityId: community.id,
    rrule,
    firstStart,
    timeZone: zone,
    exceptions,
    createdAt,
  };
  const minutes = faker.helpers.arrayElement(durations.meeting);
  const words = text(faker, community, shape.title);
  const where = place(faker, community, 0);
  const createdBy = community.leaderIds[0] ?? null;
  const occurrences = starts.map((local): PlannedMeeting => {
    const startsAt = localToInstant(local, zone);
    return {
      id: faker.string.uuid(),
      communityId: community.id,
      seriesId: series.id,
      originalStart: startsAt,
      kind: 'meeting',
      ...words,
      startsAt,
      endsAt: new Date(startsAt.getTime() + minutes * 60_000),
      timeZone: zone,
      ...where,
      capacity: null,
      createdBy,
      createdAt,
      updatedAt: createdAt,
      // A cancelled occurrence is edited on its own: calendar feeds write it as an override.
      ...(() => {
        const cancelled = cancellation(faker, 0.04, createdAt, startsAt);
        return cancelled.status === 'cancelled' ? { ...cancelled, detached: true } : cancelled;
      })(),
    };
  });
  return { series, occurrences };
}

/**
 * One meeting, workshop or conference at a random time in the window (archived communities: in the
 * past only). `upcoming` puts it in the next six weeks; `workshop` makes it a workshop with places.
 */
export function planOneOff(
  faker: Faker,
  now: Date,
  community: MeetingCommunity,
  index: number,
  options: { upcoming?: boolean; workshop?: boolean } = {},
): PlannedMeeting {
  let kind = options.workshop ? 'workshop' : faker.helpers.weightedArrayElement(oneOffKinds);
  if (kind === 'conference' && community.memberIds.length < 30) kind = 'workshop';
  const zone = faker.helpers.weightedArrayElement(timeZones);
  const [from, to] = options.upcoming
    ? [1, 42]
    : community.stage === 'archived'
      ? [-windowDays, -30]
      : [-windowDays, windowDays - 3];
  const local = localSlot(faker, now, faker.number.int({ min: from, max: to }), zone, kind);
  const startsAt = localToInstant(local, zone);
  const createdAt = scheduledAt(faker, now, startsAt, 3, 45);
  const capacityShare = options.workshop ? 1 : { meeting: 0.08, workshop: 0.6, conference: 0.5 }[kind];
  const capacity =
    faker.number.float() < capacityShare
      ? kind === 'conference'
        ? faker.number.int({ min: 60, max: 200 })
        : faker.number.int({ min: 8, max: 30 })
      : null;
  return {
    id: faker.string.uuid(),
    communityId: community.id,
    kind,
    ...text(faker, community, faker.helpers.arrayElement(oneOffTitles[kind])),
    startsAt,
    endsAt: new Date(startsAt.getTime() + faker.helpers.arrayElement(durations[kind]) * 60_000),
    timeZone: zone,
    ...place(faker, community, index + 1),
    capacity,
    createdBy: community.leaderIds.length > 0 ? faker.helpers.arrayElement(community.leaderIds) : null,
    createdAt,
    updatedAt: createdAt,
    ...cancellation(faker, 0.06, createdAt, startsAt),
  };
}
