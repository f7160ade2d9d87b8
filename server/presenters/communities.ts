import { type CharterSectionKey, charterSectionKeys, type MembershipRole } from '../../common/enums.ts';
import type { Locale } from '../../common/i18n/locales.ts';
import { renderMarkdown } from '../../common/markdown.ts';
import type { DecisionProcess } from '../../common/succession-enums.ts';
import type { Actor } from '../lib/actor.ts';
import { isMessageId, translate } from '../lib/i18n.ts';
import {
  mayChangeStage,
  mayJoinCommunity,
  mayLeaveCommunity,
  mayManageCommunity,
  mayRequestToJoin,
  maySeeMembers,
  seesLeaderlessNotice,
} from '../policies/communities.ts';
import { isAllowed } from '../policies/decision.ts';
import { mayStartThread } from '../policies/discussions.ts';
import { mayScheduleMeeting } from '../policies/meetings.ts';
import { mayCreatePing } from '../policies/pings.ts';
import type { CommunityRow, LeaderRow, NextMeetingJson } from '../queries/communities.ts';
import type { findCommunityHome } from '../queries/community-home.ts';
import type { DirectoryRow } from '../queries/directory.ts';

const photoUrl = (person: { id: string; photoPath: string | null; updatedAt: Date }) =>
  person.photoPath ? `/api/people/${person.id}/photo?v=${person.updatedAt.getTime()}` : null;

export function presentLeader(leader: LeaderRow) {
  return {
    id: leader.id,
    displayName: leader.displayName,
    photoUrl: photoUrl(leader),
    role: leader.role,
  };
}

/** A directory card: purpose (with matched words marked when searching), leaders, size, stage. */
export function presentCommunityCard(row: DirectoryRow, leaders: LeaderRow[]) {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    kind: row.kind,
    purpose: row.purpose,
    /** The purpose as HTML-escaped text with <mark> around matched words; empty without a search. */
    purposeHighlight: row.highlight ? escapeExceptMarks(row.highlight) : '',
    topics: row.topics,
    unit: row.unitId ? { id: row.unitId, name: row.unitName ?? '' } : null,
    audience: row.audience,
    format: row.format,
    visibility: row.visibility,
    joinPolicy: row.joinPolicy,
    stage: row.stage,
    memberCount: row.memberCount,
    leaders: leaders.map(presentLeader),
    nextMeeting: row.nextMeeting ? presentNextMeeting(row.nextMeeting) : null,
    lastActivityAt: row.lastActivityAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
  };
}

/** A meeting built as JSON in SQL (times in epoch milliseconds), as cards and the home page show it. */
export function presentNextMeeting(meeting: NextMeetingJson) {
  return {
    id: meeting.id,
    title: meeting.title,
    kind: meeting.kind,
    startsAt: new Date(Number(meeting.startsAt)).toISOString(),
    endsAt: new Date(Number(meeting.endsAt)).toISOString(),
    timeZone: meeting.timeZone,
  };
}

/** ts_headline returns the text as it is with <mark> tags added: escape everything but those tags. */
export function escapeExceptMarks(text: string): string {
  return text
    .split(/(<mark>|<\/mark>)/)
    .map((part) =>
      part === '<mark>' || part === '</mark>'
        ? part
        : part
            .replaceAll('&', '&amp;')
            .replaceAll('<', '&lt;')
            .replaceAll('>', '&gt;')
            .replaceAll('"', '&quot;'),
    )
    .join('');
}

/** The community itself, for its home page and edit form. */
export function presentCommunity(community: CommunityRow, unitName: string | null) {
  return {
    id: community.id,
    slug: community.slug,
    name: community.name,
    kind: community.kind,
    purpose: community.purpose,
    description: community.description,
    descriptionHtml: renderMarkdown(community.description),
    intendedMembers: community.intendedMembers,
    meetingPlan: community.meetingPlan,
    topics: community.topics,
    unit: community.unitId ? { id: community.unitId, name: unitName ?? '' } : null,
    audience: community.audience,
    format: community.format,
    visibility: community.visibility,
    joinPolicy: community.joinPolicy,
    requireGuidelines: community.requireGuidelines,
    meetingSchedulers: community.meetingSchedulers,
    stage: community.stage,
    memberCount: community.memberCount,
    lastActivityAt: community.lastActivityAt.toISOString(),
    createdAt: community.createdAt.toISOString(),
  };
}

