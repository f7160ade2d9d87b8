import type { MessageId } from './i18n/message-id.ts';
/** Enumerations shared by the server and the web app. */
export const userRoles = ['administrator', 'coordinator', 'member'] as const;
export type UserRole = (typeof userRoles)[number];

export const personKinds = ['staff', 'student', 'external'] as const;
export type PersonKind = (typeof personKinds)[number];

export const emailChoices = ['immediately', 'daily', 'weekly', 'off'] as const;
export type EmailChoice = (typeof emailChoices)[number];
/** The digest emails (#16 §3): one a day or one a week, at the member's local morning. */
export const digestFrequencies = ['daily', 'weekly'] as const;
export type DigestFrequency = (typeof digestFrequencies)[number];

/** Every kind of notification; later capabilities add theirs here. */
export const notificationKinds = [
  'account.security',
  'account.role_changed',
  'admin.announcement',
  'community.proposal',
  'community.membership',
  'community.invitation',
  'community.update',
  'coordinator.contact',
  'meeting.reminder',
  'meeting.update',
  'discussion.reply',
  'discussion.mention',
  'discussion.report',
  'community.announcement',
  'community.ping',
  'community.kudos',
  'community.badge',
  'community.checkin',
  'community.digest',
  'mentoring.pairing',
  'project.activity',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export const notificationKindLabels: Record<NotificationKind, string> = {
  'account.security': 'Account security (sign-ins, password changes)',
  'account.role_changed': 'Changes to your role',
  'admin.announcement': 'Announcements from the administrators',
  'community.proposal': 'Community proposals you made, lead or review',
  'community.membership': 'Join requests, approvals and role changes in your communities',
  'community.invitation': 'Invitations to join a community or lead one',
  'community.update': 'Stage changes and news of the communities you belong to',
  'coordinator.contact': 'Contact requests to the coordinators, and their answers',
  'meeting.reminder': 'Reminders before meetings you said you would go to',
  'meeting.update': 'Changes and cancellations of meetings you RSVPed to, and wait-list places',
  'discussion.reply': 'New replies in discussions you follow',
  'discussion.mention': 'When someone mentions you in a discussion',
  'discussion.report': 'Reports of posts in the communities you lead',
  'community.announcement': 'Announcements from the leaders of your communities',
  'community.ping': 'Quick questions (Pings) from the leaders of your communities',
  'community.kudos': 'Kudos from members for your contributions',
  'community.badge': 'Badges you earn for your contributions',
  'community.checkin': 'Check-in surveys from the leaders of your communities, and reminders to answer them',
  'community.digest':
    'A summary of what is new in your communities: active threads, resources, meetings, Pings',
  'mentoring.pairing': 'Mentoring requests, answers and closings of your mentoring pairs',
  'project.activity': 'Being added to a project, and tasks given to you in one',
};

/** Mentoring (#18 §2): a person's side of an offer, and the states of a pairing. */
export const mentoringSides = ['mentor', 'mentee'] as const;
export type MentoringSide = (typeof mentoringSides)[number];
export const mentoringPairStatuses = ['requested', 'active', 'declined', 'closed'] as const;
export type MentoringPairStatus = (typeof mentoringPairStatuses)[number];
/** A weekly availability pattern: day and part of day. */
export const mentoringSlots = [
  'mon-am',
  'mon-pm',
  'tue-am',
  'tue-pm',
  'wed-am',
  'wed-pm',
  'thu-am',
  'thu-pm',
  'fri-am',
  'fri-pm',
  'sat-am',
  'sat-pm',
  'sun-am',
  'sun-pm',
] as const;
export type MentoringSlot = (typeof mentoringSlots)[number];

/**
 * How an account is erased (#19): `anonymise` keeps their contributions under "A former member";
 * `delete` removes those too.
 */
export const erasureModes = ['anonymise', 'delete'] as const;
export type ErasureMode = (typeof erasureModes)[number];

export const mailStatuses = ['queued', 'sent', 'stored', 'failed'] as const;
export type MailStatus = (typeof mailStatuses)[number];

/** What a community is: a community of practice, or a council/committee of the institution. */
export const communityKinds = ['community_of_practice', 'council'] as const;
export type CommunityKind = (typeof communityKinds)[number];

export const communityKindLabels: Record<CommunityKind, string> = {
  community_of_practice: 'Community of practice',
  council: 'Council or committee',
};

/** Stages of a community's life, after Wenger, McDermott and Snyder. */
export const communityStages = [
  'potential',
  'coalescing',
  'maturing',
  'stewardship',
  'transformation',
  'archived',
] as const;
export type CommunityStage = (typeof communityStages)[number];

export const communityStageLabels: Record<CommunityStage, string> = {
  potential: 'Potential',
  coalescing: 'Coalescing',
  maturing: 'Maturing',
  stewardship: 'Stewardship',
  transformation: 'Transformation',
  archived: 'Archived',
};

export const communityStageDescriptions: Record<CommunityStage, string> = {
  potential: 'Proposed: people with a shared interest are finding each other and the idea.',
  coalescing: 'Forming: the group meets, builds trust and agrees what it wants to learn together.',
  maturing: 'Active: the community meets regularly, shares practice and grows its Toolkit.',
  stewardship: 'Sustaining: an established community keeps its practice fresh and welcomes newcomers.',
  transformation: 'Closing or merging: the community is changing form, handing on what it made.',
  archived: 'Archived: read-only, kept in the directory as a memory of what it did.',
};

/** The orders of the community directory (GET /api/communities `sort`). */
export const directorySorts = ['relevance', 'activity', 'newest', 'size', 'name'] as const;
export type DirectorySort = (typeof directorySorts)[number];

export const audiences = ['staff', 'students', 'everyone'] as const;
export type Audience = (typeof audiences)[number];
export const audienceLabels: Record<Audience, string> = {
  staff: 'Staff',
  students: 'Students',
  everyone: 'Everyone',
};

export const meetingFormats = ['online', 'in_person', 'hybrid'] as const;
export type MeetingFormat = (typeof meetingFormats)[number];
export const meetingFormatLabels: Record<MeetingFormat, string> = {
  online: 'Online',
  in_person: 'In person',
  hybrid: 'Hybrid',
};

/** Who sees a community: anyone (even signed out), the institution's people, or only its members. */
export const visibilities = ['public', 'institution', 'private'] as const;
export type Visibility = (typeof visibilities)[number];
export const visibilityLabels: Record<Visibility, string> = {
  public: 'Public: anyone, even without signing in',
  institution: 'Institution: everyone who signs in to Copse (not external guests)',
  private: 'Private: only members and coordinators',
};

/** How people join: at once, by a request leaders approve, or only by invitation. */
export const joinPolicies = ['open', 'request', 'invitation'] as const;
export type JoinPolicy = (typeof joinPolicies)[number];
export const joinPolicyLabels: Record<JoinPolicy, string> = {
  open: 'Open: anyone who can see it joins in one click',
  request: 'Moderated: people ask to join and leaders approve',
  invitation: 'By invitation only',
};

export const membershipRoles = ['leader', 'co_leader', 'sponsor', 'member', 'guest'] as const;
export type MembershipRole = (typeof membershipRoles)[number];
export const membershipRoleLabels: Record<MembershipRole, string> = {
  leader: 'Leader',
  co_leader: 'Co-leader',
  sponsor: 'Sponsor',
  member: 'Member',
  guest: 'Guest',
};

export const proposalStatuses = [
  'submitted',
  'changes_requested',
  'approved',
  'declined',
  'withdrawn',
] as const;
export type ProposalStatus = (typeof proposalStatuses)[number];

export const charterSectionKeys = [
  'objectives',
  'roles',
  'decisionMaking',
  'participation',
  'conflictResolution',
] as const;
export type CharterSectionKey = (typeof charterSectionKeys)[number];
export const charterSectionTitles: Record<CharterSectionKey, string> = {
  objectives: 'Objectives',
  roles: 'Roles and responsibilities',
  decisionMaking: 'Decision-making',
  participation: 'Participation guidelines',
  conflictResolution: 'Conflict resolution',
};

export const contactTopics = ['start_community', 'logistics', 'other'] as const;
export type ContactTopic = (typeof contactTopics)[number];
export const contactTopicLabels: Record<ContactTopic, string> = {
  start_community: "I'd like to start a community",
  logistics: 'I need logistical support',
  other: 'Something else',
};

/** What a gathering is: a regular meeting, a hands-on workshop, or a larger conference. */
export const meetingKinds = ['meeting', 'workshop', 'conference'] as const;
export type MeetingKind = (typeof meetingKinds)[number];
export const meetingKindLabels: Record<MeetingKind, string> = {
  meeting: 'Meeting',
  workshop: 'Workshop',
  conference: 'Conference',
};

export const meetingStatuses = ['scheduled', 'cancelled'] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];

