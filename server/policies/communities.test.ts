import { describe, expect, it } from 'vitest';
import type { Actor } from '../lib/actor.ts';
import {
  active,
  administrator,
  allowed,
  archived,
  archivedRefusal,
  coLeader,
  coordinator,
  decisionCases,
  external,
  guest,
  leader,
  me,
  member,
  onlyManagers,
  privateOne,
  type Row,
  refused,
  sponsor,
  suspendedLeader,
  suspendedMember,
} from '../test/decisions.ts';
import type { CommunitySubject } from './communities.ts';
import {
  mayChangeStage,
  mayHandleContactRequests,
  mayJoinCommunity,
  mayLeaveCommunity,
  mayManageCommunity,
  mayRequestToJoin,
  maySeeCommunity,
  maySeeInvitations,
  maySeeJoinRequests,
  maySeeMembers,
} from './communities.ts';
import type { Decision } from './decision.ts';

const publicOne: CommunitySubject = { ...active, visibility: 'public' };
const moderated: CommunitySubject = { ...active, joinPolicy: 'request' };
const invitationOnly: CommunitySubject = { ...active, joinPolicy: 'invitation' };
const archivedModerated: CommunitySubject = { ...moderated, stage: 'archived' };

const notFound = refused('errors.notFound.community', 'not_found');

describe('maySeeCommunity: who knows a community exists (404 otherwise)', () => {
  const rows: Row[] = [
    ['anonymous, public', null, publicOne, null, allowed],
    ['anonymous, institution-only', null, active, null, notFound],
    ['staff, institution-only', me, active, null, allowed],
    ['external guest, institution-only', external, active, null, notFound],
    ['external guest who belongs, institution-only', external, active, guest, allowed],
    ['staff, private', me, privateOne, null, notFound],
    ['member, private', me, privateOne, member, allowed],
    ['suspended member, private', me, privateOne, suspendedMember, allowed],
    ['coordinator, private', coordinator, privateOne, null, allowed],
    [
      'administrator, private and archived',
      administrator,
      { ...privateOne, stage: 'archived' },
      null,
      allowed,
    ],
  ];
  it.each(decisionCases(rows, maySeeCommunity))('%s', (_row, actual, expected) =>
    expect(actual).toEqual(expected),
  );
});

describe('maySeeMembers: the member list is for signed-in people who see the community', () => {
  const rows: Row[] = [
    [
      'anonymous, public',
      null,
      publicOne,
      null,
      refused('errors.communities.signInForMembers', 'unauthenticated'),
    ],
    ['staff, public', me, publicOne, null, allowed],
    ['external guest, institution-only', external, active, null, refused('errors.forbidden.generic')],
    ['member, private', me, privateOne, member, allowed],
    ['coordinator, archived', coordinator, archived, null, allowed],
  ];
  it.each(decisionCases(rows, maySeeMembers))('%s', (_row, actual, expected) =>
    expect(actual).toEqual(expected),
  );
});

describe('mayJoinCommunity: one click into an open community', () => {
  const rows: Row[] = [
    ['staff, open', me, active, null, allowed],
    ['staff, public and open', me, publicOne, null, allowed],
    ['staff, moderated', me, moderated, null, refused('errors.communities.moderatedAsk')],
    ['staff, invitation only', me, invitationOnly, null, refused('errors.communities.invitationOnly')],
    ['staff, archived', me, archived, null, archivedRefusal],
    ['member already', me, active, member, refused('errors.communities.invitationOnly')],
    [
      'external guest, institution-only',
      external,
      active,
      null,
      refused('errors.communities.invitationOnly'),
    ],
    ['anonymous, public', null, publicOne, null, refused('errors.communities.invitationOnly')],
  ];
  it.each(decisionCases(rows, mayJoinCommunity))('%s', (_row, actual, expected) =>
    expect(actual).toEqual(expected),
  );
});