export function presentMember(row: {
  id: string;
  displayName: string;
  photoPath: string | null;
  updatedAt: Date;
  pronouns: string;
  unitName: string | null;
  role: MembershipRole;
  joinedAt: Date;
}) {
  return {
    id: row.id,
    displayName: row.displayName,
    pronouns: row.pronouns,
    photoUrl: photoUrl(row),
    unitName: row.unitName,
    role: row.role,
    joinedAt: row.joinedAt.toISOString(),
  };
}

/**
 * A charter version's or stage change's note in `locale`: Copse's own notes ("Community created.") are
 * stored as message ids (communities.note.*) and written out here; what people wrote is left as it is.
 */
export function noteText(note: string, locale: Locale): string {
  return note.startsWith('communities.note.') && isMessageId(note) ? translate(locale, note) : note;
}

/** Charter sections as stored, completed with every section (empty when missing), and as safe HTML. */
export function presentCharter(
  charter: {
    version: number;
    sections: Record<string, string>;
    note: string;
    createdAt: string | Date;
    editorName: string | null;
    decisionProcess: DecisionProcess;
    objectionDays: number;
    votingDays: number;
  },
  locale: Locale,
) {
  const sections = Object.fromEntries(
    charterSectionKeys.map((key) => [key, charter.sections[key] ?? '']),
  ) as Record<CharterSectionKey, string>;
  const sectionsHtml = Object.fromEntries(
    charterSectionKeys.map((key) => [key, renderMarkdown(sections[key])]),
  ) as Record<CharterSectionKey, string>;
  return {
    version: charter.version,
    sections,
    sectionsHtml,
    note: noteText(charter.note, locale),
    createdAt: new Date(charter.createdAt).toISOString(),
    editorName: charter.editorName,
    decision: {
      process: charter.decisionProcess,
      objectionDays: charter.objectionDays,
      votingDays: charter.votingDays,
    },
  };
}

/** The community home page: the community, its leaders, charter and what the viewer may do. */
export function presentCommunityHome(
  home: NonNullable<Awaited<ReturnType<typeof findCommunityHome>>>,
  actor: Actor | null,
  locale: Locale,
) {
  const { community, membership } = home;
  const requestStatus = (home.ownRequestStatus ?? null) as
    | 'pending'
    | 'approved'
    | 'declined'
    | 'withdrawn'
    | null;
  return {
    community: presentCommunity(community, home.unitName),
    leaders: home.leaders.map((leader) =>
      presentLeader({ ...leader, communityId: community.id, updatedAt: new Date(leader.updatedAt) }),
    ),
    charter: home.charter ? presentCharter(home.charter, locale) : null,
    upcomingMeetings: home.upcomingMeetings.map((meeting) => ({
      ...presentNextMeeting(meeting),
      status: meeting.status ?? 'scheduled',
    })),
    viewer: {
      role: membership?.role ?? null,
      requestStatus,
      canJoin: isAllowed(mayJoinCommunity(actor, community, membership)),
      canRequest: isAllowed(mayRequestToJoin(actor, community, membership)) && requestStatus !== 'pending',
      canLeave: isAllowed(mayLeaveCommunity(community, membership)),
      canManage: isAllowed(mayManageCommunity(actor, community, membership)),
      canSeeMembers: isAllowed(maySeeMembers(actor, community, membership)),
      canChangeStage: isAllowed(mayChangeStage(actor, community, membership)),
      canScheduleMeeting: isAllowed(mayScheduleMeeting(actor, community, membership)),
      /** Suspended from this community by its leaders: reads, but does not post. */
      suspended: membership?.suspended === true,
      canStartThread: isAllowed(mayStartThread(actor, community, membership, 'discussion')),
      canAnnounce: isAllowed(mayStartThread(actor, community, membership, 'announcement')),
      canSendPing: isAllowed(mayCreatePing(actor, community, membership)),
      leaderless: home.leaderless && seesLeaderlessNotice(actor, community, membership),
    },
  };
}
