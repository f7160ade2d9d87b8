import path from 'node:path';
import { type Column, eq, getTableColumns, or, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client.ts';
import * as s from '../db/schema/index.ts';

/**
 * What "Download your data" (#19) puts in a person's export: every table with a user id column was
 * looked at, and its rows about the person are either exported here (as one kind: a key of data.json
 * and a CSV file) or left out in `excludedFromExport`, with the reason. `personal-data.test.ts` fails
 * when a table or user column appears that is in neither list, so a new feature cannot forget it.
 */
export interface ExportedKind {
  /** The kind's name: its key in data.json and its CSV file's name. */
  kind: string;
  table: PgTable;
  /** The person's rows: those where one of these columns holds their id. */
  by: Column[];
  /** Columns never exported (secrets, token hashes, search vectors). */
  omit?: string[];
  /** Rows reached through another table (`by` still names the column that ties them to the person). */
  where?: (userId: string) => SQL;
}

const search = ['search'];

export const exportedKinds: ExportedKind[] = [
  { kind: 'profile', table: s.users, by: [s.users.id], omit: ['passwordHash', 'searchDocument', ...search] },
  { kind: 'notification_settings', table: s.notificationPreferences, by: [s.notificationPreferences.userId] },
  {
    kind: 'community_email_settings',
    table: s.communityEmailPreferences,
    by: [s.communityEmailPreferences.userId],
  },
  // The session's id is the hash of its cookie: left out.
  { kind: 'sessions', table: s.sessions, by: [s.sessions.userId], omit: ['id'] },
  { kind: 'linked_sign_in_accounts', table: s.userIdentities, by: [s.userIdentities.userId] },
  // Whether two-factor sign-in is on, never its secret.
  {
    kind: 'two_factor',
    table: s.twoFactorCredentials,
    by: [s.twoFactorCredentials.userId],
    omit: ['secretEncrypted', 'lastUsedStep'],
  },
  { kind: 'memberships', table: s.communityMembers, by: [s.communityMembers.userId] },
  { kind: 'join_requests', table: s.joinRequests, by: [s.joinRequests.userId] },
  { kind: 'suspensions', table: s.communitySuspensions, by: [s.communitySuspensions.userId] },
  { kind: 'leadership_terms', table: s.leadershipTerms, by: [s.leadershipTerms.userId] },
  {
    kind: 'invitations',
    table: s.invitations,
    by: [s.invitations.invitedBy, s.invitations.acceptedBy],
    omit: ['tokenHash'],
  },
  { kind: 'proposals', table: s.proposals, by: [s.proposals.proposerId] },
  { kind: 'proposal_leaders', table: s.proposalLeaders, by: [s.proposalLeaders.userId] },
  { kind: 'proposal_messages', table: s.proposalMessages, by: [s.proposalMessages.authorId] },
  { kind: 'charter_versions', table: s.charterVersions, by: [s.charterVersions.editedBy] },
  { kind: 'contact_requests', table: s.contactRequests, by: [s.contactRequests.senderId] },
  { kind: 'contact_replies', table: s.contactReplies, by: [s.contactReplies.authorId] },
  { kind: 'threads', table: s.threads, by: [s.threads.authorId], omit: search },
  { kind: 'replies', table: s.posts, by: [s.posts.authorId], omit: search },
  { kind: 'reply_revisions', table: s.postRevisions, by: [s.postRevisions.editedBy] },
  { kind: 'reactions', table: s.reactions, by: [s.reactions.userId] },
  // The threads where one of the person's replies was marked as the helpful answer.
  {
    kind: 'helpful_marks',
    table: s.threads,
    by: [s.posts.authorId],
    omit: search,
    where: (userId) =>
      sql`${s.threads.helpfulPostId} in (select ${s.posts.id} from ${s.posts} where ${s.posts.authorId} = ${userId})`,
  },
  { kind: 'followed_threads', table: s.threadFollows, by: [s.threadFollows.userId] },
  { kind: 'thread_reads', table: s.threadReads, by: [s.threadReads.userId] },
  { kind: 'reports', table: s.reports, by: [s.reports.reporterId] },
  { kind: 'moderation_actions', table: s.moderationActions, by: [s.moderationActions.actorId] },
  { kind: 'resources', table: s.resources, by: [s.resources.authorId], omit: search },
  { kind: 'resource_uses', table: s.resourceUses, by: [s.resourceUses.userId] },
  { kind: 'resource_activity', table: s.resourceActivity, by: [s.resourceActivity.userId] },
  { kind: 'toolkit_collections', table: s.toolkitCollections, by: [s.toolkitCollections.createdBy] },
  { kind: 'meetings_organised', table: s.meetings, by: [s.meetings.createdBy] },
  { kind: 'rsvps', table: s.meetingRsvps, by: [s.meetingRsvps.userId] },
  { kind: 'attendance', table: s.meetingAttendance, by: [s.meetingAttendance.userId] },
  { kind: 'meeting_roles', table: s.meetingRoleAssignments, by: [s.meetingRoleAssignments.userId] },
  { kind: 'meeting_actions', table: s.meetingActions, by: [s.meetingActions.assigneeId] },
  { kind: 'action_items', table: s.actionItems, by: [s.actionItems.ownerId, s.actionItems.createdBy] },
  { kind: 'pings_asked', table: s.pings, by: [s.pings.authorId] },
  { kind: 'pings_received', table: s.pingRecipients, by: [s.pingRecipients.userId] },
  // Answers to Pings that are not anonymous; anonymous answers are linked to nobody.
  { kind: 'ping_answers', table: s.pingAnswers, by: [s.pingAnswers.userId] },
  { kind: 'checkins_written', table: s.surveys, by: [s.surveys.authorId] },
  { kind: 'checkin_invitations', table: s.surveyInvitees, by: [s.surveyInvitees.userId] },
  { kind: 'checkin_responses', table: s.surveyResponses, by: [s.surveyResponses.userId] },
  // The answers of their responses (an anonymous check-in keeps no user id on its responses).
  {
    kind: 'checkin_answers',
    table: s.surveyAnswers,
    by: [s.surveyResponses.userId],
    where: (userId) =>
      sql`${s.surveyAnswers.responseId} in (select ${s.surveyResponses.id} from ${s.surveyResponses} where ${s.surveyResponses.userId} = ${userId})`,
  },
  { kind: 'value_stories', table: s.valueStories, by: [s.valueStories.authorId] },
  { kind: 'kudos', table: s.kudos, by: [s.kudos.giverId, s.kudos.receiverId] },
  { kind: 'badges', table: s.memberBadges, by: [s.memberBadges.userId] },
  { kind: 'mentoring_offers', table: s.mentoringOffers, by: [s.mentoringOffers.userId] },
  {
    kind: 'mentoring_pairs',
    table: s.mentoringPairs,
    by: [s.mentoringPairs.mentorId, s.mentoringPairs.menteeId],
  },
  { kind: 'mentoring_reflections', table: s.mentoringNotes, by: [s.mentoringNotes.authorId] },
  { kind: 'circles_started', table: s.circles, by: [s.circles.createdBy] },
  { kind: 'circle_memberships', table: s.circleMembers, by: [s.circleMembers.userId] },
  { kind: 'circle_posts', table: s.circlePosts, by: [s.circlePosts.authorId] },
  { kind: 'circle_reflections', table: s.circleReflections, by: [s.circleReflections.userId] },
  { kind: 'circle_meetings', table: s.circleMeetings, by: [s.circleMeetings.organiserId] },
  { kind: 'projects_started', table: s.projects, by: [s.projects.createdBy] },
  { kind: 'project_memberships', table: s.projectMembers, by: [s.projectMembers.userId] },
  { kind: 'project_tasks', table: s.projectTasks, by: [s.projectTasks.ownerId, s.projectTasks.createdBy] },
  { kind: 'project_outputs', table: s.projectOutputs, by: [s.projectOutputs.createdBy] },
  {
    kind: 'succession_nominations',
    table: s.successionNominations,
    by: [s.successionNominations.nomineeId, s.successionNominations.nominatedBy],
  },
  { kind: 'succession_objections', table: s.successionObjections, by: [s.successionObjections.userId] },
  { kind: 'succession_voting_rights', table: s.successionVoters, by: [s.successionVoters.userId] },
  {
    kind: 'successions',
    table: s.successions,
    by: [s.successions.outgoingId, s.successions.candidateId, s.successions.successorId],
  },
  { kind: 'notifications', table: s.notifications, by: [s.notifications.userId] },
  { kind: 'digests', table: s.digests, by: [s.digests.userId] },
  { kind: 'activity', table: s.activityEvents, by: [s.activityEvents.actorId] },
  { kind: 'participation_days', table: s.communityMemberDays, by: [s.communityMemberDays.userId] },
  { kind: 'participation', table: s.communityMemberActivity, by: [s.communityMemberActivity.userId] },
  { kind: 'audit_log', table: s.auditLog, by: [s.auditLog.actorId] },
  {
    kind: 'data_exports',
    table: s.dataExports,
    by: [s.dataExports.userId, s.dataExports.requestedBy],
    omit: ['tokenHash', 'storageKey'],
  },
];

/**
 * Tables with a user id column whose rows are not exported, and why (the column names as in the
 * database, `table.column`).
 */
export const excludedFromExport: Record<string, string> = {
  'email_tokens.user_id':
    'One-time links for sign-in, password reset and address checks: secrets that expire.',
  'signin_challenges.user_id': 'A sign-in half done (two-factor step): short-lived and secret.',
  'sso_pending_links.user_id': 'A single sign-on link waiting for the password: short-lived and secret.',
  'two_factor_recovery_codes.user_id':
    'Recovery codes are secrets (stored hashed); the export says whether two-factor is on.',
  'ping_answer_links.user_id':
    'One-click answer links of Ping emails: secrets; the answers themselves are exported.',
  'calendar_feeds.user_id':
    "The private calendar feed's address is a secret; the meetings it lists are exported.",
  'mail_messages.user_id': 'The emails sent hold one-time links; what they said is in the notifications.',
  'meeting_reminders.user_id': 'Which reminders were sent: delivery bookkeeping; the RSVPs are exported.',
  'survey_reminders.user_id': 'Which check-in reminders were sent: delivery bookkeeping.',
  'succession_ballots.nominee_id':
    "Secret ballots: who voted is not kept with the vote, and the votes are the community's result.",
  'suggestion_dismissals.dismissed_by':
    "A leader's dismissed suggestions: screen state, not information about them.",
  'charter_template.updated_by':
    "The institution's template: the institution's record, kept in the audit log.",
  'community_milestones.note_by': "A community's milestone note: the community's record.",
  'community_stage_changes.changed_by':
    "A community's stage changes: the community's record, kept in the audit log.",
  'community_suspensions.suspended_by':
    "Suspensions of others by a leader: about those people; the leader's action is in the audit log.",
  'community_suspensions.lifted_by':
    "Suspensions of others by a leader: about those people; the leader's action is in the audit log.",
  'contact_requests.handled_by':
    'Requests of others that a coordinator handled: about those people; their replies are exported.',
  'join_requests.decided_by': "Others' join requests a leader decided: about those people.",
  'reports.decided_by':
    'Reports of others a moderator decided: moderation records; their moderation actions are exported.',
  'moderation_actions.subject_user_id':
    "Moderators' records of actions on the person: kept for the community; an administrator answers formal requests for them.",
  'resources.featured_by': "A leader's featuring of others' resources: about those resources.",
  'value_stories.featured_by': "A leader's featuring of others' stories: about those stories.",
  'leadership_terms.set_by': 'Terms of others a coordinator set: about those people.',
  'mentoring_pairs.closed_by': 'Who closed a pairing: the pairing itself is exported.',
  'circle_members.invited_by':
    "Who invited whom to a circle: the person's own circle memberships are exported.",
  'meeting_attendance.recorded_by': 'Attendance of others an organiser recorded: about those people.',
  'succession_objections.candidate_id':
    "Objections others raised to the person's candidacy: the objectors' data; the succession itself is exported.",
  'successions.decided_by': "A coordinator's decisions on others' successions: in the audit log.",
};

/** The person's rows of one kind, every column but those left out. */
export async function listPersonalRows(
  db: Db,
  kind: ExportedKind,
  userId: string,
): Promise<Record<string, unknown>[]> {
  const omitted = new Set(kind.omit ?? []);
  const columns = Object.fromEntries(
    Object.entries(getTableColumns(kind.table)).filter(([name]) => !omitted.has(name)),
  );
  const where = kind.where ? kind.where(userId) : or(...kind.by.map((column) => eq(column, userId)));
  return (await db.select(columns).from(kind.table).where(where)) as Record<string, unknown>[];
}

/** The storage keys of the person's uploads: their profile photo and the Toolkit files they uploaded. */
export async function listPersonalFiles(
  db: Db,
  userId: string,
): Promise<{ key: string; name: string; ext: string }[]> {
  const [person] = await db.select({ photo: s.users.photoPath }).from(s.users).where(eq(s.users.id, userId));
  const files = await db
    .select({ id: s.resources.id, key: s.resources.fileKey, name: s.resources.fileName })
    .from(s.resources)
    .where(eq(s.resources.authorId, userId));
  return [
    ...(person?.photo ? [{ key: person.photo, name: 'profile-photo', ext: path.extname(person.photo) }] : []),
    ...files.flatMap((file) =>
      file.key ? [{ key: file.key, name: `toolkit/${file.id}/${file.name ?? 'file'}`, ext: '' }] : [],
    ),
  ];
}
