import { z } from 'zod';
import { communityStages } from '../enums.ts';
import { uuidField } from '../fields.ts';

/**
 * Value-creation stories and the value-creation matrix (#17 §2), after Wenger, Trayner and de Laat
 * (2011), and the leaders' suggestions when signals move (#17 §3).
 */

/** The five cycles of value creation, in order. */
export const valueCycles = ['immediate', 'potential', 'applied', 'realised', 'transformative'] as const;
export type ValueCycle = (typeof valueCycles)[number];

/**
 * A story is published, hidden (by its community's leaders) or a draft, which only its author sees until
 * they publish it (a mentoring reflection turned into a story starts as one, #18 §2).
 */
export const storyStatuses = ['published', 'hidden', 'draft'] as const;
export type StoryStatus = (typeof storyStatuses)[number];
/** What leaders set when they curate: a draft is its author's to publish. */
export const curatedStoryStatuses = ['published', 'hidden'] as const;

/** What a story links to. */
export const storyLinkKinds = ['meeting', 'thread', 'resource'] as const;
export type StoryLinkKind = (typeof storyLinkKinds)[number];

export const suggestionKinds = [
  'participation_down',
  'question_unanswered',
  'no_meeting',
  'action_overdue',
  'checkin_due',
  'stage',
  /** A leader's term ends within 30 days (or has ended) and no succession is under way (#18 §1). */
  'term_ending',
] as const;
export type SuggestionKind = (typeof suggestionKinds)[number];

export const storyLimits = {
  titleMax: 120,
  cycleMax: 4_000,
  /** Links of each kind, at most. */
  linksMax: 10,
} as const;

const cycleText = z
  .string('validation.story.text')
  .trim()
  .max(storyLimits.cycleMax, 'validation.story.textTooLong')
  .default('');
const linkIds = z
  .array(uuidField, 'validation.story.links')
  .max(storyLimits.linksMax, 'validation.story.tooManyLinks')
  .default([]);

const storyFields = {
  title: z
    .string('validation.story.titleRequired')
    .trim()
    .min(1, 'validation.story.titleRequired')
    .max(storyLimits.titleMax, 'validation.story.titleTooLong'),
  immediate: cycleText,
  potential: cycleText,
  applied: cycleText,
  realised: cycleText,
  transformative: cycleText,
  meetingIds: linkIds,
  threadIds: linkIds,
  resourceIds: linkIds,
};

/** A story tells at least one cycle (the title alone is not a story). */
function tellsSomething(story: Partial<Record<ValueCycle, string>>): boolean {
  return valueCycles.some((cycle) => (story[cycle] ?? '').length > 0);
}

export const createStoryBody = z
  .strictObject({
    ...storyFields,
    /** The author's "I used this" record the story starts from (its resource is linked too). */
    resourceUseId: uuidField.optional(),
  })
  .refine(tellsSomething, { path: ['immediate'], message: 'validation.story.empty' });
export type CreateStoryInput = z.infer<typeof createStoryBody>;

/** The author changes the whole story (title, the five cycles and the links). */
export const updateStoryBody = z
  .strictObject(storyFields)
  .refine(tellsSomething, { path: ['immediate'], message: 'validation.story.empty' });
export type UpdateStoryInput = z.infer<typeof updateStoryBody>;

/** Leaders: feature or not, publish or hide (a field left out stays). */
export const curateStoryBody = z.strictObject({
  featured: z.boolean('validation.story.featured').optional(),
  status: z.enum(curatedStoryStatuses, 'validation.story.status').optional(),
});
export type CurateStoryInput = z.infer<typeof curateStoryBody>;

export const storyParams = z.object({ id: uuidField });

export const storyLinkOptionsQuery = z.object({
  kind: z.enum(storyLinkKinds, 'validation.story.linkKind'),
  q: z.string().trim().max(100, 'validation.story.search').optional(),
});

const personRef = z.object({ id: z.string(), displayName: z.string() });

