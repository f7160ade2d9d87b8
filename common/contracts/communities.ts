import { z } from 'zod';
import {
  audiences,
  charterSectionKeys,
  communityKinds,
  communityStages,
  directorySorts,
  joinPolicies,
  meetingFormats,
  meetingKinds,
  meetingSchedulers,
  meetingStatuses,
  membershipRoles,
  visibilities,
} from '../enums.ts';
import {
  charterSectionsField,
  communityNameField,
  longTextField,
  purposeField,
  shortMessageField,
  tagField,
  tagListField,
  uuidField,
} from '../fields.ts';
import { decisionProcesses } from '../succession-enums.ts';
import { cursorQuery } from './shared.ts';

export const slugParams = z.object({
  slug: z
    .string()
    .min(1)
    .max(80)
    .regex(/^[a-z0-9-]+$/, 'validation.community.address'),
});
export const slugAndUserParams = slugParams.extend({ userId: uuidField });
export const slugAndIdParams = slugParams.extend({ id: uuidField });

const booleanQuery = z
  .enum(['true', 'false'])
  .transform((value) => value === 'true')
  .optional();

export const directoryQuery = cursorQuery.extend({
  q: z.string().trim().max(200).optional(),
  topic: tagField.optional(),
  unitId: uuidField.optional(),
  audience: z.enum(audiences).optional(),
  format: z.enum(meetingFormats).optional(),
  stage: z.enum(communityStages).optional(),
  kind: z.enum(communityKinds).optional(),
  open: booleanQuery,
  sort: z.enum(directorySorts).optional(),
});

const personRef = z.object({ id: z.string(), displayName: z.string(), photoUrl: z.string().nullable() });
const leaderSchema = personRef.extend({ role: z.enum(membershipRoles) });
const unitRef = z.object({ id: z.string(), name: z.string() }).nullable();

/** A community's next meeting as the directory and the home page show it. */
export const nextMeetingSchema = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(meetingKinds),
  startsAt: z.string(),
  endsAt: z.string(),
  timeZone: z.string(),
});

export const communityCardSchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  kind: z.enum(communityKinds),
  purpose: z.string(),
  purposeHighlight: z.string(),
  topics: z.array(z.string()),
  unit: unitRef,
  audience: z.enum(audiences),
  format: z.enum(meetingFormats),
  visibility: z.enum(visibilities),
  joinPolicy: z.enum(joinPolicies),
  stage: z.enum(communityStages),
  memberCount: z.number(),
  leaders: z.array(leaderSchema),
  nextMeeting: nextMeetingSchema.nullable(),
  lastActivityAt: z.string(),
  createdAt: z.string(),
});

export const communitySchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  kind: z.enum(communityKinds),
  purpose: z.string(),
  description: z.string(),
  descriptionHtml: z.string(),
  intendedMembers: z.string(),
  meetingPlan: z.string(),
  topics: z.array(z.string()),
  unit: unitRef,
  audience: z.enum(audiences),
  format: z.enum(meetingFormats),
  visibility: z.enum(visibilities),
  joinPolicy: z.enum(joinPolicies),
  requireGuidelines: z.boolean(),
  meetingSchedulers: z.enum(meetingSchedulers),
  stage: z.enum(communityStages),
  memberCount: z.number(),
  lastActivityAt: z.string(),
  createdAt: z.string(),
});

/**
 * How a community chooses a new leader (#18 §1): consent with its objection period, a vote with its
 * voting period (days), or the leaders' decision.
 */
export const decisionProcessSchema = z.strictObject({
  process: z.enum(decisionProcesses, 'charter.validation.process'),
  objectionDays: z
    .number('charter.validation.objectionDays')
    .int('charter.validation.objectionDays')
    .min(0, 'charter.validation.objectionDays')
    .max(30, 'charter.validation.objectionDays'),
  votingDays: z
    .number('charter.validation.votingDays')
    .int('charter.validation.votingDays')
    .min(1, 'charter.validation.votingDays')
    .max(30, 'charter.validation.votingDays'),
});
export type DecisionProcessSettings = z.infer<typeof decisionProcessSchema>;

