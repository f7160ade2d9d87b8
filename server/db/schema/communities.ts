import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  audiences,
  communityKinds,
  communityStages,
  contactTopics,
  joinPolicies,
  meetingFormats,
  meetingSchedulers,
  membershipRoles,
  proposalStatuses,
  visibilities,
} from '../../../common/enums.ts';
import type { DecisionProcess } from '../../../common/succession-enums.ts';
import { users } from './accounts.ts';
import { units } from './institution.ts';
import { tsvector } from './types.ts';

export const communityKindEnum = pgEnum('community_kind', communityKinds);
export const communityStageEnum = pgEnum('community_stage', communityStages);
export const audienceEnum = pgEnum('audience', audiences);
export const meetingFormatEnum = pgEnum('meeting_format', meetingFormats);
export const visibilityEnum = pgEnum('visibility', visibilities);
export const joinPolicyEnum = pgEnum('join_policy', joinPolicies);
export const membershipRoleEnum = pgEnum('membership_role', membershipRoles);
export const proposalStatusEnum = pgEnum('proposal_status', proposalStatuses);
export const requestStatusEnum = pgEnum('request_status', ['pending', 'approved', 'declined', 'withdrawn']);
export const invitationStatusEnum = pgEnum('invitation_status', [
  'pending',
  'accepted',
  'declined',
  'revoked',
]);
export const meetingSchedulersEnum = pgEnum('meeting_schedulers', meetingSchedulers);
export const contactTopicEnum = pgEnum('contact_topic', contactTopics);
export const contactStatusEnum = pgEnum('contact_status', ['open', 'done']);

/** The five charter sections, Markdown each (keys: common/enums.ts charterSectionKeys). */
export type CharterSections = Record<string, string>;

/**
 * Communities of practice and councils. `memberCount` and `lastActivityAt` are kept by the services
 * that change memberships and content, so the directory sorts by them without counting.
 */
export const communities = pgTable(
  'communities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    kind: communityKindEnum('kind').notNull().default('community_of_practice'),
    purpose: text('purpose').notNull(),
    description: text('description').notNull().default(''),
    intendedMembers: text('intended_members').notNull().default(''),
    meetingPlan: text('meeting_plan').notNull().default(''),
    topics: text('topics').array().notNull().default(sql`'{}'::text[]`),
    unitId: uuid('unit_id').references(() => units.id, { onDelete: 'set null' }),
    audience: audienceEnum('audience').notNull().default('everyone'),
    format: meetingFormatEnum('format').notNull().default('hybrid'),
    visibility: visibilityEnum('visibility').notNull().default('institution'),
    joinPolicy: joinPolicyEnum('join_policy').notNull().default('open'),
    requireGuidelines: boolean('require_guidelines').notNull().default(false),
    meetingSchedulers: meetingSchedulersEnum('meeting_schedulers').notNull().default('leaders'),
    stage: communityStageEnum('stage').notNull().default('coalescing'),
    memberCount: integer('member_count').notNull().default(0),
    lastActivityAt: timestamp('last_activity_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    searchDocument: text('search_document').notNull().default(''),
    search: tsvector('search')
      .notNull()
      .generatedAlwaysAs(
        sql`setweight(copse_tsvector(name), 'A') || setweight(copse_tsvector(search_document), 'B')`,
      ),
  },
  (t) => [
    uniqueIndex('communities_slug_unique').on(t.slug),
    index('communities_search_idx').using('gin', t.search),
    index('communities_topics_idx').using('gin', t.topics),
    index('communities_unit_id_idx').on(t.unitId),
    index('communities_name_idx').on(sql`lower(${t.name})`, t.id),
    index('communities_created_idx').on(t.createdAt, t.id),
    index('communities_activity_idx').on(t.lastActivityAt, t.id),
    index('communities_size_idx').on(t.memberCount, t.id),
    check('communities_member_count_nonnegative', sql`${t.memberCount} >= 0`),
  ],
);

/** Who belongs to a community, and in which role. One row per person and community. */
export const communityMembers = pgTable(
  'community_members',
  {
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: membershipRoleEnum('role').notNull().default('member'),
    /**
     * A guest who belongs only to projects of the community (an external partner, #18 §4): every
     * community page, list, feed and notification treats this row as no membership at all.
     */
    projectOnly: boolean('project_only').notNull().default(false),
    acceptedGuidelinesAt: timestamp('accepted_guidelines_at', { withTimezone: true }),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.userId] }),
    index('community_members_user_idx').on(t.userId, t.communityId),
    index('community_members_role_idx').on(t.communityId, t.role),
    index('community_members_project_only_idx').on(t.userId).where(sql`${t.projectOnly}`),
  ],
);

/** Requests to join a moderated community; leaders approve or decline with a message. */
export const joinRequests = pgTable(
  'join_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    message: text('message').notNull().default(''),
    status: requestStatusEnum('status').notNull().default('pending'),
    response: text('response').notNull().default(''),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('join_requests_one_pending').on(t.communityId, t.userId).where(sql`${t.status} = 'pending'`),
    index('join_requests_community_idx').on(t.communityId, t.status, t.createdAt),
    index('join_requests_user_idx').on(t.userId),
    index('join_requests_decided_by_idx').on(t.decidedBy),
  ],
);

/**
 * Invitations: by email (one address, `email` set) or a shareable link (`email` null). The token is
 * stored hashed; links expire and can be revoked.
 */
