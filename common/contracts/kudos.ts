import { z } from 'zod';
import { kudosMessageMax, kudosSubjects } from '../enums.ts';
import { uuidField } from '../fields.ts';

/** Kudos (#16 §4): a member thanks another for a contribution, with a short message. */

export const giveKudosBody = z.strictObject({
  subjectType: z.enum(kudosSubjects, 'validation.kudos.subjectType'),
  subjectId: uuidField,
  message: z
    .string('validation.kudos.messageRequired')
    .trim()
    .min(1, 'validation.kudos.messageRequired')
    .max(kudosMessageMax, 'validation.kudos.messageTooLong'),
});
export type GiveKudosInput = z.infer<typeof giveKudosBody>;

export const kudosSchema = z.object({
  id: z.string(),
  giver: z.object({ id: z.string(), displayName: z.string() }),
  receiver: z.object({ id: z.string(), displayName: z.string() }),
  subjectType: z.enum(kudosSubjects),
  subjectId: z.string(),
  /** What it was for, and where it is (a thread's or resource's title, a meeting's). */
  subjectTitle: z.string(),
  url: z.string(),
  message: z.string(),
  createdAt: z.string(),
});
export type Kudos = z.infer<typeof kudosSchema>;

export const kudosForQuery = z.object({
  subjectType: z.enum(kudosSubjects, 'validation.kudos.subjectType'),
  subjectId: uuidField,
});

export const kudosParams = z.object({ id: uuidField });
