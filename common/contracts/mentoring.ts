import { z } from 'zod';
import { type MentoringSlot, mentoringPairStatuses, mentoringSides, mentoringSlots } from '../enums.ts';
import { tagField, uuidField } from '../fields.ts';
import { cursorQuery } from './shared.ts';

/** Mentoring (#18 §2): offers and wishes on named skills, suggestions, pairings and the pair's space. */

export const mentoringLimits = {
  skillsMin: 1,
  skillsMax: 10,
  availabilityMax: 500,
  capMin: 1,
  capMax: 10,
  messageMax: 1_000,
  noteMax: 5_000,
  reflectionMax: 2_000,
  placeMax: 200,
  suggestions: 10,
} as const;

export const mentoringSideParams = z.object({ side: z.enum(mentoringSides, 'mentoring.validation.side') });
export const pairParams = z.object({ id: uuidField });

export const mentoringOfferBody = z.strictObject({
  skills: z
    .array(tagField)
    .min(mentoringLimits.skillsMin, 'mentoring.validation.skillsRequired')
    .max(mentoringLimits.skillsMax, 'mentoring.validation.skillsTooMany'),
  availability: z
    .string()
    .trim()
    .max(mentoringLimits.availabilityMax, 'mentoring.validation.availabilityTooLong')
    .default(''),
  weekly: z.array(z.enum(mentoringSlots, 'mentoring.validation.slot')).max(14).default([]),
  /** Mentors: how many mentees at a time (1–10). */
  cap: z
    .number('mentoring.validation.cap')
    .int('mentoring.validation.cap')
    .min(mentoringLimits.capMin, 'mentoring.validation.cap')
    .max(mentoringLimits.capMax, 'mentoring.validation.cap')
    .optional(),
  active: z.boolean().default(true),
});
export type MentoringOfferInput = z.infer<typeof mentoringOfferBody>;
export const isMentoringSlot = (value: string): value is MentoringSlot =>
  (mentoringSlots as readonly string[]).includes(value);

export const mentoringOfferSchema = z.object({
  side: z.enum(mentoringSides),
  skills: z.array(z.string()),
  availability: z.string(),
  weekly: z.array(z.string()),
  cap: z.number().int().nullable(),
  activeCount: z.number().int(),
  active: z.boolean(),
});

export const mentoringPersonSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  unit: z.string().nullable(),
  photoUrl: z.string().nullable(),
});

export const mentoringSkillSchema = z.object({ skill: z.string(), people: z.number().int() });

/** A suggested mentor, with what the explanation says: the skills shared and whether from another unit. */
export const mentorSuggestionSchema = z.object({
  mentor: mentoringPersonSchema,
  sharedSkills: z.array(z.string()),
  otherUnit: z.boolean(),
  openPlaces: z.number().int(),
  availability: z.string(),
  weekly: z.array(z.string()),
  /** Already asked (a request waiting) or paired. */
  pending: z.boolean(),
});

export const requestMentorBody = z.strictObject({
  mentorId: uuidField,
  message: z
    .string()
    .trim()
    .max(mentoringLimits.messageMax, 'mentoring.validation.messageTooLong')
    .default(''),
});

export const pairMeetingSchema = z.object({
  startsAt: z.string(),
  minutes: z.number().int(),
  place: z.string(),
  url: z.string().nullable(),
});

export const pairSummarySchema = z.object({
  id: z.string(),
  status: z.enum(mentoringPairStatuses),
  /** Which side the reader is on. */
  myRole: z.enum(mentoringSides),
  mentor: mentoringPersonSchema,
  mentee: mentoringPersonSchema,
  skills: z.array(z.string()),
  message: z.string(),
  requestedAt: z.string(),
  answeredAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  meeting: pairMeetingSchema.nullable(),
});

