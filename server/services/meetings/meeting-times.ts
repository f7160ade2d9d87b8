import { DateTime } from 'luxon';
import { fieldError, message } from '../../errors.ts';
import { localToInstant } from '../../lib/recurrence.ts';
import { longestMeetingDays } from '../../queries/meetings.ts';

/** A meeting's start and end as instants, checked: the end after the start, at most a week long. */
export function meetingTimes(startLocal: string, endLocal: string, zone: string) {
  const startsAt = localToInstant(startLocal, zone);
  const endsAt = localToInstant(endLocal, zone);
  if (endsAt.getTime() <= startsAt.getTime()) throw fieldError('endsAt', 'errors.meetings.endAfterStart');
  if (endsAt.getTime() - startsAt.getTime() > longestMeetingDays * 24 * 3600_000) {
    throw fieldError('endsAt', message('errors.meetings.tooLong', { days: longestMeetingDays }));
  }
  return { startsAt, endsAt };
}

/** The wall-clock length of a meeting in minutes, kept for every occurrence of a series. */
export function wallClockMinutes(startLocal: string, endLocal: string): number {
  return DateTime.fromISO(endLocal, { zone: 'utc' }).diff(
    DateTime.fromISO(startLocal, { zone: 'utc' }),
    'minutes',
  ).minutes;
}

/** A local start plus a wall-clock length: the local end ("2026-12-01T16:30"). */
export function addWallClockMinutes(startLocal: string, minutes: number): string {
  return DateTime.fromISO(startLocal, { zone: 'utc' }).plus({ minutes }).toFormat("yyyy-MM-dd'T'HH:mm");
}
