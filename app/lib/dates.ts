import { DateTime } from 'luxon';

/** "3 hours ago" for recent moments, a short date otherwise. */
export function relativeTime(iso: string): string {
  const date = DateTime.fromISO(iso);
  if (!date.isValid) return iso;
  const days = Math.abs(date.diffNow('days').days);
  if (days < 7) return date.toRelative() ?? date.toLocaleString(DateTime.DATE_MED);
  return date.toLocaleString(DateTime.DATE_MED);
}

/** A full date and time in the reader's locale, e.g. for a title attribute or a table. */
export function dateTime(iso: string): string {
  const date = DateTime.fromISO(iso);
  return date.isValid ? date.toLocaleString(DateTime.DATETIME_MED) : iso;
}

/** "November 2026" */
export function monthYear(iso: string): string {
  const date = DateTime.fromISO(iso);
  return date.isValid ? date.toLocaleString({ month: 'long', year: 'numeric' }) : iso;
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
  const format = new Intl.DateTimeFormat(undefined, { ...rangeOptions, timeZone: zone });
  return end > start ? format.formatRange(start, end) : format.format(start);
}

/** "Tue, Dec 1, 2026, 3:00 PM GMT+1": one moment in `zone`. */
export function momentIn(iso: string, zone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(undefined, { ...rangeOptions, timeZone: zone }).format(date);
}

/** Whether two zones show a different clock time at `iso` (Paris and Berlin do not; Paris and London do). */
export function zonesDiffer(a: string, b: string, iso: string): boolean {
  if (a === b) return false;
  const first = DateTime.fromISO(iso, { zone: a });
  const second = DateTime.fromISO(iso, { zone: b });
  return !first.isValid || !second.isValid || first.offset !== second.offset;
}

/** An ISO instant as the wall-clock value of a `datetime-local` input in `zone`: 2026-12-01T15:00. */
export function toLocalInput(iso: string, zone: string): string {
  const date = DateTime.fromISO(iso, { zone });
  return date.isValid ? date.toFormat("yyyy-LL-dd'T'HH:mm") : '';
}

/** Now plus `minutes`, as a `datetime-local` value in `zone`, rounded down to the minute. */
export function localInputFromNow(zone: string, minutes: number): string {
  const date = DateTime.now().setZone(zone).plus({ minutes });
  return date.isValid ? date.toFormat("yyyy-LL-dd'T'HH:mm") : '';
}

/** Whether a `datetime-local` value in `zone` has already passed. */
export function localInputIsPast(value: string, zone: string): boolean {
  const date = DateTime.fromISO(value, { zone });
  return date.isValid && date < DateTime.now();
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