describe('mayRequestToJoin: asking a moderated community', () => {
  const rows: Row[] = [
    ['staff, moderated', me, moderated, null, allowed],
    ['staff, open', me, active, null, refused('errors.communities.openJoinDirectly')],
    ['staff, invitation only', me, invitationOnly, null, refused('errors.communities.invitationOnly')],
    ['staff, archived and moderated', me, archivedModerated, null, archivedRefusal],
    ['member already', me, moderated, member, refused('errors.communities.invitationOnly')],
    ['coordinator, moderated', coordinator, moderated, null, allowed],
  ];
  it.each(decisionCases(rows, mayRequestToJoin))('%s', (_row, actual, expected) =>
    expect(actual).toEqual(expected),
  );
});

describe('mayLeaveCommunity: members leave while it is not archived', () => {
  const rows: Row[] = [
    ['member', me, active, member, allowed],
    ['leader', me, active, leader, allowed],
    ['suspended member', me, active, suspendedMember, allowed],
    ['member of an archived community', me, archived, member, archivedRefusal],
    ['not a member', me, active, null, refused('errors.communities.notMember', 'conflict')],
  ];
  it.each(decisionCases(rows, (_actor, community, membership) => mayLeaveCommunity(community, membership)))(
    '%s',
    (_row, actual, expected) => expect(actual).toEqual(expected),
  );
});

describe('mayManageCommunity: leaders and coordinators lead, not in an archived community', () => {
  const rows: Row[] = [
    ['leader', me, active, leader, allowed],
    ['co-leader', me, active, coLeader, allowed],
    ['suspended co-leader', me, active, suspendedLeader, onlyManagers],
    ['sponsor', me, active, sponsor, onlyManagers],
    ['member', me, active, member, onlyManagers],
    ['not a member', me, active, null, onlyManagers],
    ['anonymous', null, publicOne, null, onlyManagers],
    ['coordinator', coordinator, active, null, allowed],
    ['administrator', administrator, active, null, allowed],
    ['leader, archived', me, archived, leader, archivedRefusal],
    ['coordinator, archived', coordinator, archived, null, archivedRefusal],
    ['member, archived', me, archived, member, archivedRefusal],
  ];
  it.each(decisionCases(rows, mayManageCommunity))('%s', (_row, actual, expected) =>
    expect(actual).toEqual(expected),
  );
});

describe('maySeeJoinRequests and maySeeInvitations: for those who manage (one reason, archived or not)', () => {
  const requests = refused('errors.communities.onlyManagersSeeRequests');
  const invitations = refused('errors.invitations.onlyManagersSee');
  const rows: [...Row, expectedForInvitations: Decision][] = [
    ['leader', me, active, leader, allowed, allowed],
    ['member', me, active, member, requests, invitations],
    ['suspended co-leader', me, active, suspendedLeader, requests, invitations],
    ['coordinator', coordinator, active, null, allowed, allowed],
    ['leader, archived', me, archived, leader, requests, invitations],
  ];
  it.each(decisionCases(rows, maySeeJoinRequests, maySeeInvitations))('%s', (_row, actual, expected) =>
    expect(actual).toEqual(expected),
  );
});

describe('mayChangeStage: those who manage; coordinators also bring an archived community back', () => {
  const rows: Row[] = [
    ['leader', me, active, leader, allowed],
    ['member', me, active, member, onlyManagers],
    ['suspended co-leader', me, active, suspendedLeader, onlyManagers],
    ['coordinator', coordinator, active, null, allowed],
    ['coordinator, archived', coordinator, archived, null, allowed],
    ['administrator, archived', administrator, archived, null, allowed],
    ['leader, archived', me, archived, leader, archivedRefusal],
  ];
  it.each(decisionCases(rows, mayChangeStage))('%s', (_row, actual, expected) =>
    expect(actual).toEqual(expected),
  );
});

describe("mayHandleContactRequests: the coordinators' inbox", () => {
  const onlyCoordinators = refused('errors.contact.onlyCoordinators');
  const rows: [string, Actor | null, Decision][] = [
    ['anonymous', null, onlyCoordinators],
    ['member', me, onlyCoordinators],
    ['coordinator', coordinator, allowed],
    ['administrator', administrator, allowed],
  ];
  it.each(decisionCases(rows, mayHandleContactRequests))('%s', (_row, actual, expected) =>
    expect(actual).toEqual(expected),
  );
});
