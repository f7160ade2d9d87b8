import type { UseFormReturnType } from '@mantine/form';
import { z } from 'zod';
import type { MeetingKind } from '../../../common/enums.ts';
import {
  capacityField,
  localDateField,
  localDatePattern,
  localDateTimeField,
  localDateTimePattern,
  meetingKindField,
  meetingTextField,
  meetingTitleField,
  meetingZoneField,
  onlineUrlField,
  roomField,
  seriesScopeField,
} from '../../../common/meeting-fields.ts';
import type { Meeting, ScheduleMeetingInput, UpdateMeetingInput } from '../../api/types.ts';
import type { ApiForm } from '../../hooks/use-api-form.ts';
import { i18n } from '../../i18n/i18n.ts';
import { dateInputExample, dateTimeInputExample } from '../../lib/dates.ts';
import { buildRrule, type RepeatKind } from '../../lib/recurrence.ts';
import { localInputFromNow, toLocalInput } from '../../lib/zoned-inputs.ts';

/**
 * What the schedule and edit forms hold: text as typed, turned into an API body on submit. (A type, not
 * an interface: the Mantine form takes values with an index signature.)
 */
export type MeetingFormValues = {
  kind: MeetingKind;
  title: string;
  description: string;
  agenda: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  repeat: RepeatKind;
  endKind: 'count' | 'until';
  count: string;
  until: string;
  exceptions: string[];
  onlineUrl: string;
  room: string;
  capacity: string;
  scope: 'this' | 'following';
  /** A skill-building session (#18 §5) and its skills. */
  skillSession: boolean;
  skills: string[];
};

/**
 * What the shared fields need of the page's `useApiForm` (scheduling and editing check with different
 * schemas, so the page keeps `submit`): the Mantine form holding the meeting, its inputs, the alert's
 * message and whether it is sending.
 */
export interface MeetingApiForm {
  form: UseFormReturnType<MeetingFormValues>;
  field: ApiForm['field'];
  message: string | null;
  busy: boolean;
}

export function emptyMeetingValues(timeZone: string): MeetingFormValues {
  const start = `${localInputFromNow(timeZone, 7 * 24 * 60).slice(0, 10)}T12:30`;
  return {
    kind: 'meeting',
    title: '',
    description: '',
    agenda: '',
    startsAt: start,
    endsAt: `${start.slice(0, 10)}T13:30`,
    timeZone,
    repeat: 'none',
    endKind: 'count',
    count: '6',
    until: '',
    exceptions: [],
    onlineUrl: '',
    room: '',
    capacity: '',
    scope: 'this',
    skillSession: false,
    skills: [],
  };
}

/** The edit form starts from the meeting as it is, in its own zone. */
export function meetingToValues(meeting: Meeting): MeetingFormValues {
  return {
    ...emptyMeetingValues(meeting.timeZone),
    kind: meeting.kind,
    title: meeting.title,
    description: meeting.description,
    agenda: meeting.agenda,
    startsAt: toLocalInput(meeting.startsAt, meeting.timeZone),
    endsAt: toLocalInput(meeting.endsAt, meeting.timeZone),
    timeZone: meeting.timeZone,
    onlineUrl: meeting.onlineUrl ?? '',
    room: meeting.room ?? '',
    capacity: meeting.capacity === null ? '' : String(meeting.capacity),
    skillSession: meeting.skillSession,
    skills: meeting.skills,
  };
}

const optionalUrl = z.union([z.literal('').transform(() => null), onlineUrlField]);
const optionalCapacity = z.union([
  z.literal('').transform(() => null),
  z
    .string()
    .regex(/^\s*-?\d+\s*$/, { error: () => i18n._('meetings.formValues.capacityWhole') })
    .transform(Number)
    .pipe(capacityField),
]);

/**
 * A date and time from a `datetime-local` picker: the API's rule, but an empty or half-filled picker
 * (both give "") is told in the format the picker shows the person ("12/28/2026, 03:00 PM" in en-US),
 * not in the ISO form the API speaks. The web app builds it in the browser, so the example follows
 * the browser's locale. Messages are read when a value is checked, in the language shown then.
 */
