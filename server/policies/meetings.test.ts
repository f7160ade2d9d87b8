import { describe, expect, it } from 'vitest';
import {
  active,
  allowed,
  archivedRefusal,
  coLeader,
  coordinator,
  decisionCases,
  guest,
  leader,
  me,
  member,
  onlyManagers,
  type Row,
  refused,
  suspendedLeader,
  suspendedMember,
  suspendedRefusal,
} from '../test/decisions.ts';
import type { MembershipSubject } from './communities.ts';
import type { Decision } from './decision.ts';
import {
  isVolunteering,
  type MeetingCommunitySubject,
  type MeetingSubject,
  mayAssignMeetingRoles,
  mayCancelMeeting,
  mayChangeMeeting,
  mayChangeRoleHolder,
  mayManageActivityRoles,
  mayRsvp,
  mayScheduleMeeting,
  maySeeMeeting,
  maySeeResponses,
  maySeeRoleSuggestions,
  mayTakeAttendance,
  mayVolunteer,
  type RoleChange,
} from './meetings.ts';

const leadersSchedule: MeetingCommunitySubject = { ...active, meetingSchedulers: 'leaders' };
const membersSchedule: MeetingCommunitySubject = { ...active, meetingSchedulers: 'members' };
const archived: MeetingCommunitySubject = { ...membersSchedule, stage: 'archived' };
const privateOne: MeetingCommunitySubject = { ...leadersSchedule, visibility: 'private' };

const mine: MeetingSubject = {
  createdBy: 'me',
  status: 'scheduled',
  startsAt: new Date('2026-12-10T10:00:00Z'),
  endsAt: new Date('2026-12-10T11:00:00Z'),
};
const theirs: MeetingSubject = { ...mine, createdBy: 'someone' };

const joinToTakeRole = refused('errors.meetings.joinToTakeRole');

describe('maySeeMeeting: whoever sees the community (404 otherwise)', () => {
  const rows: Row<MeetingCommunitySubject>[] = [
    ['staff, institution-only', me, leadersSchedule, null, allowed],
    ['staff, private', me, privateOne, null, refused('errors.notFound.meeting', 'not_found')],
    ['member, private', me, privateOne, member, allowed],
    ['coordinator, private', coordinator, privateOne, null, allowed],
  ];
  it.each(decisionCases(rows, maySeeMeeting))('%s', (_row, actual, expected) =>
    expect(actual).toEqual(expected),
  );
});

describe('mayScheduleMeeting: leaders, and full members where the community says so', () => {
  const onlyLeaders = refused('errors.meetings.onlyLeadersSchedule');
  const rows: Row<MeetingCommunitySubject>[] = [
    ['leader, leaders schedule', me, leadersSchedule, leader, allowed],
    ['co-leader, leaders schedule', me, leadersSchedule, coLeader, allowed],
    ['member, leaders schedule', me, leadersSchedule, member, onlyLeaders],
    ['member, members schedule', me, membersSchedule, member, allowed],
    ['guest, members schedule', me, membersSchedule, guest, onlyLeaders],
    ['suspended member, members schedule', me, membersSchedule, suspendedMember, suspendedRefusal],
    ['suspended co-leader', me, leadersSchedule, suspendedLeader, suspendedRefusal],
    ['not a member', me, membersSchedule, null, onlyLeaders],
    ['coordinator', coordinator, leadersSchedule, null, allowed],
    ['leader, archived', me, archived, leader, archivedRefusal],
    ['suspended member, archived', me, archived, suspendedMember, archivedRefusal],
    ['anonymous', null, membersSchedule, null, onlyLeaders],
  ];
  it.each(decisionCases(rows, mayScheduleMeeting))('%s', (_row, actual, expected) =>
    expect(actual).toEqual(expected),
  );
});

