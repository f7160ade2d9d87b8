// Dates as people read them, in the language shown (formatters cached in format.ts), with Intl only:
// these are on the pages people land on, so they stay out of luxon (about 20 KB compressed), which only
// the meeting forms need (zoned-inputs.ts).
import { dateFormatter, relativeTimeFormatter } from './format.ts';

/** A Date from an ISO string, or null when it is not one. */
function parse(iso: string): Date | null {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

const dateMed: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', day: 'numeric' };

/** The largest unit that is at least one, as luxon's toRelative picks it: "3 hours ago", "in 2 days". */
const relativeUnits: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1000],
];

/** "3 hours ago" for recent moments, a short date otherwise. */
export function relativeTime(iso: string): string {
  const date = parse(iso);
  if (!date) return iso;
  const difference = date.getTime() - Date.now();
  if (Math.abs(difference) >= 7 * 86_400_000) return dateFormatter(dateMed).format(date);
  const format = relativeTimeFormatter({ numeric: 'always' });
  for (const [unit, size] of relativeUnits) {
    const count = Math.trunc(difference / size);
    if (Math.abs(count) >= 1) return format.format(count, unit);
  }
  return format.format(difference < 0 ? -0 : 0, 'second');
}

/** A full date and time in the reader's locale, e.g. for a title attribute or a table. */
export function dateTime(iso: string): string {
  const date = parse(iso);
  return date ? dateFormatter({ ...dateMed, hour: 'numeric', minute: 'numeric' }).format(date) : iso;
}

/** "Dec 6, 2026": a day in the reader's locale. */
export function dateOnly(iso: string): string {
  const date = parse(iso);
  return date ? dateFormatter(dateMed).format(date) : iso;
}

/** "November 2026" */
export function monthYear(iso: string): string {
  const date = parse(iso);
  return date ? dateFormatter({ month: 'long', year: 'numeric' }).format(date) : iso;
}

/** The browser's IANA time zone ("Europe/Paris"), or UTC when the browser does not say. */
export function browserZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/**
 * The zone to show times in: the person's profile zone, else the browser's. A new account starts on UTC
 * before anyone chose it, so UTC falls back to the browser too (as the profile form does).
 */
export function viewerZone(profileZone: string | null | undefined): string {
  return profileZone && profileZone !== 'UTC' ? profileZone : browserZone();
}

const rangeOptions: Intl.DateTimeFormatOptions = {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  timeZoneName: 'short',
};

/** "Tue, Dec 1, 2026, 3:00 – 4:00 PM GMT+1": a meeting's start and end in `zone`. */
export function timeRange(startsAt: string, endsAt: string, zone: string): string {
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return `${startsAt} – ${endsAt}`;
  const format = dateFormatter({ ...rangeOptions, timeZone: zone });
  return end > start ? format.formatRange(start, end) : format.format(start);
}

/** "Tue, Dec 1, 2026, 3:00 PM GMT+1": one moment in `zone`. */
export function momentIn(iso: string, zone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return dateFormatter({ ...rangeOptions, timeZone: zone }).format(date);
}

/** Minutes `zone` is ahead of UTC at `date`; null for a zone the browser does not know. */
export function zoneOffset(date: Date, zone: string): number | null {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    }).formatToParts(date);
  } catch {
    return null;
  }
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return Math.round((wall - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
}

/** Whether two zones show a different clock time at `iso` (Paris and Berlin do not; Paris and London do). */
export function zonesDiffer(a: string, b: string, iso: string): boolean {
  if (a === b) return false;
  const date = parse(iso);
  if (!date) return true;
  const first = zoneOffset(date, a);
  const second = zoneOffset(date, b);
  return first === null || second === null || first !== second;
}

/** The moment the input examples show: 28 December 2026, 15:00 (past the 12th, so the day's place is clear). */
const exampleMoment = Date.UTC(2026, 11, 28, 15, 0);

/** Intl puts narrow and no-break spaces in some locales ("03:00\u202fPM"); a message reads the same with plain ones. */
function plainSpaces(text: string): string {
  return text.replace(/\s/g, ' ');
}

/**
 * An example date and time written the way a `datetime-local` picker shows it in `locale` (the
 * browser's by default): "12/28/2026, 03:00 PM" in en-US, "28/12/2026, 15:00" in en-GB, "28-12-2026
 * 15:00" in nl-NL. Chromium draws the picker's fields from the same locale data, two digits each.
 */
export function dateTimeInputExample(locale?: string): string {
  const format = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
  });
  return plainSpaces(format.format(exampleMoment));
}

/** An example date as a `date` picker shows it in `locale`: "12/28/2026" in en-US, "28/12/2026" in en-GB. */
export function dateInputExample(locale?: string): string {
  const format = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone: 'UTC',
  });
  return plainSpaces(format.format(exampleMoment));
}
