import { z } from 'zod';
import { personKinds, userRoles } from '../enums.ts';

/** The error body every failure answers with. */
export const errorBody = z.object({
  error: z.string(),
  message: z.string(),
  fields: z.record(z.string(), z.string()).optional(),
});

export const errorResponses = {
  400: errorBody,
  401: errorBody,
  403: errorBody,
  404: errorBody,
  409: errorBody,
  429: errorBody,
} as const;

export const dataOf = <T extends z.ZodType>(schema: T) => z.object({ data: schema });
export const listOf = <T extends z.ZodType>(schema: T) =>
  z.object({ data: z.array(schema), nextCursor: z.string().nullable() });
export const okBody = dataOf(z.object({ ok: z.literal(true) }));

export const cursorQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const idParams = z.object({ id: z.uuid('validation.id.invalid') });

/** What a request made (or found): its id. */
export const idSchema = z.object({ id: z.string() });

/** A person as lists show them: their card, without the bio. */
export const personSummarySchema = z.object({
  id: z.string(),
  displayName: z.string(),
  pronouns: z.string(),
  unit: z.object({ id: z.string(), name: z.string() }).nullable(),
  kind: z.enum(personKinds),
  interests: z.array(z.string()),
  expertise: z.array(z.string()),
  photoUrl: z.string().nullable(),
  role: z.enum(userRoles),
  joinedAt: z.string(),
});

/** A person's profile: the card plus the bio, as Markdown and as safe HTML rendered on the server. */
export const personSchema = personSummarySchema.extend({
  bio: z.string(),
  bioHtml: z.string(),
});

export const meSchema = personSchema.extend({
  email: z.string(),
  timeZone: z.string(),
  /** The language they chose ('en', 'nl', 'it'), or null: the browser's, else the institution's default. */
  language: z.string().nullable(),
  /** Meeting reminders: a day before and an hour before (by email as the notification settings say). */
  remindDayBefore: z.boolean(),
  remindHourBefore: z.boolean(),
  /** Whether others see their badges on their profile. */
  showBadges: z.boolean(),
  emailVerified: z.boolean(),
  /** An external partner (#18 §4): reaches only their projects, so the app leads them there. */
  confinedToProjects: z.boolean(),
});

export const adminUserSchema = personSchema.extend({
  email: z.string(),
  emailVerified: z.boolean(),
  suspended: z.boolean(),
  suspendedAt: z.string().nullable(),
  /** Whether the person signs in with a second factor (an administrator can reset it). */
  twoFactor: z.boolean(),
});