/** What a member answers; `waitlisted` is given by Copse when a meeting is full. */
export const rsvpAnswers = ['going', 'maybe', 'not_going'] as const;
export type RsvpAnswer = (typeof rsvpAnswers)[number];
export const rsvpStatuses = ['going', 'maybe', 'not_going', 'waitlisted'] as const;
export type RsvpStatus = (typeof rsvpStatuses)[number];
export const rsvpStatusLabels: Record<RsvpStatus, string> = {
  going: 'Going',
  maybe: 'Maybe',
  not_going: 'Not going',
  waitlisted: 'On the wait list',
};

/** The activity roles every community has; leaders add their own. */
export const defaultActivityRoles = ['Facilitator', 'Note-taker', 'Host'] as const;

/** How an edit or cancellation of a recurring meeting applies. */
export const seriesScopes = ['this', 'following'] as const;
export type SeriesScope = (typeof seriesScopes)[number];

/** Who may schedule a community's meetings: its leaders only, or every member. */
export const meetingSchedulers = ['leaders', 'members'] as const;
export type MeetingSchedulers = (typeof meetingSchedulers)[number];

/** A thread: an open discussion, a question (which can have a helpful answer), or an announcement. */
export const threadKinds = ['discussion', 'question', 'announcement'] as const;
export type ThreadKind = (typeof threadKinds)[number];
export const threadKindLabels: Record<ThreadKind, string> = {
  discussion: 'Discussion',
  question: 'Question',
  announcement: 'Announcement',
};

