import { z } from 'zod';
import { actionItemStatuses, surveyQuestionKinds, surveyRecurrences, surveyTemplateKeys } from '../enums.ts';
import { uuidField } from '../fields.ts';

/** Check-ins and surveys (#16 §2): a leader's survey to the community, in rounds, and action items. */

export const surveyLimits = {
  titleMax: 120,
  introMax: 2_000,
  questionsMin: 1,
  questionsMax: 30,
  promptMax: 300,
  optionMax: 120,
  optionsMin: 2,
  optionsMax: 10,
  likertLabels: 5,
  shortTextMax: 200,
  longTextMax: 4_000,
  proposalMax: 120,
  /** Most options a member picks for "what should we focus on next?". */
  focusPicksMax: 3,
  /** Longest a round stays open. */
  windowDaysMax: 60,
  everyWeeksMax: 52,
  /** A term, for "every term" check-ins. */
  termWeeks: 13,
  /** Anonymous results show from this many responses on, and change only in steps of it. */
  anonymousBatch: 5,
  actionTitleMax: 200,
  actionNoteMax: 2_000,
} as const;

/** How long a survey's period is, in weeks (null: it does not recur). */
export function surveyPeriodWeeks(recurrence: string, everyWeeks: number | null): number | null {
  if (recurrence === 'term') return surveyLimits.termWeeks;
  if (recurrence === 'weeks') return everyWeeks;
  return null;
}

const optionField = z
  .string('validation.survey.optionRequired')
  .trim()
  .min(1, 'validation.survey.optionRequired')
  .max(surveyLimits.optionMax, 'validation.survey.optionRequired');

export const surveyQuestionInput = z.strictObject({
  kind: z.enum(surveyQuestionKinds, 'validation.survey.questionKind'),
  prompt: z
    .string('validation.survey.promptRequired')
    .trim()
    .min(1, 'validation.survey.promptRequired')
    .max(surveyLimits.promptMax, 'validation.survey.promptTooLong'),
  /** Likert: its five labels; single, multiple, ranking: 2–10 choices; focus_next: 0–10 to start from. */
  options: z.array(optionField).max(surveyLimits.optionsMax, 'validation.survey.optionsCount').default([]),
  required: z.boolean().default(true),
});
export type SurveyQuestionInput = z.infer<typeof surveyQuestionInput>;

export const createSurveyBody = z
  .strictObject({
    title: z
      .string('validation.survey.titleRequired')
      .trim()
      .min(1, 'validation.survey.titleRequired')
      .max(surveyLimits.titleMax, 'validation.survey.titleTooLong'),
    intro: z.string().trim().max(surveyLimits.introMax, 'validation.survey.introTooLong').default(''),
    anonymous: z.boolean().default(false),
    /** Members who were asked see the results once they answered (or the round closed). */
    shareResults: z.boolean().default(true),
    /** The first round's window (later rounds move it by the period). Opens now when left out. */
    opensAt: z.iso.datetime({ offset: true, message: 'validation.survey.opensAt' }).optional(),
    closesAt: z.iso.datetime({ offset: true, message: 'validation.survey.closesAt' }),
    recurrence: z.enum(surveyRecurrences, 'validation.survey.recurrence').default('none'),
    everyWeeks: z
      .number('validation.survey.everyWeeks')
      .int('validation.survey.everyWeeks')
      .min(1, 'validation.survey.everyWeeks')
      .max(surveyLimits.everyWeeksMax, 'validation.survey.everyWeeks')
      .optional(),
    questions: z.array(surveyQuestionInput, 'validation.survey.questionsCount'),
  })
  .superRefine((survey, context) => {
    const issue = (path: (string | number)[], message: string) =>
      context.addIssue({ code: 'custom', path, message });
    if (
      survey.questions.length < surveyLimits.questionsMin ||
      survey.questions.length > surveyLimits.questionsMax
    )
      issue(['questions'], 'validation.survey.questionsCount');
    survey.questions.forEach((question, index) => {
      const path = ['questions', index, 'options'];
      const { options } = question;
      const distinct = new Set(options.map((o) => o.toLowerCase())).size === options.length;
      switch (question.kind) {
        case 'likert':
          if (options.length !== surveyLimits.likertLabels) issue(path, 'validation.survey.likertLabels');
          break;
        case 'single':
        case 'multiple':
        case 'ranking':
          if (options.length < surveyLimits.optionsMin) issue(path, 'validation.survey.optionsCount');
          else if (!distinct) issue(path, 'validation.survey.optionsDistinct');
          break;
        case 'focus_next':
          if (!distinct) issue(path, 'validation.survey.optionsDistinct');
          break;
        default:
          if (options.length > 0) issue(path, 'validation.survey.noOptionsForText');
      }
    });
    if (survey.recurrence === 'weeks' && survey.everyWeeks === undefined)
      issue(['everyWeeks'], 'validation.survey.everyWeeks');
    if (survey.recurrence !== 'weeks' && survey.everyWeeks !== undefined)
      issue(['everyWeeks'], 'validation.survey.everyWeeksOnlyForWeeks');
  });