export const storyLinkSchema = z.object({
  kind: z.enum(storyLinkKinds),
  id: z.string(),
  title: z.string(),
  /** The meeting's start, the thread's or resource's creation. */
  at: z.string(),
});
export type StoryLink = z.infer<typeof storyLinkSchema>;

export const storySummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  author: personRef.nullable(),
  /** The first cycle told, shortened. */
  excerpt: z.string(),
  /** The cycles this story tells. */
  cycles: z.array(z.enum(valueCycles)),
  status: z.enum(storyStatuses),
  featured: z.boolean(),
  createdAt: z.string(),
});
export type StorySummary = z.infer<typeof storySummarySchema>;

export const storyListSchema = z.object({
  data: z.array(storySummarySchema),
  nextCursor: z.string().nullable(),
  /** May the viewer record a story here (and curate the community's)? */
  canRecord: z.boolean(),
  canCurate: z.boolean(),
});

export const storySchema = z.object({
  id: z.string(),
  community: z.object({ slug: z.string(), name: z.string() }),
  title: z.string(),
  author: personRef.nullable(),
  immediate: z.string(),
  potential: z.string(),
  applied: z.string(),
  realised: z.string(),
  transformative: z.string(),
  status: z.enum(storyStatuses),
  featured: z.boolean(),
  /** The "I used this" record it started from: its resource. */
  fromResourceUse: z.object({ resourceId: z.string(), resourceTitle: z.string() }).nullable(),
  links: z.array(storyLinkSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** `publish`: the author of a draft publishes it. */
  abilities: z.object({ edit: z.boolean(), delete: z.boolean(), curate: z.boolean(), publish: z.boolean() }),
});
export type Story = z.infer<typeof storySchema>;

/** One indicator of the matrix: its value and how it is computed (a message id's key). */
export const matrixIndicatorSchema = z.object({
  key: z.enum([
    'stories',
    'activeMembers',
    'meetingsAttended',
    'threadsAndReplies',
    'resourcesAdded',
    'resourcesViewed',
    'resourcesUsed',
    'actionItemsDone',
  ]),
  value: z.number().int(),
});
export type MatrixIndicator = z.infer<typeof matrixIndicatorSchema>;

export const valueMatrixSchema = z.object({
  /** The window of the activity indicators, in days (stories count all time). */
  windowDays: z.number().int(),
  cycles: z.array(
    z.object({
      cycle: z.enum(valueCycles),
      indicators: z.array(matrixIndicatorSchema),
      /** Up to two published stories telling this cycle, featured first, with that cycle's text shortened. */
      examples: z.array(
        z.object({ id: z.string(), title: z.string(), excerpt: z.string(), featured: z.boolean() }),
      ),
    }),
  ),
});
export type ValueMatrix = z.infer<typeof valueMatrixSchema>;

export const suggestionSchema = z.object({
  kind: z.enum(suggestionKinds),
  /** What it is about (with `kind`, what a dismissal names). */
  subject: z.string(),
  /** Figures for its text: counts, a title, a date, a stage. */
  values: z.record(z.string(), z.union([z.string(), z.number()])),
  /** Where the next step is done (a path in the web app). */
  link: z.string(),
  /** For `stage`: the stage Copse proposes. */
  proposedStage: z.enum(communityStages).nullable(),
});
export type Suggestion = z.infer<typeof suggestionSchema>;

export const suggestionsSchema = z.object({
  suggestions: z.array(suggestionSchema),
  /** The signals behind them, for the card's "how this is worked out". */
  signals: z.object({
    activeNow: z.number().int(),
    activeBefore: z.number().int(),
    lastMeetingAt: z.string().nullable(),
  }),
});
export type Suggestions = z.infer<typeof suggestionsSchema>;

export const dismissSuggestionBody = z.strictObject({
  kind: z.enum(suggestionKinds, 'validation.story.suggestionKind'),
  subject: z.string('validation.story.suggestionSubject').max(200, 'validation.story.suggestionSubject'),
});
export type DismissSuggestionInput = z.infer<typeof dismissSuggestionBody>;
