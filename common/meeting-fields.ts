import { z } from 'zod';
import { meetingKinds, rsvpAnswers, seriesScopes } from './enums.ts';
import { timeZoneField } from './fields.ts';

/** Field rules for meetings, shared by the API schemas and the web forms. */

export const meetingTitleField = z.string().trim().min(1, 'validation.meeting.titleRequired').max(140);

export const meetingTextField = z.string().max(10_000);

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
  .regex(localDateTimePattern, 'validation.meeting.localDateTime')
  .refine((value) => isRealDate(`${value}:00Z`, 16), 'validation.date.notReal');

/** A local date (an exception to a recurring meeting): 2026-12-29. */
export const localDateField = z
  .string()
  .regex(localDatePattern, 'validation.date.format')
  .refine((value) => isRealDate(`${value}T00:00:00Z`, 10), 'validation.date.notReal');

export const meetingZoneField = timeZoneField;

/** An RFC 5545 RRULE value (without the "RRULE:" prefix); the server checks it ends and stays sane. */
export const rruleField = z
  .string()
  .trim()
  .transform((value) => value.replace(/^RRULE:/i, '').toUpperCase())
  .pipe(
    z
      .string()
      .min(6, 'validation.recurrence.required')
      .max(300, 'validation.recurrence.tooLong')
      .regex(/^FREQ=/, 'validation.recurrence.start'),
  );

export const capacityField = z
  .number('validation.meeting.capacityWhole')
  .int('validation.meeting.capacityWhole')
  .min(1, 'validation.meeting.capacityMin')
  .max(100_000, 'validation.meeting.capacityMax');

export const onlineUrlField = z
  .string()
  .trim()
  .max(500)
  .pipe(z.url({ protocol: /^https?$/, error: 'validation.url.https' }));

export const roomField = z.string().trim().max(200);

export const activityRoleNameField = z.string().trim().min(2).max(40);

export const meetingKindField = z.enum(meetingKinds);
export const rsvpAnswerField = z.enum(rsvpAnswers, 'validation.rsvp.answer');
export const seriesScopeField = z.enum(seriesScopes);
