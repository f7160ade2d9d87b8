import { z } from 'zod';
import { meetingKinds, meetingStatuses, rsvpStatuses, visibilities } from '../enums.ts';
import { tagField, uuidField } from '../fields.ts';
import {
  activityRoleNameField,
  capacityField,
  localDateField,
  localDateTimeField,
  meetingKindField,
  meetingTextField,
  meetingTitleField,
  meetingZoneField,
  onlineUrlField,
  roomField,
  rruleField,
  rsvpAnswerField,
  seriesScopeField,
} from '../meeting-fields.ts';
import { cursorQuery } from './shared.ts';

const personRef = z.object({ id: z.string(), displayName: z.string(), photoUrl: z.string().nullable() });

/** Optional text that may be cleared: "" and null both mean none. */
const clearable = <T extends z.ZodType>(field: T) =>
  z.union([z.literal('').transform(() => null), z.null(), field]);

/** The skills a skill-building session builds: expertise tags, up to 10. */
export const sessionSkillsField = z.array(tagField).max(10, 'meetings.validation.skillsTooMany');

/** A skill-building session names at least one skill it builds: that is how members find it. */
function requireSessionSkills(
  value: { skillSession: boolean; skills: string[] },
  context: z.RefinementCtx,
): void {
  if (value.skillSession && value.skills.length === 0)
    context.addIssue({ code: 'custom', path: ['skills'], message: 'meetings.validation.skillsNone' });
}

/** What a leader writes when scheduling; times are wall-clock times in `timeZone`. */
export const scheduleMeetingBody = z
  .strictObject({
    kind: meetingKindField.default('meeting'),
    title: meetingTitleField,
    description: meetingTextField.default(''),
    agenda: meetingTextField.default(''),
    startsAt: localDateTimeField,
    endsAt: localDateTimeField,
    timeZone: meetingZoneField,
    rrule: clearable(rruleField).optional(),
    exceptions: z.array(localDateField).max(100, 'validation.meeting.exceptionsTooMany').default([]),
    onlineUrl: clearable(onlineUrlField).optional(),
    room: clearable(roomField).optional(),
    capacity: capacityField.nullable().optional(),
    /** A skill-building session (#18 §5) and the skills (expertise tags) it builds. */
    skillSession: z.boolean().default(false),
    skills: sessionSkillsField.default([]),
  })
  .superRefine(requireSessionSkills);
export type ScheduleMeetingInput = z.infer<typeof scheduleMeetingBody>;

/** An edit: any field; `scope` says whether it applies to this occurrence or this and the following. */
export const updateMeetingBody = z.strictObject({
  scope: seriesScopeField.default('this'),
  kind: meetingKindField.optional(),
  title: meetingTitleField.optional(),
  description: meetingTextField.optional(),
  agenda: meetingTextField.optional(),
  startsAt: localDateTimeField.optional(),
  endsAt: localDateTimeField.optional(),
  timeZone: meetingZoneField.optional(),
  onlineUrl: clearable(onlineUrlField).optional(),
  room: clearable(roomField).optional(),
  capacity: capacityField.nullable().optional(),
});
export type UpdateMeetingInput = z.infer<typeof updateMeetingBody>;

export const cancelMeetingBody = z.strictObject({
  scope: seriesScopeField.default('this'),
  reason: z.string().trim().max(1000).default(''),
});

export const rsvpBody = z.strictObject({ answer: rsvpAnswerField });
export const rsvpResultSchema = z.object({
  status: z.enum(rsvpStatuses),
  /** Place on the wait list (1 = next), when waitlisted. */
  waitlistPosition: z.number().int().nullable(),
});

export const roleAssignmentBody = z.strictObject({
  role: activityRoleNameField,
  /** Who takes the role; yourself to volunteer; null to leave it open. */
  userId: uuidField.nullable(),
});

export const attendanceBody = z.strictObject({
  userIds: z.array(uuidField).max(5000, 'validation.meeting.attendanceTooMany'),
});

export const followUpBody = z.strictObject({
  notes: meetingTextField.default(''),
  recordingUrl: clearable(onlineUrlField).optional(),
  actions: z
    .array(
      z.object({
        text: z.string().trim().min(1, 'validation.meeting.actionRequired').max(500),
        assigneeId: uuidField.nullable().default(null),
        done: z.boolean().default(false),
      }),
    )
    .max(100, 'validation.meeting.actionsTooMany')
    .default([]),
});

export const activityRoleBody = z.strictObject({ name: activityRoleNameField });
export const activityRoleSchema = z.object({
  id: z.string().nullable(),
  name: z.string(),
  /** Default roles (facilitator, note-taker, host) cannot be removed. */
  custom: z.boolean(),
});