export type CreateSurveyInput = z.infer<typeof createSurveyBody>;

/** One answer: Likert value or a choice's index (`choice`), indexes (`choices`), `text`, a `proposal`. */
export const surveyAnswerInput = z.strictObject({
  choice: z.number('validation.survey.choice').int('validation.survey.choice').optional(),
  choices: z
    .array(z.number('validation.survey.choice').int('validation.survey.choice'), 'validation.survey.choice')
    .max(surveyLimits.optionsMax * 2, 'validation.survey.choice')
    .optional(),
  text: z
    .string('validation.survey.text')
    .trim()
    .max(surveyLimits.longTextMax, 'validation.survey.textTooLong')
    .optional(),
  /** focus_next: a new option to add (and choose); others can then choose it. */
  proposal: z
    .string('validation.survey.proposal')
    .trim()
    .min(1, 'validation.survey.proposal')
    .max(surveyLimits.proposalMax, 'validation.survey.proposal')
    .optional(),
});
export type SurveyAnswerInput = z.infer<typeof surveyAnswerInput>;

/** A response: the answers by question id (questions left out are unanswered). */
export const answerSurveyBody = z.strictObject({
  answers: z.record(uuidField, surveyAnswerInput, 'validation.survey.answers'),
});
export type AnswerSurveyInput = z.infer<typeof answerSurveyBody>;

export const surveyParams = z.object({ id: uuidField });
export const surveyTemplateQuery = z.object({
  key: z.enum(surveyTemplateKeys, 'validation.survey.template').optional(),
});
export const surveyResultsQuery = z.object({
  /** The round (its number); the latest opened one when left out. */
  round: z.coerce
    .number('validation.survey.round')
    .int('validation.survey.round')
    .min(1, 'validation.survey.round')
    .optional(),
  /** Words to find among the free-text answers. */
  q: z.string().trim().max(200, 'validation.survey.search').optional(),
});

const questionSchema = z.object({
  id: z.string(),
  position: z.number().int(),
  kind: z.enum(surveyQuestionKinds),
  prompt: z.string(),
  /** The choices or labels; for focus_next also the proposals members made this round (shown ones). */
  options: z.array(z.string()),
  required: z.boolean(),
});

const roundSchema = z.object({
  number: z.number().int(),
  opensAt: z.string(),
  closesAt: z.string(),
  open: z.boolean(),
  /** For those who manage the survey: how many were asked and answered. */
  inviteeCount: z.number().int().nullable(),
  responseCount: z.number().int().nullable(),
});

const answerSchema = z.object({
  choice: z.number().int().nullable(),
  choices: z.array(z.number().int()).nullable(),
  text: z.string().nullable(),
});

export const surveySchema = z.object({
  id: z.string(),
  communityId: z.string(),
  community: z.object({ slug: z.string(), name: z.string() }),
  title: z.string(),
  intro: z.string(),
  anonymous: z.boolean(),
  shareResults: z.boolean(),
  recurrence: z.enum(surveyRecurrences),
  everyWeeks: z.number().int().nullable(),
  /** Stopped by its leaders: no more rounds. */
  stopped: z.boolean(),
  questions: z.array(questionSchema),
  /** The latest round that has opened (null before the first opens). */
  round: roundSchema.nullable(),
  nextRoundOpensAt: z.string().nullable(),
  invited: z.boolean(),
  answered: z.boolean(),
  /** Your answers to this round, by question id (named surveys only: an anonymous answer is kept with no person). */
  yourAnswers: z.record(z.string(), answerSchema).nullable(),
  abilities: z.object({
    answer: z.boolean(),
    changeAnswer: z.boolean(),
    manage: z.boolean(),
    seeResults: z.boolean(),
  }),
});
export type Survey = z.infer<typeof surveySchema>;

export const surveySummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  anonymous: z.boolean(),
  recurrence: z.enum(surveyRecurrences),
  everyWeeks: z.number().int().nullable(),
  stopped: z.boolean(),
  round: roundSchema.nullable(),
  nextRoundOpensAt: z.string().nullable(),
  invited: z.boolean(),
  answered: z.boolean(),
});
export type SurveySummary = z.infer<typeof surveySummarySchema>;

