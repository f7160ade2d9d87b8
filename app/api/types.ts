/**
 * Response types of the API, inferred from its contract (the zod schemas in common/contracts/, which the
 * server validates and answers with). Type-only imports: no schema reaches the bundle.
 */
import type { z } from 'zod';
import type { auditSchema, mailSchema } from '../../common/contracts/admin.ts';
import type { sessionSchema } from '../../common/contracts/auth.ts';
import type { templateSchema } from '../../common/contracts/charter-template.ts';
import type {
  charterSchema,
  communityCardSchema,
  communityHomeSchema,
  communitySchema,
  joinRequestSchema,
  memberSchema,
  stageChangeSchema,
  viewerSchema,
} from '../../common/contracts/communities.ts';
import type {
  contactBody,
  contactRequestSchema,
  contactRequestSummarySchema,
} from '../../common/contracts/contact.ts';
import type {
  postSchema,
  revisionSchema,
  startThreadBody,
  threadSchema,
  threadSummarySchema,
} from '../../common/contracts/discussions.ts';
import type { whatsNewSchema } from '../../common/contracts/home.ts';
import type { institutionSchema, unitSchema } from '../../common/contracts/institution.ts';
import type {
  csvReportSchema,
  invitationListSchema,
  invitationSchema,
  invitationViewSchema,
  inviteResultSchema,
} from '../../common/contracts/invitations.ts';
import type {
  activityRoleSchema,
  feedUrlSchema,
  followUpBody,
  meetingCardSchema,
  meetingSchema,
  roleSuggestionSchema,
  rsvpEntrySchema,
  rsvpResultSchema,
  scheduleMeetingBody,
  updateMeetingBody,
} from '../../common/contracts/meetings.ts';
import type { notificationSchema, preferenceSchema } from '../../common/contracts/notifications.ts';
import type {
  createProposalBody,
  proposalSchema,
  proposalSummarySchema,
} from '../../common/contracts/proposals.ts';
import type { searchResponse, searchResultSchema, searchSorts } from '../../common/contracts/search.ts';
import type {
  adminUserSchema,
  meSchema,
  personSchema,
  personSummarySchema,
} from '../../common/contracts/shared.ts';

export type Institution = z.infer<typeof institutionSchema>;
export type Unit = z.infer<typeof unitSchema>;
export type Person = z.infer<typeof personSchema>;
export type PersonSummary = z.infer<typeof personSummarySchema>;
export type Me = z.infer<typeof meSchema>;
export type AdminUser = z.infer<typeof adminUserSchema>;
export type Session = z.infer<typeof sessionSchema>;
export type MailMessage = z.infer<typeof mailSchema>;
export type AuditEntry = z.infer<typeof auditSchema>;

export type CommunityCard = z.infer<typeof communityCardSchema>;
export type Community = z.infer<typeof communitySchema>;
export type CommunityHome = z.infer<typeof communityHomeSchema>;
export type CommunityViewer = z.infer<typeof viewerSchema>;
export type CommunityLeader = CommunityHome['leaders'][number];
export type Charter = z.infer<typeof charterSchema>;
export type CommunityMember = z.infer<typeof memberSchema>;
export type JoinRequest = z.infer<typeof joinRequestSchema>;
export type StageChange = z.infer<typeof stageChangeSchema>;
export type Invitation = z.infer<typeof invitationSchema>;
export type InvitationList = z.infer<typeof invitationListSchema>;
export type InviteResult = z.infer<typeof inviteResultSchema>;
export type CsvReport = z.infer<typeof csvReportSchema>;
export type InvitationView = z.infer<typeof invitationViewSchema>;

export type Proposal = z.infer<typeof proposalSchema>;
export type ProposalSummary = z.infer<typeof proposalSummarySchema>;
export type ProposalLeader = Proposal['leaders'][number];
export type ProposalMessage = Proposal['messages'][number];
export type ProposalInput = z.input<typeof createProposalBody>;

export type MeetingCard = z.infer<typeof meetingCardSchema>;
export type Meeting = z.infer<typeof meetingSchema>;
export type MeetingRole = Meeting['roles'][number];
export type MeetingAction = Meeting['actions'][number];
export type MeetingPersonRef = Meeting['attendance'][number];
export type RsvpResult = z.infer<typeof rsvpResultSchema>;
export type RsvpEntry = z.infer<typeof rsvpEntrySchema>;
export type RoleSuggestion = z.infer<typeof roleSuggestionSchema>;
export type ActivityRole = z.infer<typeof activityRoleSchema>;
export type FeedUrl = z.infer<typeof feedUrlSchema>;
export type ScheduleMeetingInput = z.input<typeof scheduleMeetingBody>;
export type UpdateMeetingInput = z.input<typeof updateMeetingBody>;
export type FollowUpInput = z.input<typeof followUpBody>;
export type UpcomingMeeting = CommunityHome['upcomingMeetings'][number];
export type NextMeeting = NonNullable<CommunityCard['nextMeeting']>;

export type ThreadSummary = z.infer<typeof threadSummarySchema>;
export type Thread = z.infer<typeof threadSchema>;
export type ThreadPost = z.infer<typeof postSchema>;
export type ThreadRevision = z.infer<typeof revisionSchema>;
export type ThreadReaction = Thread['reactions'][number];
export type StartThreadInput = z.input<typeof startThreadBody>;

/** GET /api/home: what is new in the signed-in person's communities. */
export type WhatsNew = z.infer<typeof whatsNewSchema>;
export type WhatsNewThread = WhatsNew['announcements'][number];

export type SearchResult = z.infer<typeof searchResultSchema>;
export type SearchResponse = z.infer<typeof searchResponse>;
export type SearchSort = (typeof searchSorts)[number];
export type SearchKind = SearchResult['kind'];

export type ContactInput = z.input<typeof contactBody>;
export type ContactRequestSummary = z.infer<typeof contactRequestSummarySchema>;
export type ContactRequest = z.infer<typeof contactRequestSchema>;
export type ContactReply = ContactRequest['replies'][number];

/** The institution's charter template (GET/PUT /api/admin/charter-template). */
export type CharterTemplate = z.infer<typeof templateSchema>;

/** One in-app notification (GET /api/notifications). */
export type AppNotification = z.infer<typeof notificationSchema>;

/** One notification preference (GET /api/notifications/preferences). */
export type NotificationPreference = z.infer<typeof preferenceSchema>;