export const meetingListQuery = cursorQuery.extend({
  when: z.enum(['upcoming', 'past']).default('upcoming'),
});

/** A meeting in a list: the calendar, a community's meetings. */
export const meetingCardSchema = z.object({
  id: z.string(),
  community: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
  kind: z.enum(meetingKinds),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  timeZone: z.string(),
  onlineUrl: z.string().nullable(),
  room: z.string().nullable(),
  capacity: z.number().int().nullable(),
  status: z.enum(meetingStatuses),
  recurring: z.boolean(),
  goingCount: z.number().int(),
  waitlistCount: z.number().int(),
  /** The signed-in person's answer, if any. */
  myRsvp: z.enum(rsvpStatuses).nullable(),
  /** For past meetings with attendance taken: whether the signed-in person came. */
  attended: z.boolean().nullable(),
});

/** One meeting with everything its page shows. */
export const meetingSchema = meetingCardSchema.extend({
  community: z.object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    visibility: z.enum(visibilities),
  }),
  description: z.string(),
  descriptionHtml: z.string(),
  agenda: z.string(),
  agendaHtml: z.string(),
  cancelReason: z.string(),
  series: z
    .object({
      id: z.string(),
      rrule: z.string(),
      /** The rule in words: "every month on the 1st Tuesday, 6 times". */
      summary: z.string(),
      exceptions: z.array(z.string()),
      /** Where this occurrence stands in the series and how many there are. */
      position: z.number().int(),
      count: z.number().int(),
    })
    .nullable(),
  maybeCount: z.number().int(),
  waitlistPosition: z.number().int().nullable(),
  roles: z.array(z.object({ role: z.string(), person: personRef.nullable(), volunteered: z.boolean() })),
  notes: z.string(),
  notesHtml: z.string(),
  recordingUrl: z.string().nullable(),
  attendanceTakenAt: z.string().nullable(),
  /**
   * Who came (once attendance is taken); shown to the community's members. `displayName` is null for
   * an erased account, which the app shows as "A former member".
   */
  attendance: z.array(personRef.extend({ displayName: z.string().nullable() })),
  actions: z.array(
    z.object({ id: z.string(), text: z.string(), assignee: personRef.nullable(), done: z.boolean() }),
  ),
  /** Who scheduled the meeting: kudos for hosting it go to them. */
  organiser: personRef.nullable(),
  /** The follow-up discussion thread, once someone has started it. */
  discussionId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The reader is suspended from the meeting's community: they read it but take no part. */
  suspendedFromCommunity: z.boolean(),
  /** A skill-building session (#18 §5), and the skills it builds. */
  skillSession: z.boolean(),
  skills: z.array(z.string()),
  abilities: z.object({
    edit: z.boolean(),
    cancel: z.boolean(),
    rsvp: z.boolean(),
    assignRoles: z.boolean(),
    volunteer: z.boolean(),
    takeAttendance: z.boolean(),
    seeResponses: z.boolean(),
    /** Thank the organiser for hosting, once the meeting has taken place (members, not the organiser). */
    giveKudos: z.boolean(),
    /** Start the follow-up discussion (once the meeting has one, `discussionId` leads to it). */
    startDiscussion: z.boolean(),
  }),
});

export const rsvpEntrySchema = z.object({
  person: personRef,
  status: z.enum(rsvpStatuses),
  respondedAt: z.string(),
});

export const roleSuggestionSchema = z.object({
  role: z.string(),
  /** Members who have not yet taken this role (or took it longest ago), best first. */
  people: z.array(personRef.extend({ lastTakenAt: z.string().nullable() })),
});

export const meetingParams = z.object({ id: uuidField });
export const feedUrlSchema = z.object({ url: z.string().nullable() });
export const feedFileParams = z.object({
  file: z.string().regex(/^[A-Za-z0-9_-]{20,100}\.ics$/, 'validation.calendar.feedAddress'),
});
export const communityFeedQuery = z.object({
  token: z
    .string()
    .regex(/^[A-Za-z0-9_-]{20,100}$/, 'validation.calendar.feedToken')
    .optional(),
});

/** Tagging a meeting (this occurrence) as a skill-building session (#18 §5). */
export const meetingSkillsBody = z
  .strictObject({
    skillSession: z.boolean(),
    skills: sessionSkillsField,
  })
  .superRefine(requireSessionSkills);

export const skillSessionsQuery = z.object({
  /** One skill (a profile's tag); without it, the reader's expertise and interests. */
  skill: tagField.optional(),
});

export const skillSessionSchema = z.object({
  id: z.string(),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  timeZone: z.string(),
  community: z.object({ slug: z.string(), name: z.string() }),
  skills: z.array(z.string()),
});
