import { DateTime } from 'luxon';
import { i18n } from '../i18n/i18n.ts';
import { dateFormatter } from './format.ts';

/**
 * The repeat choices of the schedule form, turned into an RFC 5545 RRULE value the server expands
 * (with the `rrule` library). Pure functions of the form's values, so they are easy to test.
 */

export const repeatKinds = ['none', 'weekly', 'biweekly', 'monthly', 'monthly_last'] as const;
export type RepeatKind = (typeof repeatKinds)[number];

export type RepeatEnd = { kind: 'count'; count: number } | { kind: 'until'; date: string };

const weekdayCodes = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type WeekdayCode = (typeof weekdayCodes)[number];

export interface NthWeekday {
  /** 1–5: which of the month's weekdays of that name the date is. */
  n: number;
  weekday: WeekdayCode;
  /** The weekday's name in the language shown ("Tuesday", "dinsdag", "martedì"). */
  weekdayName: string;
  /** The date is the month's last weekday of that name (so "last Tuesday" fits too). */
  last: boolean;
}

/** Which weekday of its month a local date ("2026-12-01" or "2026-12-01T15:00") is: the 1st Tuesday… */
export function nthWeekdayOf(local: string): NthWeekday | null {
  const date = DateTime.fromISO(local.slice(0, 10), { zone: 'UTC' });
  if (!date.isValid) return null;
  const index = date.weekday - 1;
  return {
    n: Math.ceil(date.day / 7),
    weekday: weekdayCodes[index] ?? 'MO',
    weekdayName: dateFormatter({ weekday: 'long', timeZone: 'UTC' }).format(date.toJSDate()),
    last: date.day + 7 > date.daysInMonth,
  };
}

/** The words for one repeat choice, given the start, in the language shown: "Monthly on the first Tuesday". */
export function repeatLabel(kind: RepeatKind, startsAt: string): string {
  const nth = nthWeekdayOf(startsAt);
  const day = nth?.weekdayName ?? i18n._('meetings.repeat.weekdayFallback');
  // The weekday's code lets languages that need it agree with the day ("la prima domenica").
  const weekday = nth?.weekday ?? 'MO';
  switch (kind) {
    case 'none':
      return i18n._('meetings.repeat.none');
    case 'weekly':
      return nth ? i18n._('meetings.repeat.weeklyOn', { day }) : i18n._('meetings.repeat.weekly');
    case 'biweekly':
      return nth ? i18n._('meetings.repeat.biweeklyOn', { day }) : i18n._('meetings.repeat.biweekly');
    case 'monthly':
      return nth
        ? i18n._('meetings.repeat.monthlyOn', { n: nth.n, day, weekday })
        : i18n._('meetings.repeat.monthly');
    case 'monthly_last':
      return i18n._('meetings.repeat.monthlyLast', { day, weekday });
  }
}

/**
 * The repeat choices that fit a start date: "last …" only when it is the month's last such weekday,
 * and no "fifth …" (most months have none: the last one is what people mean).
 */
export function repeatChoices(startsAt: string): RepeatKind[] {
  const nth = nthWeekdayOf(startsAt);
  return repeatKinds.filter((kind) => {
    if (kind === 'monthly_last') return nth?.last === true;
    if (kind === 'monthly') return nth === null || nth.n < 5;
    return true;
  });
}

/**
 * The RRULE value for a repeat choice, or null for a one-off meeting. `startsAt` is the local start;
 * an end date becomes UNTIL at the end of that day in the meeting's zone, in UTC as RFC 5545 asks when
 * the start carries a zone.
 */
export function buildRrule(input: {
  repeat: RepeatKind;
  startsAt: string;
  timeZone: string;
  end: RepeatEnd;
}): string | null {
  if (input.repeat === 'none') return null;
  const nth = nthWeekdayOf(input.startsAt);
  const parts: string[] = [];
  switch (input.repeat) {
    case 'weekly':
      parts.push('FREQ=WEEKLY');
      break;
    case 'biweekly':
      parts.push('FREQ=WEEKLY', 'INTERVAL=2');
      break;
    case 'monthly':
      parts.push('FREQ=MONTHLY', `BYDAY=${nth ? `${nth.n}${nth.weekday}` : '1MO'}`);
      break;
    case 'monthly_last':
      parts.push('FREQ=MONTHLY', `BYDAY=-1${nth?.weekday ?? 'MO'}`);
      break;
  }
  if (input.end.kind === 'count') {
    parts.push(`COUNT=${input.end.count}`);
  } else {
    const until = DateTime.fromISO(`${input.end.date}T23:59:59`, { zone: input.timeZone });
    parts.push(`UNTIL=${until.isValid ? until.toUTC().toFormat("yyyyLLdd'T'HHmmss'Z'") : input.end.date}`);
  }
  return parts.join(';');
}
