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