/** The types of Toolkit resource. A resource carries a link, an uploaded file or Markdown text. */
export const resourceKinds = [
  'link',
  'file',
  'video',
  'article',
  'strategy_document',
  'template',
  'lesson_plan',
  'tool',
] as const;
export type ResourceKind = (typeof resourceKinds)[number];
export const resourceKindLabels: Record<ResourceKind, string> = {
  link: 'Link',
  file: 'File',
  video: 'Video',
  article: 'Article',
  strategy_document: 'Strategy document',
  template: 'Template',
  lesson_plan: 'Lesson plan',
  tool: 'Tool',
};

/** What a member did with a resource they record in "I used this". */
export const resourceUseKinds = ['used', 'adapted'] as const;
export type ResourceUseKind = (typeof resourceUseKinds)[number];
export const resourceUseKindLabels: Record<ResourceUseKind, string> = {
  used: 'Used it as it is',
  adapted: 'Adapted it',
};

/** Counted once per person per day. */
/** Pings (#16 §1): a leader's quick question to some or all of a community's members. */
export const pingKinds = ['text', 'choice'] as const;
export type PingKind = (typeof pingKinds)[number];
export const pingAudiences = ['all', 'role', 'attended_last_meeting', 'inactive_60_days'] as const;
export type PingAudience = (typeof pingAudiences)[number];
export const pingResultsVisibilities = ['live', 'after_close'] as const;
export type PingResultsVisibility = (typeof pingResultsVisibilities)[number];

/** Check-ins and surveys (#16 §2): the kinds of question, how a check-in recurs, action items. */
export const surveyQuestionKinds = [
  'likert',
  'single',
  'multiple',
  'ranking',
  'short_text',
  'long_text',
  'focus_next',
] as const;
export type SurveyQuestionKind = (typeof surveyQuestionKinds)[number];
export const surveyRecurrences = ['none', 'term', 'weeks'] as const;
export type SurveyRecurrence = (typeof surveyRecurrences)[number];
export const surveyTemplateKeys = ['start_of_term', 'end_of_term'] as const;
export type SurveyTemplateKey = (typeof surveyTemplateKeys)[number];
export const actionItemStatuses = ['open', 'in_progress', 'done'] as const;
export type ActionItemStatus = (typeof actionItemStatuses)[number];