export function dateTimeInputField() {
  return z
    .string()
    .regex(localDateTimePattern, {
      error: () => i18n._('meetings.formValues.dateTimeLike', { example: dateTimeInputExample() }),
    })
    .pipe(localDateTimeField);
}

/** A day from a `date` picker, with the example in the picker's format ("12/28/2026" in en-US). */
export function dateInputField() {
  return z
    .string()
    .regex(localDatePattern, {
      error: () => i18n._('meetings.formValues.dateLike', { example: dateInputExample() }),
    })
    .pipe(localDateField);
}

/**
 * The fields both forms share, checked with the API's own rules (common/meeting-fields.ts); the times
 * with the pickers' own messages.
 */
const sharedSchema = z
  .object({
    kind: meetingKindField,
    title: meetingTitleField,
    description: meetingTextField,
    agenda: meetingTextField,
    startsAt: dateTimeInputField(),
    endsAt: dateTimeInputField(),
    timeZone: meetingZoneField,
    onlineUrl: optionalUrl,
    room: roomField.transform((room) => room || null),
    capacity: optionalCapacity,
  })
  .refine((v) => v.endsAt > v.startsAt, {
    path: ['endsAt'],
    error: () => i18n._('meetings.formValues.endAfterStart'),
  });

const repeatSchema = z
  .object({
    startsAt: z.string(),
    repeat: z.string(),
    endKind: z.enum(['count', 'until']),
    count: z.string(),
    until: z.string(),
    exceptions: z
      .array(localDateField)
      .max(100, { error: () => i18n._('meetings.formValues.maxExceptions') }),
  })
  .superRefine((v, ctx) => {
    if (v.repeat === 'none') return;
    if (v.endKind === 'count') {
      const count = Number(v.count);
      if (!Number.isInteger(count) || count < 2 || count > 200)
        ctx.addIssue({
          code: 'custom',
          path: ['count'],
          message: i18n._('meetings.formValues.countRange'),
        });
    } else if (!localDateField.safeParse(v.until).success) {
      ctx.addIssue({
        code: 'custom',
        path: ['until'],
        message: i18n._('meetings.formValues.untilMissing'),
      });
    } else if (v.until < v.startsAt.slice(0, 10)) {
      ctx.addIssue({
        code: 'custom',
        path: ['until'],
        message: i18n._('meetings.formValues.untilBeforeStart'),
      });
    }
  });

export const scheduleFormSchema = z.intersection(sharedSchema, repeatSchema);
export const editFormSchema = z.intersection(sharedSchema, z.object({ scope: seriesScopeField }));

type Shared = z.output<typeof sharedSchema>;

/** Only the fields the API takes (the checked values also hold the form's own repeat choices). */
function sharedBody(checked: Shared): Shared {
  return {
    kind: checked.kind,
    title: checked.title,
    description: checked.description,
    agenda: checked.agenda,
    startsAt: checked.startsAt,
    endsAt: checked.endsAt,
    timeZone: checked.timeZone,
    onlineUrl: checked.onlineUrl,
    room: checked.room,
    capacity: checked.capacity,
  };
}

/** The POST /communities/:slug/meetings body for checked values. */
export function toScheduleBody(values: MeetingFormValues, checked: Shared): ScheduleMeetingInput {
  const rrule = buildRrule({
    repeat: values.repeat,
    startsAt: checked.startsAt,
    timeZone: checked.timeZone,
    end:
      values.endKind === 'count'
        ? { kind: 'count', count: Number(values.count) }
        : { kind: 'until', date: values.until },
  });
  return {
    ...sharedBody(checked),
    rrule,
    exceptions: rrule ? values.exceptions : [],
    skillSession: values.skillSession,
    skills: values.skillSession ? values.skills : [],
  };
}

/** The PATCH /meetings/:id body: every field, applied to this occurrence or this and the following. */
export function toUpdateBody(values: MeetingFormValues, checked: Shared): UpdateMeetingInput {
  return { ...sharedBody(checked), scope: values.scope };
}