export const pairSchema = pairSummarySchema.extend({
  reflection: z.string(),
  abilities: z.object({
    accept: z.boolean(),
    close: z.boolean(),
    write: z.boolean(),
    /** Who wrote the closing reflection may turn it into a draft value story. */
    tellStory: z.boolean(),
  }),
  /** Where that story may go: the reader's communities (empty unless `tellStory`). */
  storyCommunities: z.array(z.object({ slug: z.string(), name: z.string() })),
});
export type MentoringPair = z.infer<typeof pairSchema>;

export const myMentoringSchema = z.object({
  mentor: mentoringOfferSchema.nullable(),
  mentee: mentoringOfferSchema.nullable(),
  /** Open pairings first (requests and active), then the 20 last closed or declined. */
  pairs: z.array(pairSummarySchema),
});
export type MyMentoring = z.infer<typeof myMentoringSchema>;

export const closePairBody = z.strictObject({
  reflection: z
    .string()
    .trim()
    .max(mentoringLimits.reflectionMax, 'mentoring.validation.reflectionTooLong')
    .default(''),
});

export const pairNoteBody = z.strictObject({
  body: z
    .string('mentoring.validation.noteRequired')
    .trim()
    .min(1, 'mentoring.validation.noteRequired')
    .max(mentoringLimits.noteMax, 'mentoring.validation.noteTooLong'),
});

export const pairNoteSchema = z.object({
  id: z.string(),
  author: mentoringPersonSchema.nullable(),
  body: z.string(),
  bodyHtml: z.string(),
  createdAt: z.string(),
});

export const pairNotesQuery = cursorQuery;

export const pairMeetingBody = z.strictObject({
  startsAt: z.iso.datetime({ offset: true, message: 'mentoring.validation.startsAt' }),
  minutes: z
    .number()
    .int()
    .min(5, 'mentoring.validation.minutes')
    .max(480, 'mentoring.validation.minutes')
    .default(60),
  place: z.string().trim().max(mentoringLimits.placeMax, 'mentoring.validation.placeTooLong').default(''),
  url: z
    .url({ protocol: /^https?$/, message: 'mentoring.validation.url' })
    .max(500)
    .nullable()
    .default(null),
});

/** Coordinators: that a pairing exists, never its notes or meetings. */
export const pairingListItemSchema = z.object({
  id: z.string(),
  mentor: mentoringPersonSchema,
  mentee: mentoringPersonSchema,
  since: z.string(),
});

/**
 * Coordinators' overview of mentoring in the institution (#18 §2): counts by status, the open pairings
 * by skill and one by one, the wishes nobody has taken up and the mentors at their cap. Names, units,
 * skills and status: never a message, a note, a meeting or a reflection.
 */
export const mentoringOverviewSchema = z.object({
  counts: z.object({
    requested: z.number().int(),
    active: z.number().int(),
    declined: z.number().int(),
    closed: z.number().int(),
  }),
  bySkill: z.array(z.object({ skill: z.string(), active: z.number().int(), requested: z.number().int() })),
  pairs: z.array(
    z.object({
      id: z.string(),
      status: z.enum(mentoringPairStatuses),
      mentor: mentoringPersonSchema,
      mentee: mentoringPersonSchema,
      skills: z.array(z.string()),
      since: z.string(),
    }),
  ),
  unmatched: z.array(
    z.object({ person: mentoringPersonSchema, skills: z.array(z.string()), since: z.string() }),
  ),
  mentorsAtCap: z.array(
    z.object({
      person: mentoringPersonSchema,
      skills: z.array(z.string()),
      cap: z.number().int(),
      activeCount: z.number().int(),
    }),
  ),
});
export type MentoringOverview = z.infer<typeof mentoringOverviewSchema>;

/** Turning the closing reflection into a draft value story in one of the author's communities. */
export const reflectionStoryBody = z.strictObject({
  slug: z
    .string('mentoring.validation.storyCommunity')
    .trim()
    .min(1, 'mentoring.validation.storyCommunity')
    .max(200),
  title: z
    .string()
    .trim()
    .min(1, 'validation.story.titleRequired')
    .max(120, 'validation.story.titleTooLong')
    .optional(),
});
export type ReflectionStoryInput = z.infer<typeof reflectionStoryBody>;