describe('mayChangeMeeting and mayCancelMeeting: leaders, coordinators and the organiser', () => {
  const change = refused('errors.meetings.onlyOrganisersChange');
  const cancel = refused('errors.meetings.onlyOrganisersCancel');
  const rows: [string, MembershipSubject, MeetingSubject, Decision, Decision][] = [
    ['leader', leader, theirs, allowed, allowed],
    ['organiser (a member)', member, mine, allowed, allowed],
    ['another member', member, theirs, change, cancel],
    ['suspended organiser', suspendedMember, mine, suspendedRefusal, suspendedRefusal],
    ['organiser who left', null, mine, change, cancel],
    ['suspended co-leader', suspendedLeader, theirs, suspendedRefusal, suspendedRefusal],
  ];
  it.each(
    decisionCases(
      rows,
      (membership, meeting) => mayChangeMeeting(me, leadersSchedule, membership, meeting),
      (membership, meeting) => mayCancelMeeting(me, leadersSchedule, membership, meeting),
    ),
  )('%s', (_row, actual, expected) => expect(actual).toEqual(expected));
  it('lets coordinators change and cancel any meeting, and nobody in an archived community', () => {
    expect(mayChangeMeeting(coordinator, leadersSchedule, null, theirs)).toEqual(allowed);
    expect(mayCancelMeeting(coordinator, leadersSchedule, null, theirs)).toEqual(allowed);
    expect(mayChangeMeeting(me, archived, leader, mine)).toEqual(archivedRefusal);
    expect(mayCancelMeeting(coordinator, archived, null, mine)).toEqual(archivedRefusal);
  });
});

describe('mayRsvp: members of the community answer', () => {
  const joinToAnswer = refused('errors.meetings.joinToAnswer');
  const rows: Row[] = [
    ['member', me, active, member, allowed],
    ['guest', me, active, guest, allowed],
    ['leader', me, active, leader, allowed],
    ['suspended member', me, active, suspendedMember, suspendedRefusal],
    ['not a member', me, active, null, joinToAnswer],
    ['coordinator, not a member', coordinator, active, null, joinToAnswer],
    ['member, archived', me, archived, member, archivedRefusal],
  ];
  it.each(decisionCases(rows, mayRsvp))('%s', (_row, actual, expected) => expect(actual).toEqual(expected));
});

describe("maySeeResponses and maySeeRoleSuggestions: members' and coordinators' business", () => {
  const answers = refused('errors.meetings.onlyMembersSeeAnswers');
  const suggestions = refused('errors.meetings.onlyMembersSeeSuggestions');
  const rows: [...Row, Decision][] = [
    ['member', me, active, member, allowed, allowed],
    ['suspended member', me, active, suspendedMember, allowed, allowed],
    ['member, archived', me, archived, member, allowed, allowed],
    ['not a member', me, active, null, answers, suggestions],
    ['coordinator', coordinator, active, null, allowed, allowed],
    ['anonymous', null, active, null, answers, suggestions],
  ];
  it.each(
    decisionCases(
      rows,
      (actor, _community, membership) => maySeeResponses(actor, membership),
      (actor, _community, membership) => maySeeRoleSuggestions(actor, membership),
    ),
  )('%s', (_row, actual, expected) => expect(actual).toEqual(expected));
});

describe('mayAssignMeetingRoles and mayTakeAttendance: who edits the meeting, and its host', () => {
  const giveRoles = refused('errors.meetings.onlyLeadersGiveRoles');
  const record = refused('errors.meetings.onlyHostRecords');
  type HostRow = Row<
    MeetingCommunitySubject,
    [meeting: MeetingSubject, isHost: boolean],
    [expected: Decision, expectedAttendance: Decision]
  >;
  const rows: HostRow[] = [
    ['leader', me, leadersSchedule, leader, theirs, false, allowed, allowed],
    ['host (a member)', me, leadersSchedule, member, theirs, true, allowed, allowed],
    ['organiser (a member)', me, leadersSchedule, member, mine, false, allowed, allowed],
    ['member', me, leadersSchedule, member, theirs, false, giveRoles, record],
    [
      'suspended host',
      me,
      leadersSchedule,
      suspendedMember,
      theirs,
      true,
      suspendedRefusal,
      suspendedRefusal,
    ],
    ['host who left', me, leadersSchedule, null, theirs, true, giveRoles, record],
    ['coordinator', coordinator, leadersSchedule, null, theirs, false, allowed, allowed],
    ['host, archived', me, archived, member, theirs, true, archivedRefusal, archivedRefusal],
  ];
  it.each(decisionCases(rows, mayAssignMeetingRoles, mayTakeAttendance))('%s', (_row, actual, expected) =>
    expect(actual).toEqual(expected),
  );
});

