import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { ActionItemStatus, SurveyQuestionKind, SurveyRecurrence } from '../../../common/enums.ts';
import { users } from './accounts.ts';
import { communities } from './communities.ts';

/** One question's results in one round, as published for an anonymous survey (every fifth response). */
export interface SurveyQuestionSummary {
  questionId: string;
  answers: number;
  /** Per option (Likert: the values 1–5; focus_next: the leader's options, then the proposals). */
  counts: number[];
  /** Ranking: the sum of the positions (1 = first) each option got, to average by `answers`. */
  positionSums: number[];
  /** Free text, in alphabetical order (never in the order of arrival). */
  texts: string[];
}

/** The published results of one round of an anonymous survey. */
export interface SurveySnapshot {
  responses: number;
  questions: SurveyQuestionSummary[];
}

/**
 * A check-in survey (#16 §2): a title and intro, ordered questions, anonymous or named. It runs in
 * rounds (`survey_rounds`): one when it does not recur, else a new round every term (13 weeks) or
 * every `everyWeeks` weeks, each open as long as the first and reusing the same questions, so each
 * question has a trend across rounds. `closedAt` stops it (the round open then closes, no new ones).
 */
export const surveys = pgTable(
  'surveys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    intro: text('intro').notNull().default(''),
    anonymous: boolean('anonymous').notNull().default(false),
    /** Members who were asked see the results once they answered or the round closed. */
    shareResults: boolean('share_results').notNull().default(true),
    recurrence: text('recurrence').$type<SurveyRecurrence>().notNull().default('none'),
    everyWeeks: integer('every_weeks'),
    /** The first round's window; each later round is the same window moved by the period. */
    opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
    closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('surveys_community_created_idx').on(t.communityId, t.createdAt, t.id),
    index('surveys_author_idx').on(t.authorId),
    check('surveys_window', sql`${t.closesAt} > ${t.opensAt}`),
  ],
);

/** A survey's questions, in order; `options` are the choices, the five Likert labels or the seeds of focus_next. */
export const surveyQuestions = pgTable(
  'survey_questions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    kind: text('kind').$type<SurveyQuestionKind>().notNull(),
    prompt: text('prompt').notNull(),
    options: jsonb('options').$type<string[]>().notNull().default([]),
    required: boolean('required').notNull().default(true),
  },
  (t) => [uniqueIndex('survey_questions_position_idx').on(t.surveyId, t.position)],
);

/**
 * One round of a survey: its window, who was asked (fixed when it opened: `survey_invitees`) and the
 * counts the response rate needs. `announcedAt` is set when the round's invitees were fixed and told
 * (claimed once, by the job or at creation). An anonymous round's results are `snapshot`, rewritten
 * every fifth response.
 */
export const surveyRounds = pgTable(
  'survey_rounds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
    closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    announcedAt: timestamp('announced_at', { withTimezone: true }),
    inviteeCount: integer('invitee_count').notNull().default(0),
    responseCount: integer('response_count').notNull().default(0),
    /** Raised by every named response stored: results computed for one version stay right (results-cache.ts). */
    answersVersion: integer('answers_version').notNull().default(0),
    snapshot: jsonb('snapshot').$type<SurveySnapshot>(),
  },
  (t) => [
    uniqueIndex('survey_rounds_number_idx').on(t.surveyId, t.number),
    index('survey_rounds_opens_idx').on(t.opensAt),
    index('survey_rounds_closes_idx').on(t.closesAt),
    check('survey_rounds_window', sql`${t.closesAt} > ${t.opensAt}`),
  ],
);

/**
 * Who a round asked, and whether they have answered: the "has answered" record. For an anonymous
 * survey `answeredAt` is only the day, and nothing here (no id) leads to what they answered.
 */
export const surveyInvitees = pgTable(
  'survey_invitees',
  {
    roundId: uuid('round_id')
      .notNull()
      .references(() => surveyRounds.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.userId] }), index('survey_invitees_user_idx').on(t.userId)],
);

/**
 * A response to a round. Named: its person (one per person and round, replaced while open) and the
 * time. Anonymous: no person, no time but the day, a random id; it cannot be changed.
 */
export const surveyResponses = pgTable(
  'survey_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => surveyRounds.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    createdOn: date('created_on').notNull().default(sql`(now() at time zone 'UTC')::date`),
  },
  (t) => [
    uniqueIndex('survey_responses_person_idx').on(t.roundId, t.userId),
    index('survey_responses_user_idx').on(t.userId),
  ],
);

/**
 * One answer of a response: `choice` (Likert 1–5, or a single choice's index), `choices` (multiple
 * choice or focus_next: the indexes chosen; ranking: the indexes from first to last) or `text`. The
 * round and question are repeated here so results aggregate on one index without a join.
 */
export const surveyAnswers = pgTable(
  'survey_answers',
  {
    responseId: uuid('response_id')
      .notNull()
      .references(() => surveyResponses.id, { onDelete: 'cascade' }),
    roundId: uuid('round_id')
      .notNull()
      .references(() => surveyRounds.id, { onDelete: 'cascade' }),
    questionId: uuid('question_id')
      .notNull()
      .references(() => surveyQuestions.id, { onDelete: 'cascade' }),
    choice: integer('choice'),
    choices: integer('choices').array(),
    text: text('text'),
  },
  (t) => [
    primaryKey({ columns: [t.responseId, t.questionId] }),
    index('survey_answers_round_question_idx').on(t.roundId, t.questionId),
    index('survey_answers_question_idx').on(t.questionId),
  ],
);

/**
 * Options members propose for a "what should we focus on next?" question in a round, which others can
 * then choose. No proposer is kept; in an anonymous survey a proposal shows only once the results are
 * published (every fifth response), so when it appeared does not tell who wrote it.
 */
export const surveyProposals = pgTable(
  'survey_proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => surveyRounds.id, { onDelete: 'cascade' }),
    questionId: uuid('question_id')
      .notNull()
      .references(() => surveyQuestions.id, { onDelete: 'cascade' }),
    /** Its index among the question's options in this round (after the leader's own). */
    position: integer('position').notNull(),
    label: text('label').notNull(),
    published: boolean('published').notNull().default(true),
  },
  (t) => [
    uniqueIndex('survey_proposals_position_idx').on(t.roundId, t.questionId, t.position),
    index('survey_proposals_question_idx').on(t.questionId),
  ],
);

/** Reminders sent to invitees who had not answered: claimed once per round, person and kind. */
export const surveyReminders = pgTable(
  'survey_reminders',
  {
    roundId: uuid('round_id')
      .notNull()
      .references(() => surveyRounds.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull().default('closing'),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.roundId, t.userId, t.kind] }),
    index('survey_reminders_user_idx').on(t.userId),
  ],
);

/**
 * What the leaders decided from a check-in's findings (#16 §2): an owner who is a member, a due date and
 * a status; shown on the community home until done, then with its "what we did" note in "You said, we did".
 */
export const actionItems = pgTable(
  'action_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    surveyId: uuid('survey_id').references(() => surveys.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    ownerId: uuid('owner_id').references(() => users.id, { onDelete: 'set null' }),
    dueOn: date('due_on'),
    status: text('status').$type<ActionItemStatus>().notNull().default('open'),
    note: text('note').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    doneAt: timestamp('done_at', { withTimezone: true }),
  },
  (t) => [
    index('action_items_community_status_idx').on(t.communityId, t.status, t.dueOn),
    index('action_items_survey_idx').on(t.surveyId),
    index('action_items_owner_idx').on(t.ownerId),
    index('action_items_created_by_idx').on(t.createdBy),
  ],
);
