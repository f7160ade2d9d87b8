// The meeting forms' `datetime-local` values in a chosen zone, with luxon for the zone arithmetic. Kept
// apart from dates.ts so luxon loads with the forms, not with every page that shows a date.
import { DateTime } from 'luxon';

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
