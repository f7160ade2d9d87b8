import { z } from 'zod';
import { meetingKinds, rsvpAnswers, seriesScopes } from './enums.ts';
import { timeZoneField } from './fields.ts';

/** Field rules for meetings, shared by the API schemas and the web forms. */

export const meetingTitleField = z
  .string()
  .trim()
  .min(1, 'Give the meeting a title.')
  .max(140, 'Use at most 140 characters.');

export const meetingTextField = z.string().max(10_000, 'Use at most 10,000 characters.');

/** Whether an ISO text names a real day and time (JavaScript would roll 30 February over to March). */
function isRealDate(iso: string, length: number): boolean {
  const parsed = Date.parse(iso);
  return !Number.isNaN(parsed) && new Date(parsed).toISOString().slice(0, length) === iso.slice(0, length);
}

/** How a `datetime-local` input gives a wall-clock time, whatever format its picker shows. */
export const localDateTimePattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
/** How a `date` input gives a day. */
export const localDatePattern = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A wall-clock time in the meeting's zone, as a `datetime-local` input gives it: 2026-12-01T15:00. The
 * message is for API clients; the web form says it in the format its picker shows (meeting-form-values).
 */
export const localDateTimeField = z
  .string()
  .regex(localDateTimePattern, 'Enter a date and time like 2026-12-01T15:00.')
  .refine((value) => isRealDate(`${value}:00Z`, 16), 'That date does not exist.');

/** A local date (an exception to a recurring meeting): 2026-12-29. */
export const localDateField = z
  .string()
  .regex(localDatePattern, 'Enter a date like 2026-12-29.')
  .refine((value) => isRealDate(`${value}T00:00:00Z`, 10), 'That date does not exist.');

export const meetingZoneField = timeZoneField;

/** An RFC 5545 RRULE value (without the "RRULE:" prefix); the server checks it ends and stays sane. */
export const rruleField = z
  .string()
  .trim()
  .transform((value) => value.replace(/^RRULE:/i, '').toUpperCase())
  .pipe(
    z
      .string()
      .min(6, 'Enter a recurrence rule such as FREQ=WEEKLY;COUNT=10.')
      .max(300, 'The recurrence rule is too long.')
      .regex(/^FREQ=/, 'A recurrence rule starts with FREQ=, for example FREQ=WEEKLY;COUNT=10.'),
  );

export const capacityField = z
  .number('Capacity is a whole number.')
  .int('Capacity is a whole number.')
  .min(1, 'Capacity must be at least 1 (leave it empty for no limit).')
  .max(100_000, 'Capacity is at most 100,000.');

export const onlineUrlField = z
  .string()
  .trim()
  .max(500, 'Use at most 500 characters.')
  .pipe(z.url({ protocol: /^https?$/, error: 'Enter a web address starting with https://.' }));

export const roomField = z.string().trim().max(200, 'Use at most 200 characters.');

export const activityRoleNameField = z
  .string()
  .trim()
  .min(2, 'Use at least 2 characters.')
  .max(40, 'Use at most 40 characters.');

export const meetingKindField = z.enum(meetingKinds);
export const rsvpAnswerField = z.enum(rsvpAnswers, 'Answer going, maybe or not_going.');
export const seriesScopeField = z.enum(seriesScopes);