const charterSectionsSchema = z.object(
  Object.fromEntries(charterSectionKeys.map((key) => [key, z.string()])) as Record<
    (typeof charterSectionKeys)[number],
    z.ZodString
  >,
);

export const charterSchema = z.object({
  version: z.number(),
  sections: charterSectionsSchema,
  sectionsHtml: charterSectionsSchema,
  note: z.string(),
  createdAt: z.string(),
  editorName: z.string().nullable(),
  /** How the community chooses a new leader (#18 §1). */
  decision: decisionProcessSchema,
});

/** What the actor may do here: the web app shows buttons from it (the server checks again). */
export const viewerSchema = z.object({
  role: z.enum(membershipRoles).nullable(),
  requestStatus: z.enum(['pending', 'approved', 'declined', 'withdrawn']).nullable(),
  canJoin: z.boolean(),
  canRequest: z.boolean(),
  canLeave: z.boolean(),
  canManage: z.boolean(),
  canSeeMembers: z.boolean(),
  canChangeStage: z.boolean(),
  canScheduleMeeting: z.boolean(),
  /** Suspended from this community: may read, not post, reply, react, report or add to the Toolkit. */
  suspended: z.boolean(),
  canStartThread: z.boolean(),
  canAnnounce: z.boolean(),
  /** Leaders and coordinators send Pings (quick questions) to the members. */
  canSendPing: z.boolean(),
  /**
   * No active leader or co-leader is left (the portfolio's leaderless flag); told to members and
   * coordinators only, while the community is not archived.
   */
  leaderless: z.boolean(),
});

export const communityHomeSchema = z.object({
  community: communitySchema,
  leaders: z.array(leaderSchema),
  charter: charterSchema.nullable(),
  /** The next three meetings (cancelled ones included, marked), soonest first. */
  upcomingMeetings: z.array(nextMeetingSchema.extend({ status: z.enum(meetingStatuses) })),
  viewer: viewerSchema,
});

export const updateCommunityBody = z.strictObject({
  name: communityNameField.optional(),
  kind: z.enum(communityKinds).optional(),
  purpose: purposeField.optional(),
  description: longTextField.optional(),
  intendedMembers: longTextField.optional(),
  meetingPlan: longTextField.optional(),
  topics: tagListField.optional(),
  unitId: uuidField.nullable().optional(),
  audience: z.enum(audiences).optional(),
  format: z.enum(meetingFormats).optional(),
  visibility: z.enum(visibilities).optional(),
  joinPolicy: z.enum(joinPolicies).optional(),
  requireGuidelines: z.boolean().optional(),
  meetingSchedulers: z.enum(meetingSchedulers).optional(),
});

export const joinBody = z.strictObject({ acceptGuidelines: z.boolean().optional() }).nullish();
export const joinRequestBody = z.strictObject({ message: shortMessageField.default('') });
export const decisionBody = z.strictObject({
  decision: z.enum(['approve', 'decline']),
  message: shortMessageField.default(''),
});
export const joinRequestSchema = z.object({
  id: z.string(),
  message: z.string(),
  createdAt: z.string(),
  person: personRef,
});

export const membersQuery = cursorQuery.extend({
  q: z.string().trim().max(200).optional(),
  role: z.enum(membershipRoles).optional(),
});
export const memberSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  pronouns: z.string(),
  photoUrl: z.string().nullable(),
  unitName: z.string().nullable(),
  role: z.enum(membershipRoles),
  joinedAt: z.string(),
});
export const roleBody = z.strictObject({ role: z.enum(membershipRoles) });

export const stageBody = z.strictObject({
  stage: z.enum(communityStages),
  note: shortMessageField.default(''),
});
export const stageChangeSchema = z.object({
  id: z.string(),
  fromStage: z.enum(communityStages).nullable(),
  toStage: z.enum(communityStages),
  note: z.string(),
  createdAt: z.string(),
  changedBy: z.object({ id: z.string(), displayName: z.string() }).nullable(),
});

export const charterBody = z.strictObject({
  sections: charterSectionsField,
  /** Left out: the decision process stays as the charter in force has it. */
  decision: decisionProcessSchema.optional(),
  note: shortMessageField.default(''),
  baseVersion: z.number().int().min(0),
});
