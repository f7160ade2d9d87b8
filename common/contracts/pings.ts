import { z } from 'zod';
import { membershipRoles, pingAudiences, pingKinds, pingResultsVisibilities } from '../enums.ts';
import { uuidField } from '../fields.ts';

/** Pings (#16 §1): a leader's quick question to some or all of a community's members. */

export const pingLimits = {
  questionMax: 300,
  choiceMax: 100,
  choicesMin: 2,
  choicesMax: 10,
  windowHoursMin: 1,
  windowHoursMax: 14 * 24,
  textAnswerMax: 2_000,
  /** Anonymous results show from this many answers on, and change only in steps of it. */
  anonymousBatch: 5,
} as const;

const choiceField = z
  .string()
  .trim()
  .min(1, 'validation.ping.choiceRequired')
  .max(pingLimits.choiceMax, 'validation.ping.choiceRequired');

export const createPingBody = z
  .strictObject({
    question: z
      .string()
      .trim()
      .min(1, 'validation.ping.questionRequired')
      .max(pingLimits.questionMax, 'validation.ping.questionTooLong'),
    kind: z.enum(pingKinds, 'validation.ping.kind'),
    choices: z.array(choiceField).default([]),
    audience: z.enum(pingAudiences, 'validation.ping.audience'),
    /** The role the Ping goes to, when `audience` is `role`. */
    role: z.enum(membershipRoles, 'validation.ping.role').optional(),
    windowHours: z
      .number('validation.ping.window')
      .int('validation.ping.window')
      .min(pingLimits.windowHoursMin, 'validation.ping.window')
      .max(pingLimits.windowHoursMax, 'validation.ping.window'),
    resultsVisibility: z.enum(pingResultsVisibilities, 'validation.ping.resultsVisibility').default('live'),
    anonymous: z.boolean().default(false),
  })
  .superRefine((ping, context) => {
    if (ping.kind === 'choice') {
      if (ping.choices.length < pingLimits.choicesMin || ping.choices.length > pingLimits.choicesMax) {
        context.addIssue({ code: 'custom', path: ['choices'], message: 'validation.ping.choicesCount' });
      } else if (new Set(ping.choices.map((c) => c.toLowerCase())).size !== ping.choices.length) {
        context.addIssue({ code: 'custom', path: ['choices'], message: 'validation.ping.choicesDistinct' });
      }
    } else if (ping.choices.length > 0) {
      context.addIssue({ code: 'custom', path: ['choices'], message: 'validation.ping.noChoicesForText' });
    }
    if (ping.audience === 'role' && !ping.role) {
      context.addIssue({ code: 'custom', path: ['role'], message: 'validation.ping.role' });
    }
    if (ping.audience !== 'role' && ping.role) {
      context.addIssue({ code: 'custom', path: ['role'], message: 'validation.ping.roleOnlyForRole' });
    }
  });
export type CreatePingInput = z.infer<typeof createPingBody>;

/** An answer: the index of a choice, or text for an open question. */
export const answerPingBody = z.strictObject({
  choice: z
    .number('validation.ping.choice')
    .int('validation.ping.choice')
    .min(0, 'validation.ping.choice')
    .optional(),
  text: z
    .string()
    .trim()
    .min(1, 'validation.ping.textRequired')
    .max(pingLimits.textAnswerMax, 'validation.ping.textTooLong')
    .optional(),
});
export type PingAnswerInput = z.infer<typeof answerPingBody>;

export const extendPingBody = z.strictObject({
  closesAt: z.iso.datetime({ offset: true, message: 'validation.ping.closesAt' }),
});

export const pingParams = z.object({ id: uuidField });
export const answerLinkParams = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'validation.ping.link'),
});

const pingAnswerSchema = z.object({ choice: z.number().int().nullable(), text: z.string().nullable() });

export const pingSchema = z.object({
  id: z.string(),
  communityId: z.string(),
  question: z.string(),
  kind: z.enum(pingKinds),
  choices: z.array(z.string()),
  audience: z.enum(pingAudiences),
  role: z.enum(membershipRoles).nullable(),
  resultsVisibility: z.enum(pingResultsVisibilities),
  anonymous: z.boolean(),
  opensAt: z.string(),
  closesAt: z.string(),
  open: z.boolean(),
  /** The discussion of its results, once someone started it. */
  threadId: z.string().nullable(),
  /** Set for the leaders and coordinators: how many were asked and how many answered. */
  recipientCount: z.number().int().nullable(),
  answerCount: z.number().int().nullable(),
  /** For a recipient: whether they answered, and (not anonymous) what. */
  addressedToYou: z.boolean(),
  answered: z.boolean(),
  yourAnswer: pingAnswerSchema.nullable(),
  abilities: z.object({
    answer: z.boolean(),
    changeAnswer: z.boolean(),
    manage: z.boolean(),
    seeResults: z.boolean(),
    /** May start the discussion of its results (when there is none yet). */
    discuss: z.boolean(),
  }),
});
export type Ping = z.infer<typeof pingSchema>;

export const pingResultsSchema = z.object({
  recipientCount: z.number().int(),
  /** Recipients who answered. */
  answerCount: z.number().int(),
  responseRate: z.number(),
  /** False while the results are hidden (closed-only results of an open Ping; anonymous under five). */
  shown: z.boolean(),
  /** How many answers the shown counts cover (anonymous results change in steps of five). */
  countedAnswers: z.number().int(),
  choices: z.array(z.object({ choice: z.string(), count: z.number().int() })),
  texts: z.array(z.string()),
});

/** What a one-click answer link would do (the confirm page shows it; only POST answers). */
export const answerLinkSchema = z.object({
  question: z.string(),
  choice: z.string(),
  communityName: z.string(),
  anonymous: z.boolean(),
  closesAt: z.string(),
});

/** An open Ping sent to you, as the home page lists it. */
export const openPingSchema = z.object({
  id: z.string(),
  question: z.string(),
  kind: z.enum(pingKinds),
  choices: z.array(z.string()),
  anonymous: z.boolean(),
  closesAt: z.string(),
  answered: z.boolean(),
  community: z.object({ slug: z.string(), name: z.string() }),
});
export type OpenPing = z.infer<typeof openPingSchema>;
