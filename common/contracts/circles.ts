import { z } from 'zod';
import { circleMemberStatuses, circleStates } from '../enums.ts';
import { uuidField } from '../fields.ts';

/** Peer learning circles (#18 §3): small groups inside a community with a purpose and a time box. */

export const circleLimits = {
  nameMax: 100,
  purposeMax: 1_000,
  /** A circle starts with this many members, and holds at most `membersMax`. */
  membersMin: 3,
  membersMax: 8,
  weeksMin: 1,
  weeksMax: 26,
  postMax: 4_000,
  reflectionMax: 2_000,
  meetingTitleMax: 120,
  placeMax: 300,
  durationMin: 15,
  durationMax: 480,
  /** The newest posts the circle page shows. */
  postsShown: 100,
} as const;

const day = 86_400_000;

/** The time box's length in days (dates as YYYY-MM-DD). */
export function circleLengthDays(startsOn: string, endsOn: string): number {
  return Math.round((Date.parse(`${endsOn}T00:00:00Z`) - Date.parse(`${startsOn}T00:00:00Z`)) / day);
}

export const createCircleBody = z
  .strictObject({
    name: z
      .string('circles.validation.name')
      .trim()
      .min(1, 'circles.validation.name')
      .max(circleLimits.nameMax, 'circles.validation.name'),
    purpose: z
      .string('circles.validation.purpose')
      .trim()
      .min(1, 'circles.validation.purpose')
      .max(circleLimits.purposeMax, 'circles.validation.purpose'),
    startsOn: z.iso.date('circles.validation.startsOn'),
    endsOn: z.iso.date('circles.validation.endsOn'),
    /** Any member of the community may join until it is full; otherwise by invitation only. */
    open: z.boolean().default(true),
    /** Members of the community to invite at once (the creator is the first member). */
    inviteeIds: z
      .array(uuidField, 'circles.validation.invitees')
      .max(circleLimits.membersMax - 1, 'circles.validation.invitees')
      .default([]),
  })
  .superRefine((circle, context) => {
    const days = circleLengthDays(circle.startsOn, circle.endsOn);
    if (Number.isNaN(days)) return;
    if (days <= 0)
      context.addIssue({ code: 'custom', path: ['endsOn'], message: 'circles.validation.endsBeforeStarts' });
    else if (days < circleLimits.weeksMin * 7 || days > circleLimits.weeksMax * 7)
      context.addIssue({ code: 'custom', path: ['endsOn'], message: 'circles.validation.length' });
    if (new Set(circle.inviteeIds).size !== circle.inviteeIds.length)
      context.addIssue({ code: 'custom', path: ['inviteeIds'], message: 'circles.validation.invitees' });
  });
export type CreateCircleInput = z.infer<typeof createCircleBody>;

export const circleParams = z.object({ id: uuidField });

export const inviteToCircleBody = z.strictObject({ userId: uuidField });

export const circlePostBody = z.strictObject({
  body: z
    .string('circles.validation.post')
    .trim()
    .min(1, 'circles.validation.post')
    .max(circleLimits.postMax, 'circles.validation.post'),
});

export const circleMeetingBody = z.strictObject({
  title: z
    .string('circles.validation.meetingTitle')
    .trim()
    .min(1, 'circles.validation.meetingTitle')
    .max(circleLimits.meetingTitleMax, 'circles.validation.meetingTitle'),
  startsAt: z.iso.datetime({ offset: true, message: 'circles.validation.startsAt' }),
  durationMinutes: z
    .number('circles.validation.duration')
    .int('circles.validation.duration')
    .min(circleLimits.durationMin, 'circles.validation.duration')
    .max(circleLimits.durationMax, 'circles.validation.duration'),
  place: z.string().trim().max(circleLimits.placeMax, 'circles.validation.place').default(''),
});
export type CircleMeetingInput = z.infer<typeof circleMeetingBody>;

export const circleReflectionBody = z.strictObject({
  body: z
    .string('circles.validation.reflection')
    .trim()
    .min(1, 'circles.validation.reflection')
    .max(circleLimits.reflectionMax, 'circles.validation.reflection'),
});

const personRef = z.object({ id: z.string(), displayName: z.string() });

/** A circle as lists show it: never its discussion or meetings. */
export const circleSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  purpose: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  open: z.boolean(),
  /** Closed also once the end date has passed. */
  state: z.enum(circleStates),
  memberCount: z.number().int(),
  /** The viewer's place in it: member, invited, or null. */
  viewerStatus: z.enum(circleMemberStatuses).nullable(),
});
export type CircleSummary = z.infer<typeof circleSummarySchema>;

export const circleListSchema = z.object({
  circles: z.array(circleSummarySchema),
  /** Whether the viewer may form a circle here. */
  canCreate: z.boolean(),
});

export const circlePostSchema = z.object({
  id: z.string(),
  author: personRef.nullable(),
  body: z.string(),
  createdAt: z.string(),
});

export const circleMeetingSchema = z.object({
  id: z.string(),
  title: z.string(),
  startsAt: z.string(),
  durationMinutes: z.number().int(),
  place: z.string(),
  organiser: personRef.nullable(),
});

export const circleReflectionSchema = z.object({
  author: personRef,
  body: z.string(),
  writtenAt: z.string(),
});

/**
 * One circle. Its members see everything; the community's leaders and the coordinators, and members of
 * the community looking at an open circle or at their invitation, see only that it exists, its purpose,
 * time box and members (`posts`, `meetings` and `reflections` are null for them).
 */
export const circleSchema = circleSummarySchema.extend({
  community: z.object({ slug: z.string(), name: z.string() }),
  members: z.array(personRef.extend({ status: z.enum(circleMemberStatuses) })),
  posts: z.array(circlePostSchema).nullable(),
  meetings: z.array(circleMeetingSchema).nullable(),
  reflections: z.array(circleReflectionSchema).nullable(),
  abilities: z.object({
    join: z.boolean(),
    leave: z.boolean(),
    invite: z.boolean(),
    post: z.boolean(),
    start: z.boolean(),
    close: z.boolean(),
    reflect: z.boolean(),
  }),
});
export type Circle = z.infer<typeof circleSchema>;

/** A meeting of one of the reader's circles, for their calendar (#18 §3): members of the circle only. */
export const circleCalendarMeetingSchema = z.object({
  id: z.string(),
  circle: z.object({ id: z.string(), name: z.string() }),
  communityName: z.string(),
  title: z.string(),
  startsAt: z.string(),
  durationMinutes: z.number().int(),
  place: z.string(),
});
export type CircleCalendarMeeting = z.infer<typeof circleCalendarMeetingSchema>;
