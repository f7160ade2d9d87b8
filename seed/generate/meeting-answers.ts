import type { Faker } from '@faker-js/faker';
import type { RsvpStatus } from '../../common/enums.ts';
import type { meetingAttendance, meetingRsvps } from '../../server/db/schema/index.ts';
import { planSizes } from './community-members.ts';
import type { MeetingCommunity, PlannedMeeting } from './meeting-plan.ts';
import { answers, featuredAnswers } from './meeting-vocabulary.ts';

type RsvpRow = typeof meetingRsvps.$inferInsert;
type AttendanceRow = typeof meetingAttendance.$inferInsert;

export interface PlannedAnswers {
  rsvps: RsvpRow[];
  attendance: AttendanceRow[];
}

const hourMs = 3_600_000;

/** `count` distinct ids from `ids`: by rejection when few are wanted, else a partial shuffle. */
function sample(faker: Faker, ids: readonly string[], count: number): string[] {
  if (count >= ids.length) return [...ids];
  if (count * 3 > ids.length) return faker.helpers.arrayElements(ids, count);
  const picked = new Set<string>();
  while (picked.size < count) picked.add(ids[faker.number.int(ids.length - 1)] ?? '');
  return [...picked];
}

/**
 * Answers to the planned meetings, `total` in all, only from members of each meeting's community:
 * bigger communities get more answers (but a smaller share of their members), upcoming meetings a few
 * less than past ones (answers still come in), cancelled ones far fewer. Answers are made in time
 * order, and once a meeting with places is full, "going" becomes a wait-list place, as the RSVP service
 * does. The featured people answer about six in ten meetings of their communities. For two in five
 * past meetings the host took attendance: most of those going came, some of the maybes, and now and
 * then a member who never answered (sets `attendanceTakenAt` on those meetings).
 */
export function planAnswers(
  faker: Faker,
  now: Date,
  planned: readonly PlannedMeeting[],
  communities: ReadonlyMap<string, MeetingCommunity>,
  total: number,
  featured: ReadonlySet<string>,
): PlannedAnswers {
  const membersOf = (meeting: PlannedMeeting) => communities.get(meeting.communityId)?.memberIds ?? [];
  const weights = planned.map((meeting) => {
    const size = membersOf(meeting).length;
    const past = meeting.startsAt.getTime() < now.getTime();
    return (
      size ** 0.6 *
      faker.number.float({ min: 0.5, max: 1.5 }) *
      (meeting.status === 'cancelled' ? 0.3 : 1) *
      (meeting.capacity ? 1.3 : 1) *
      (past ? 1.1 : 0.9)
    );
  });
  const bounds = planned.map((meeting) => ({ min: 0, max: membersOf(meeting).length }));
  const counts = planSizes(weights, bounds, total);

  const result: PlannedAnswers = { rsvps: [], attendance: [] };
  planned.forEach((meeting, index) => {
    const members = membersOf(meeting);
    const picks = sample(faker, members, counts[index] ?? 0);
    const chosen = new Set(picks);
    for (const person of featured) {
      if (picks.length === 0 || chosen.has(person) || !members.includes(person)) continue;
      if (faker.number.float() < 0.6) {
        chosen.delete(picks[0] ?? '');
        picks[0] = person;
        chosen.add(person);
      }
    }
    const opened = meeting.createdAt.getTime();
    const closed = Math.max(opened, Math.min(meeting.startsAt.getTime(), now.getTime()));
    const timed = picks
      .map((userId) => ({ userId, at: opened + faker.number.float() * (closed - opened) }))
      .sort((a, b) => a.at - b.at);
    let going = 0;
    const answered: { userId: string; status: RsvpStatus }[] = [];
    for (const { userId, at } of timed) {
      let status: RsvpStatus = faker.helpers.weightedArrayElement(
        featured.has(userId) ? featuredAnswers : answers,
      );
      if (status === 'going') {
        if (meeting.capacity !== null && going >= meeting.capacity) status = 'waitlisted';
        else going++;
      }
      answered.push({ userId, status });
      result.rsvps.push({ meetingId: meeting.id, userId, status, respondedAt: new Date(at) });
    }
    const ended = meeting.endsAt.getTime() <= now.getTime();
    if (!ended || meeting.status === 'cancelled' || faker.number.float() >= 0.4) return;
    const takenAt = Math.min(
      now.getTime(),
      meeting.endsAt.getTime() + faker.number.int({ min: 1, max: 48 }) * hourMs,
    );
    meeting.attendanceTakenAt = new Date(takenAt);
    const came = answered
      .filter(({ status }) =>
        status === 'going' ? faker.number.float() < 0.85 : status === 'maybe' && faker.number.float() < 0.3,
      )
      .map(({ userId }) => userId);
    const walkIns = sample(faker, members, Math.min(members.length, faker.number.int(2))).filter(
      (userId) => !chosen.has(userId),
    );
    for (const userId of [...came, ...walkIns]) {
      result.attendance.push({
        meetingId: meeting.id,
        userId,
        recordedBy: meeting.createdBy,
        recordedAt: new Date(takenAt),
      });
    }
  });
  return result;
}