/** An open check-in sent to you, as the home page lists it. */
export const openSurveySchema = z.object({
  id: z.string(),
  title: z.string(),
  anonymous: z.boolean(),
  closesAt: z.string(),
  answered: z.boolean(),
  community: z.object({ slug: z.string(), name: z.string() }),
});
export type OpenSurvey = z.infer<typeof openSurveySchema>;

const roundResultSchema = z.object({
  round: z.number().int(),
  answers: z.number().int(),
  /** Likert: the mean (1–5). */
  mean: z.number().nullable(),
  counts: z.array(z.number().int()),
  /** Ranking: each option's average position (1 = first). */
  averagePositions: z.array(z.number().nullable()),
});

export const surveyResultsSchema = z.object({
  /** Every round so far, with its response rate and whether its results show. */
  rounds: z.array(
    roundSchema.extend({
      inviteeCount: z.number().int(),
      responseCount: z.number().int(),
      shown: z.boolean(),
      /** How many responses the shown results cover (anonymous: in steps of five). */
      countedResponses: z.number().int(),
    }),
  ),
  /** The round these results are of (its number), null before any opened. */
  round: z.number().int().nullable(),
  /** False while hidden (anonymous under five responses, or not yours to see yet). */
  shown: z.boolean(),
  questions: z.array(
    questionSchema.extend({
      result: roundResultSchema,
      /** Free text (found by `q` when given), alphabetical; `textCount` counts all of them. */
      texts: z.array(z.string()),
      textCount: z.number().int(),
      /** The same question in every round whose results show, oldest first. */
      trend: z.array(roundResultSchema),
    }),
  ),
});
export type SurveyResults = z.infer<typeof surveyResultsSchema>;

export const surveyTemplateSchema = z.object({
  key: z.enum(surveyTemplateKeys),
  name: z.string(),
  title: z.string(),
  intro: z.string(),
  recurrence: z.enum(surveyRecurrences),
  questions: z.array(
    z.object({
      kind: z.enum(surveyQuestionKinds),
      prompt: z.string(),
      options: z.array(z.string()),
      required: z.boolean(),
    }),
  ),
});
export type SurveyTemplate = z.infer<typeof surveyTemplateSchema>;

// ── Action items ──────────────────────────────────────────────────────────────────────────────────

const dueOnField = z.iso.date('validation.actionItem.dueOn');
const noteField = z.string().trim().max(surveyLimits.actionNoteMax, 'validation.actionItem.noteTooLong');
const actionTitleField = z
  .string('validation.actionItem.titleRequired')
  .trim()
  .min(1, 'validation.actionItem.titleRequired')
  .max(surveyLimits.actionTitleMax, 'validation.actionItem.titleTooLong');

export const createActionItemBody = z.strictObject({
  title: actionTitleField,
  /** A member of the community (null: nobody yet). */
  ownerId: uuidField.nullable().default(null),
  dueOn: dueOnField.nullable().default(null),
  status: z.enum(actionItemStatuses, 'validation.actionItem.status').default('open'),
  /** What was done ("You said, we did"). */
  note: noteField.default(''),
  /** The check-in it follows from. */
  surveyId: uuidField.nullable().default(null),
});
export type CreateActionItemInput = z.infer<typeof createActionItemBody>;

export const updateActionItemBody = z.strictObject({
  title: actionTitleField.optional(),
  ownerId: uuidField.nullable().optional(),
  dueOn: dueOnField.nullable().optional(),
  status: z.enum(actionItemStatuses, 'validation.actionItem.status').optional(),
  note: noteField.optional(),
});
export type UpdateActionItemInput = z.infer<typeof updateActionItemBody>;

export const actionItemParams = z.object({ id: uuidField });
export const actionItemsQuery = z.object({
  /** open: not done yet (the community home); done: "You said, we did"; all. */
  status: z.enum(['open', 'done', 'all'], 'validation.actionItem.filter').default('all'),
});

export const actionItemSchema = z.object({
  id: z.string(),
  title: z.string(),
  owner: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  dueOn: z.string().nullable(),
  status: z.enum(actionItemStatuses),
  note: z.string(),
  survey: z.object({ id: z.string(), title: z.string() }).nullable(),
  createdAt: z.string(),
  doneAt: z.string().nullable(),
});
export type ActionItem = z.infer<typeof actionItemSchema>;

export const actionItemListSchema = z.object({
  items: z.array(actionItemSchema),
  /** May add and change action items here (the community's leaders and the coordinators). */
  canManage: z.boolean(),
});
