import { z } from 'zod';
import { milestoneKinds, milestoneNoteMax } from '../enums.ts';
import { uuidField } from '../fields.ts';

/** A community's own milestones (#16 §4): reached once each, celebrated on its page and its members' home. */

export const milestoneSchema = z.object({
  id: z.string(),
  kind: z.enum(milestoneKinds),
  reachedAt: z.string(),
  /** False for a milestone already passed when Copse began recording them (kept, not announced). */
  celebrated: z.boolean(),
  /** The leaders' word on it, and who wrote it. */
  note: z.string().nullable(),
  noteByName: z.string().nullable(),
  /** The resource, for "a resource used ten times". */
  resource: z.object({ id: z.string(), title: z.string() }).nullable(),
});
export type Milestone = z.infer<typeof milestoneSchema>;

export const milestoneListSchema = z.object({
  milestones: z.array(milestoneSchema),
  /** Leaders and coordinators add a word to a celebration. */
  canAddNote: z.boolean(),
});

/** The leaders' word; empty takes it away. */
export const milestoneNoteBody = z.strictObject({
  note: z
    .string('validation.milestone.note')
    .trim()
    .max(milestoneNoteMax, 'validation.milestone.noteTooLong'),
});

export const milestoneParams = z.object({ id: uuidField });

/** A milestone on the member's home page: the community's, recently. */
export const recentMilestoneSchema = z.object({
  id: z.string(),
  kind: z.enum(milestoneKinds),
  reachedAt: z.string(),
  note: z.string().nullable(),
  community: z.object({ slug: z.string(), name: z.string() }),
});
