import { z } from 'zod';
import { membershipRoles } from '../enums.ts';
import { uuidField } from '../fields.ts';
import {
  decisionProcesses,
  handoverKeys,
  nominationStatuses,
  outgoingRoles,
  successionStatuses,
} from '../succession-enums.ts';
import { decisionProcessSchema } from './communities.ts';

/** Leadership terms and succession (#18 §1). */

export const successionLimits = {
  reasonMax: 2_000,
  noteMax: 4_000,
  /** Warnings before a term ends, in days. */
  warningDays: [30, 7],
  /** The dashboard suggests starting a succession this many days before a term ends. */
  suggestWithinDays: 30,
  pastShown: 10,
} as const;

const day = 86_400_000;

/** Days from `from` to `to` (dates as YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / day);
}

/** Step down, or start a succession: name a successor (they are asked) or open nominations. */
export const startSuccessionBody = z.strictObject({
  /** The role the outgoing leader keeps once the successor leads. */
  outgoingRole: z.enum(outgoingRoles, 'succession.validation.outgoingRole'),
  /** A member to name as successor (nominated by the outgoing leader); left out: open nominations. */
  successorId: uuidField.optional(),
});
export type StartSuccessionInput = z.infer<typeof startSuccessionBody>;

/** Stepping down at once (another leader remains): the role to keep. */
export const stepDownBody = z.strictObject({
  role: z.enum(outgoingRoles, 'succession.validation.outgoingRole'),
});

export const nominateBody = z.strictObject({ userId: uuidField });
export const answerNominationBody = z.strictObject({ accept: z.boolean() });
/** Consent: the accepted nominee proposed; leaders' decision: the successor chosen; vote: none. */
export const decideBody = z.strictObject({ successorId: uuidField.optional() });
export const objectBody = z.strictObject({
  reason: z
    .string('succession.validation.reason')
    .trim()
    .min(1, 'succession.validation.reason')
    .max(successionLimits.reasonMax, 'succession.validation.reason'),
});
export const voteBody = z.strictObject({ nomineeId: uuidField });
export const tickBody = z.strictObject({
  key: z.enum(handoverKeys, 'succession.validation.key'),
  /** The outgoing leader's note, with the `outgoing_note` item. */
  note: z.string().trim().max(successionLimits.noteMax, 'succession.validation.note').optional(),
});

export const termBody = z
  .strictObject({
    startsOn: z.iso.date('succession.validation.startsOn'),
    /** Null: no end. */
    endsOn: z.iso.date('succession.validation.endsOn').nullable(),
    renewable: z.boolean().default(true),
  })
  .superRefine((term, context) => {
    if (term.endsOn !== null && daysBetween(term.startsOn, term.endsOn) <= 0)
      context.addIssue({
        code: 'custom',
        path: ['endsOn'],
        message: 'succession.validation.endsBeforeStarts',
      });
  });
export type TermInput = z.infer<typeof termBody>;

const personRef = z.object({ id: z.string(), displayName: z.string() });

export const termSchema = z.object({
  person: personRef,
  role: z.enum(membershipRoles),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  renewable: z.boolean(),
  /** Days until the term ends (negative once ended); null without an end. */
  endsInDays: z.number().int().nullable(),
});
export type Term = z.infer<typeof termSchema>;

export const handoverItemSchema = z.object({
  key: z.enum(handoverKeys),
  outgoingAt: z.string().nullable(),
  incomingAt: z.string().nullable(),
});

export const successionSchema = z.object({
  id: z.string(),
  status: z.enum(successionStatuses),
  process: z.enum(decisionProcesses),
  periodDays: z.number().int(),
  outgoing: personRef.nullable(),
  outgoingRole: z.enum(outgoingRoles),
  startedAt: z.string(),
  closesAt: z.string().nullable(),
  /** Under consent: the accepted nominee proposed, while the objection period runs. */
  candidate: personRef.nullable(),
  successor: personRef.nullable(),
  decidedAt: z.string().nullable(),
  nominations: z.array(
    z.object({ nominee: personRef, nominatedBy: personRef.nullable(), status: z.enum(nominationStatuses) }),
  ),
  objections: z.array(z.object({ by: personRef.nullable(), reason: z.string(), createdAt: z.string() })),
  /** How many have voted (never who voted for whom). */
  votesCast: z.number().int(),
  /** The votes each nominee received: only once the vote has closed. */
  tally: z.array(z.object({ nominee: personRef, votes: z.number().int() })).nullable(),
  handover: z
    .object({ items: z.array(handoverItemSchema), note: z.string(), handedOverAt: z.string().nullable() })
    .nullable(),
  viewer: z.object({
    nomination: z.enum(nominationStatuses).nullable(),
    voted: z.boolean(),
    /** Which side of the hand-over the viewer ticks. */
    side: z.enum(['outgoing', 'incoming']).nullable(),
    nominate: z.boolean(),
    answer: z.boolean(),
    decide: z.boolean(),
    object: z.boolean(),
    vote: z.boolean(),
    close: z.boolean(),
    cancel: z.boolean(),
  }),
});
export type Succession = z.infer<typeof successionSchema>;

export const pastSuccessionSchema = z.object({
  id: z.string(),
  status: z.enum(successionStatuses),
  process: z.enum(decisionProcesses),
  outgoing: personRef.nullable(),
  successor: personRef.nullable(),
  decidedAt: z.string().nullable(),
  handedOverAt: z.string().nullable(),
});

/** The Leadership tab: the terms, the decision process, the succession under way and the past ones. */
export const leadershipSchema = z.object({
  decision: decisionProcessSchema,
  terms: z.array(termSchema),
  current: successionSchema.nullable(),
  past: z.array(pastSuccessionSchema),
  /** Members who may be nominated (not guests), for the nominate and successor pickers. */
  candidates: z.array(personRef),
  abilities: z.object({ start: z.boolean(), stepDown: z.boolean(), setTerms: z.boolean() }),
});
export type Leadership = z.infer<typeof leadershipSchema>;
