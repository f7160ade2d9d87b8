import { z } from 'zod';
import {
  audiences,
  communityKinds,
  joinPolicies,
  meetingFormats,
  proposalStatuses,
  visibilities,
} from '../enums.ts';
import {
  audienceField,
  coLeaderIdsField,
  communityKindField,
  communityNameField,
  joinPolicyField,
  meetingFormatField,
  messageBodyField,
  proposalStatusField,
  proposalTextField,
  purposeField,
  tagListField,
  uuidField,
  visibilityField,
} from '../fields.ts';
import { cursorQuery } from './shared.ts';

export const createProposalBody = z.strictObject({
  name: communityNameField,
  kind: communityKindField.default('community_of_practice'),
  purpose: purposeField,
  objectives: proposalTextField.default(''),
  intendedMembers: proposalTextField.default(''),
  meetingPlan: proposalTextField.default(''),
  supportNeeded: proposalTextField.default(''),
  topics: tagListField.default([]),
  unitId: uuidField.nullable().default(null),
  audience: audienceField.default('everyone'),
  format: meetingFormatField.default('hybrid'),
  visibility: visibilityField.default('institution'),
  joinPolicy: joinPolicyField.default('open'),
  coLeaderIds: coLeaderIdsField.default([]),
});

export const updateProposalBody = z
  .strictObject({
    name: communityNameField.optional(),
    kind: communityKindField.optional(),
    purpose: purposeField.optional(),
    objectives: proposalTextField.optional(),
    intendedMembers: proposalTextField.optional(),
    meetingPlan: proposalTextField.optional(),
    supportNeeded: proposalTextField.optional(),
    topics: tagListField.optional(),
    unitId: uuidField.nullable().optional(),
    audience: audienceField.optional(),
    format: meetingFormatField.optional(),
    visibility: visibilityField.optional(),
    joinPolicy: joinPolicyField.optional(),
    coLeaderIds: coLeaderIdsField.optional(),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), 'validation.changeSomething');

export const proposalsQuery = cursorQuery.extend({
  status: proposalStatusField.optional(),
  mine: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
});

/** A comment on the conversation. */
export const commentBody = z.strictObject({ body: messageBodyField });
/** A review step that must say why (asking for changes, declining). */
export const requiredMessageBody = z.strictObject({ message: messageBodyField });
/** A step with an optional note (approving, resubmitting, withdrawing); the body may be left out. */
export const optionalMessageBody = z
  .strictObject({ message: z.string().trim().max(5000).default('') })
  .nullish();

const personRef = z.object({ id: z.string(), displayName: z.string() });
const communityRef = z.object({ slug: z.string(), name: z.string() }).nullable();
const leadershipStatus = z.enum(['pending', 'accepted', 'declined', 'revoked']);

export const proposalSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(communityKinds),
  purpose: z.string(),
  status: z.enum(proposalStatuses),
  proposer: personRef,
  community: communityRef,
  /** The viewer's answer when they are named as co-leader, else null. */
  myLeadership: leadershipStatus.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  decidedAt: z.string().nullable(),
});

export const proposalSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(communityKinds),
  purpose: z.string(),
  objectives: z.string(),
  intendedMembers: z.string(),
  meetingPlan: z.string(),
  supportNeeded: z.string(),
  topics: z.array(z.string()),
  unit: z.object({ id: z.string(), name: z.string() }).nullable(),
  audience: z.enum(audiences),
  format: z.enum(meetingFormats),
  visibility: z.enum(visibilities),
  joinPolicy: z.enum(joinPolicies),
  status: z.enum(proposalStatuses),
  proposer: personRef,
  leaders: z.array(
    personRef.extend({
      role: z.enum(['leader', 'co_leader']),
      status: leadershipStatus,
      respondedAt: z.string().nullable(),
    }),
  ),
  messages: z.array(
    z.object({
      id: z.string(),
      event: z.enum([
        'comment',
        'submitted',
        'resubmitted',
        'changes_requested',
        'approved',
        'declined',
        'withdrawn',
      ]),
      body: z.string(),
      author: personRef.nullable(),
      createdAt: z.string(),
    }),
  ),
  community: communityRef,
  createdAt: z.string(),
  updatedAt: z.string(),
  decidedAt: z.string().nullable(),
  /** What the viewer may do next (the page shows only those buttons). */
  can: z.object({
    edit: z.boolean(),
    resubmit: z.boolean(),
    withdraw: z.boolean(),
    comment: z.boolean(),
    review: z.boolean(),
    answerLeadership: z.boolean(),
    isProposer: z.boolean(),
  }),
});