export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    email: text('email'),
    /** The name a cohort file gave, as written (exports neutralise it, see common/csv.ts). */
    name: text('name').notNull().default(''),
    role: membershipRoleEnum('role').notNull().default('member'),
    status: invitationStatusEnum('status').notNull().default('pending'),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    acceptedBy: uuid('accepted_by').references(() => users.id, { onDelete: 'set null' }),
    uses: integer('uses').notNull().default(0),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('invitations_token_unique').on(t.tokenHash),
    // The open-invitations list pages newest first by keyset on (created_at, id) within a community.
    index('invitations_open_list_idx').on(t.communityId, t.status, t.createdAt, t.id),
    index('invitations_email_idx').on(t.email),
    index('invitations_invited_by_idx').on(t.invitedBy),
    index('invitations_accepted_by_idx').on(t.acceptedBy),
    uniqueIndex('invitations_one_pending_per_email')
      .on(t.communityId, t.email)
      .where(sql`${t.status} = 'pending' and ${t.email} is not null`),
  ],
);

/** Each change of stage, with the leader's note: the community's history. */
export const communityStageChanges = pgTable(
  'community_stage_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    fromStage: communityStageEnum('from_stage'),
    toStage: communityStageEnum('to_stage').notNull(),
    note: text('note').notNull().default(''),
    changedBy: uuid('changed_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('community_stage_changes_community_idx').on(t.communityId, t.createdAt),
    index('community_stage_changes_changed_by_idx').on(t.changedBy),
  ],
);

/** Every version of a community's charter; the newest is the charter in force. */
export const charterVersions = pgTable(
  'charter_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    sections: jsonb('sections').$type<CharterSections>().notNull(),
    /** How the community chooses a new leader (#18 §1); `leaders` for charters written before. */
    decisionProcess: text('decision_process').$type<DecisionProcess>().notNull().default('leaders'),
    /** Days members have to object to a proposed successor (consent). */
    objectionDays: integer('objection_days').notNull().default(7),
    /** Days a vote for a successor stays open (vote). */
    votingDays: integer('voting_days').notNull().default(7),
    note: text('note').notNull().default(''),
    editedBy: uuid('edited_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('charter_versions_community_version').on(t.communityId, t.version),
    index('charter_versions_edited_by_idx').on(t.editedBy),
  ],
);

/** The institution's charter template, drawn into each new community's first charter (one row). */
export const charterTemplate = pgTable(
  'charter_template',
  {
    id: integer('id').primaryKey().default(1),
    sections: jsonb('sections').$type<CharterSections>().notNull(),
    /** Still the template Copse seeded: shown in the institution's default language until edited. */
    seeded: boolean('seeded').notNull().default(true),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('charter_template_singleton', sql`${t.id} = 1`)],
);

/** Proposals for a new community, reviewed by coordinators. */
export const proposals = pgTable(
  'proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    proposerId: uuid('proposer_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    kind: communityKindEnum('kind').notNull().default('community_of_practice'),
    purpose: text('purpose').notNull(),
    objectives: text('objectives').notNull().default(''),
    intendedMembers: text('intended_members').notNull().default(''),
    meetingPlan: text('meeting_plan').notNull().default(''),
    supportNeeded: text('support_needed').notNull().default(''),
    topics: text('topics').array().notNull().default(sql`'{}'::text[]`),
    unitId: uuid('unit_id').references(() => units.id, { onDelete: 'set null' }),
    audience: audienceEnum('audience').notNull().default('everyone'),
    format: meetingFormatEnum('format').notNull().default('hybrid'),
    visibility: visibilityEnum('visibility').notNull().default('institution'),
    joinPolicy: joinPolicyEnum('join_policy').notNull().default('open'),
    status: proposalStatusEnum('status').notNull().default('submitted'),
    communityId: uuid('community_id').references(() => communities.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    index('proposals_status_idx').on(t.status, t.updatedAt, t.id),
    index('proposals_updated_idx').on(t.updatedAt, t.id),
    index('proposals_proposer_idx').on(t.proposerId, t.createdAt),
    index('proposals_unit_id_idx').on(t.unitId),
    index('proposals_community_id_idx').on(t.communityId),
  ],
);

/** The leadership team a proposal names besides the proposer: invited co-leaders must accept. */
export const proposalLeaders = pgTable(
  'proposal_leaders',
  {
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: invitationStatusEnum('status').notNull().default('pending'),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.userId] }), index('proposal_leaders_user_idx').on(t.userId)],
);

/** The conversation on a proposal: comments and each review step, in order. */
export const proposalMessages = pgTable(
  'proposal_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    /** comment, submitted, resubmitted, changes_requested, approved, declined, withdrawn. */
    event: text('event').notNull(),
    body: text('body').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('proposal_messages_proposal_idx').on(t.proposalId, t.createdAt),
    index('proposal_messages_author_idx').on(t.authorId),
  ],
);

/** "Get in touch": requests to the coordinators, answered by email and marked done. */
export const contactRequests = pgTable(
  'contact_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    senderId: uuid('sender_id').references(() => users.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    email: text('email').notNull(),
    topic: contactTopicEnum('topic').notNull(),
    message: text('message').notNull(),
    status: contactStatusEnum('status').notNull().default('open'),
    handledBy: uuid('handled_by').references(() => users.id, { onDelete: 'set null' }),
    doneAt: timestamp('done_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('contact_requests_status_idx').on(t.status, t.createdAt, t.id),
    index('contact_requests_sender_idx').on(t.senderId),
    index('contact_requests_handled_by_idx').on(t.handledBy),
  ],
);

/** Coordinators' answers to contact requests (each also sent by email). */
export const contactReplies = pgTable(
  'contact_replies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => contactRequests.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('contact_replies_request_idx').on(t.requestId, t.createdAt),
    index('contact_replies_author_idx').on(t.authorId),
  ],
);