/** What the event log (`activity_events`) records: who did what, when, in which community (#16 §5). */
export const activityKinds = [
  'thread.posted',
  'reply.posted',
  'reaction.added',
  'meeting.answered',
  'meeting.attended',
  'resource.added',
  'resource.viewed',
  'resource.downloaded',
  'resource.used',
  'member.joined',
  'member.left',
  'ping.answered',
  'survey.answered',
  'story.recorded',
  'circle.joined',
  'circle.left',
  'circle.posted',
  'mentoring.started',
  'mentoring.closed',
] as const;
export type ActivityKind = (typeof activityKinds)[number];

/** A community's own milestones (#16 §4); each is reached once. */
export const milestoneKinds = [
  'first_meeting',
  'members_10',
  'members_50',
  'members_100',
  'resource_used_10',
  'first_year',
  'first_output',
  'handover',
] as const;
export type MilestoneKind = (typeof milestoneKinds)[number];
/**
 * Badges a member earns in a community for a contribution (#16 §4), each once per community: their first
 * post, their first reply marked as the answer to someone's question, a resource of theirs used 25
 * times, three meetings they scheduled that took place (attendance taken).
 */
export const badgeKinds = [
  'first_post',
  'first_helpful_answer',
  'resource_used_25',
  'hosted_three_meetings',
] as const;
export type BadgeKind = (typeof badgeKinds)[number];
/** What a member gives kudos for (#16 §4): a thread or a reply, a Toolkit resource, hosting a meeting. */
export const kudosSubjects = ['thread', 'post', 'resource', 'meeting'] as const;
export type KudosSubject = (typeof kudosSubjects)[number];
/** A kudos message's length, at most. */
export const kudosMessageMax = 280;

/** The leaders' word on a milestone, at most (here, not in its contract, so the pages showing milestones load no zod). */
export const milestoneNoteMax = 280;

export const resourceActivityKinds = ['view', 'download'] as const;
export type ResourceActivityKind = (typeof resourceActivityKinds)[number];

// The catalog ids of the labels above (common/i18n/catalogs/*/enums.json), for text in the reader's
// language: `_(communityKindMessages[kind])`. The English `…Labels` maps go once nothing uses them.
function messagesOf<T extends string>(prefix: string, values: readonly T[]): Record<T, MessageId> {
  return Object.fromEntries(
    values.map((value) => [value, `enums.${prefix}.${value}` as MessageId]),
  ) as Record<T, MessageId>;
}

export const notificationKindMessages = messagesOf('notificationKind', notificationKinds);
export const emailChoiceMessages = messagesOf('emailChoice', emailChoices);
export const communityKindMessages = messagesOf('communityKind', communityKinds);
export const communityStageMessages = messagesOf('communityStage', communityStages);
export const communityStageDescriptionMessages = messagesOf('communityStageDescription', communityStages);
export const audienceMessages = messagesOf('audience', audiences);
export const meetingFormatMessages = messagesOf('meetingFormat', meetingFormats);
export const visibilityMessages = messagesOf('visibility', visibilities);
export const joinPolicyMessages = messagesOf('joinPolicy', joinPolicies);
export const membershipRoleMessages = messagesOf('membershipRole', membershipRoles);
export const charterSectionMessages = messagesOf('charterSection', charterSectionKeys);
export const contactTopicMessages = messagesOf('contactTopic', contactTopics);
export const meetingKindMessages = messagesOf('meetingKind', meetingKinds);
export const milestoneKindMessages = messagesOf('milestoneKind', milestoneKinds);
export const badgeKindMessages = messagesOf('badgeKind', badgeKinds);
export const rsvpStatusMessages = messagesOf('rsvpStatus', rsvpStatuses);
export const threadKindMessages = messagesOf('threadKind', threadKinds);
export const resourceKindMessages = messagesOf('resourceKind', resourceKinds);
export const resourceUseKindMessages = messagesOf('resourceUseKind', resourceUseKinds);

/** A peer learning circle's life (#18 §3): gathering members, started (3–8 members), closed. */
export const circleStates = ['forming', 'active', 'closed'] as const;
export type CircleState = (typeof circleStates)[number];
/** In a circle, or invited to it. */
export const circleMemberStatuses = ['invited', 'member'] as const;
export type CircleMemberStatus = (typeof circleMemberStatuses)[number];
