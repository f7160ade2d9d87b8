import { DateTime } from 'luxon';
import rrulePackage from 'rrule';
import { fieldError, message } from '../errors.ts';

const { RRule } = rrulePackage;

/** The most occurrences one series may have, and how far ahead it may reach. */
export const maxOccurrences = 200;
export const maxSeriesYears = 5;

/** A wall-clock time "2026-12-01T15:00" in `zone` as an instant (times skipped by DST move forward). */
export function localToInstant(local: string, zone: string): Date {
  return DateTime.fromISO(local, { zone }).toJSDate();
}

/** An instant as the wall-clock time in `zone`: "2026-12-01T15:00". */
export function instantToLocal(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toFormat("yyyy-MM-dd'T'HH:mm");
}

/** rrule works on "floating" dates: the wall-clock fields are stored as if they were UTC. */
function floating(local: string): Date {
  return new Date(`${local}:00Z`);
}

function fromFloating(date: Date): string {
  return date.toISOString().slice(0, 16);
}

export interface ExpandedSeries {
  /** The rule as stored and written to calendars (RFC 5545 RRULE value). */
  rrule: string;
  /** Local start times of the occurrences, exceptions removed: "2026-12-01T15:00". */
  starts: string[];
  /** The rule in words, for people. */
  summary: string;
}

/**
 * Checks and expands a recurrence rule from its first local start. The rule must end (COUNT or UNTIL),
 * repeat at most daily, give at most `maxOccurrences` occurrences within `maxSeriesYears`, and never two
 * on one day; every problem is a field error on `rrule`. Expansion is in wall-clock time, so a meeting
 * at 15:00 stays at 15:00 across daylight-saving changes. UNTIL is an instant (UTC); it is compared
 * with each occurrence's real start in `zone`.
 */
export function expandRecurrence(
  rrule: string,
  firstLocalStart: string,
  zone: string,
  exceptions: readonly string[] = [],
): ExpandedSeries {
  let options: ReturnType<typeof RRule.parseString>;
  try {
    options = RRule.parseString(rrule);
  } catch {
    throw fieldError('rrule', 'errors.recurrence.unreadable');
  }
  if (options.freq === undefined) throw fieldError('rrule', 'errors.recurrence.noFrequency');
  if (options.freq > RRule.DAILY) {
    throw fieldError('rrule', 'errors.recurrence.tooOften');
  }
  const hasList = (value: unknown) => value !== undefined && value !== null;
  if (hasList(options.byhour) || hasList(options.byminute) || hasList(options.bysecond)) {
    throw fieldError('rrule', 'errors.recurrence.byTime');
  }
  if (!options.count && !options.until) {
    throw fieldError('rrule', 'errors.recurrence.noEnd');
  }
  const until = options.until ?? null;
  const limit = DateTime.fromISO(firstLocalStart, { zone }).plus({ years: maxSeriesYears });
  let rule: InstanceType<typeof RRule>;
  try {
    // UNTIL is dropped from the floating expansion and checked against real instants below.
    rule = new RRule({ ...options, until: null, dtstart: floating(firstLocalStart) });
  } catch {
    throw fieldError('rrule', 'errors.recurrence.unreadable');
  }
  const skipped = new Set(exceptions);
  const starts: string[] = [];
  const days = new Set<string>();
  let tooMany = false;
  rule.all((date, index) => {
    const local = fromFloating(date);
    const instant = DateTime.fromISO(local, { zone });
    if ((until && instant.toMillis() > until.getTime()) || instant > limit) return false;
    if (index >= maxOccurrences + skipped.size) {
      tooMany = true;
      return false;
    }
    const day = local.slice(0, 10);
    if (days.has(day)) {
      throw fieldError('rrule', 'errors.recurrence.severalADay');
    }
    days.add(day);
    if (!skipped.has(day)) starts.push(local);
    return true;
  });
  if (tooMany || starts.length > maxOccurrences) {
    throw fieldError(
      'rrule',
      message('errors.recurrence.tooMany', { count: maxOccurrences, years: maxSeriesYears }),
    );
  }
  if (starts.length === 0) throw fieldError('rrule', 'errors.recurrence.none');
  return { rrule: rrule.replace(/^RRULE:/i, ''), starts, summary: describeRule(rule) };
}

/** The rule in words ("every month on the 1st Tuesday for 6 times"). */
function describeRule(rule: InstanceType<typeof RRule>): string {
  try {
    return rule.toText();
  } catch {
    return rule.toString();
  }
}

/** The rule in words for a stored series. */
export function summariseRecurrence(rrule: string, firstLocalStart: string): string {
  try {
    const options = RRule.parseString(rrule);
    return describeRule(new RRule({ ...options, dtstart: floating(firstLocalStart) }));
  } catch {
    return rrule;
  }
}

/** The same rule ending at `until` (an instant): used to end a series before "this and following". */
export function withUntil(rrule: string, until: Date): string {
  const parts = rrule
    .split(';')
    .filter((part) => !/^(COUNT|UNTIL)=/i.test(part))
    .concat(`UNTIL=${DateTime.fromJSDate(until, { zone: 'utc' }).toFormat("yyyyMMdd'T'HHmmss'Z'")}`);
  return parts.join(';');
}