describe('mayVolunteer: full members take an open role', () => {
  const rows: Row[] = [
    ['member', me, active, member, allowed],
    ['leader', me, active, leader, allowed],
    ['guest', me, active, guest, joinToTakeRole],
    ['suspended member', me, active, suspendedMember, suspendedRefusal],
    ['coordinator, not a member', coordinator, active, null, joinToTakeRole],
    ['member, archived', me, archived, member, archivedRefusal],
  ];
  it.each(decisionCases(rows, mayVolunteer))('%s', (_row, actual, expected) =>
    expect(actual).toEqual(expected),
  );
});

describe('mayChangeRoleHolder: volunteering, stepping back and assigning', () => {
  const open = (userId: string | null): RoleChange => ({ userId, holder: null });
  const heldBy = (holderId: string, userId: string | null): RoleChange => ({
    userId,
    holder: { userId: holderId },
  });
  const rows: [string, MembershipSubject, boolean, MeetingCommunitySubject, RoleChange, Decision][] = [
    ['member takes an open role', member, false, leadersSchedule, open('me'), allowed],
    ['member takes the role they hold', member, false, leadersSchedule, heldBy('me', 'me'), allowed],
    ['member steps back', member, false, leadersSchedule, heldBy('me', null), allowed],
    [
      'member takes a role someone holds',
      member,
      false,
      leadersSchedule,
      heldBy('x', 'me'),
      refused('errors.meetings.roleTaken'),
    ],
    [
      'member clears a role someone holds',
      member,
      false,
      leadersSchedule,
      heldBy('x', null),
      refused('errors.meetings.roleTaken'),
    ],
    [
      'member gives an open role',
      member,
      false,
      leadersSchedule,
      open('x'),
      refused('errors.meetings.onlyLeadersGiveRoles'),
    ],
    ['guest takes an open role', guest, false, leadersSchedule, open('me'), joinToTakeRole],
    [
      'suspended member steps back',
      suspendedMember,
      false,
      leadersSchedule,
      heldBy('me', null),
      suspendedRefusal,
    ],
    ['host gives a role someone holds', member, true, leadersSchedule, heldBy('x', 'y'), allowed],
    ['host (a guest) takes an open role', guest, true, leadersSchedule, open('me'), allowed],
    ['leader clears a role', leader, false, leadersSchedule, heldBy('x', null), allowed],
    ['member takes an open role, archived', member, false, archived, open('me'), archivedRefusal],
  ];
  it.each(
    decisionCases(rows, (membership, isHost, community, change) =>
      mayChangeRoleHolder(me, community, membership, theirs, isHost, change),
    ),
  )('%s', (_row, actual, expected) => expect(actual).toEqual(expected));
  it('counts taking an open role, or one already held, as volunteering', () => {
    expect(isVolunteering(me, open('me'))).toBe(true);
    expect(isVolunteering(me, heldBy('me', 'me'))).toBe(true);
    expect(isVolunteering(me, heldBy('x', 'me'))).toBe(false);
    expect(isVolunteering(me, heldBy('me', null))).toBe(false);
    expect(isVolunteering(null, open('me'))).toBe(false);
  });
});

describe("mayManageActivityRoles: leaders define the community's roles", () => {
  const rows: Row[] = [
    ['leader', me, active, leader, allowed],
    ['member', me, active, member, onlyManagers],
    ['suspended co-leader', me, active, suspendedLeader, suspendedRefusal],
    ['coordinator', coordinator, active, null, allowed],
    ['leader, archived', me, archived, leader, archivedRefusal],
  ];
  it.each(decisionCases(rows, mayManageActivityRoles))('%s', (_row, actual, expected) =>
    expect(actual).toEqual(expected),
  );
});
