import { describe, expect, it } from 'vitest';
import type { Actor } from '../lib/actor.ts';
import type { CommunitySubject, MembershipSubject } from './communities.ts';
import {
  canChangePost,
  canLiftSuspension,
  canMarkHelpful,
  canModerateDiscussions,
  canReact,
  canReply,
  canReport,
  canStartThread,
  canSuspend,
  canTakeBackReaction,
  type SuspensionTarget,
} from './discussions.ts';

const actor = (role: Actor['role'], id = 'a'): Actor => ({
  id,
  role,
  email: `${id}@x.test`,
  displayName: id,
  kind: 'staff',
  sessionId: 's',
});
const active: CommunitySubject = { visibility: 'institution', stage: 'maturing', joinPolicy: 'open' };
const archived: CommunitySubject = { ...active, stage: 'archived' };
const member: MembershipSubject = { role: 'member' };
const suspendedMember: MembershipSubject = { role: 'member', suspended: true };
const leader: MembershipSubject = { role: 'leader' };
const suspendedLeader: MembershipSubject = { role: 'co_leader', suspended: true };
const thread = { authorId: 'a', kind: 'discussion' as const, lockedAt: null, deletedAt: null };
const question = { ...thread, kind: 'question' as const };
const target = (
  userId: string,
  accountRole: Actor['role'],
  membership: MembershipSubject,
): SuspensionTarget => ({
  userId,
  accountRole,
  membership,
});

describe('suspended members read but do not take part', () => {
  const me = actor('member');
  const cases: [string, boolean, boolean][] = [
    ['member starts a thread', canStartThread(me, active, member, 'discussion'), true],
    ['suspended member starts a thread', canStartThread(me, active, suspendedMember, 'discussion'), false],
    ['suspended leader announces', canStartThread(me, active, suspendedLeader, 'announcement'), false],
    ['member replies', canReply(me, active, member, thread), true],
    ['suspended member replies', canReply(me, active, suspendedMember, thread), false],
    ['suspended member reacts', canReact(me, active, suspendedMember), false],
    ['suspended member reports', canReport(me, active, suspendedMember), false],
    ['suspended member edits own post', canChangePost(me, active, suspendedMember, { authorId: 'a' }), false],
    ['member edits own post', canChangePost(me, active, member, { authorId: 'a' }), true],
    ['suspended co-leader moderates', canModerateDiscussions(me, active, suspendedLeader), false],
    ['coordinator (not a member) replies', canReply(actor('coordinator'), active, null, thread), true],
    ['asker marks the helpful answer', canMarkHelpful(me, active, member, question), true],
    [
      'suspended asker marks the helpful answer',
      canMarkHelpful(me, active, suspendedMember, question),
      false,
    ],
    ['member takes back a reaction', canTakeBackReaction(me, active, member), true],
    ['suspended member takes back a reaction', canTakeBackReaction(me, active, suspendedMember), false],
    ['reaction taken back in an archived community', canTakeBackReaction(me, archived, member), false],
  ];
  it.each(cases)('%s', (_name, actual, expected) => {
    expect(actual).toBe(expected);
  });
});

describe('who suspends whom', () => {
  const lead = actor('member', 'lead');
  const coordinator = actor('coordinator', 'coord');
  const cases: [string, boolean, boolean][] = [
    ['leader suspends a member', canSuspend(lead, active, leader, target('m', 'member', member)), true],
    ['leader suspends themselves', canSuspend(lead, active, leader, target('lead', 'member', leader)), false],
    [
      'leader suspends a co-leader',
      canSuspend(lead, active, leader, target('c', 'member', suspendedLeader)),
      false,
    ],
    [
      'leader suspends a coordinator',
      canSuspend(lead, active, leader, target('x', 'coordinator', member)),
      false,
    ],
    [
      'leader in an archived community',
      canSuspend(lead, archived, leader, target('m', 'member', member)),
      false,
    ],
    ['member suspends a member', canSuspend(lead, active, member, target('m', 'member', member)), false],
    [
      'suspended co-leader suspends',
      canSuspend(lead, active, suspendedLeader, target('m', 'member', member)),
      false,
    ],
    [
      'coordinator suspends a leader',
      canSuspend(coordinator, active, null, target('l', 'member', leader)),
      true,
    ],
    [
      'coordinator suspends an administrator',
      canSuspend(coordinator, active, null, target('ad', 'administrator', member)),
      false,
    ],
    ['anonymous', canSuspend(null, active, null, target('m', 'member', member)), false],
    ['leader lifts', canLiftSuspension(lead, active, leader, { userId: 'm' }), true],
    [
      'suspended person lifts their own',
      canLiftSuspension(actor('member', 'm'), active, member, { userId: 'm' }),
      false,
    ],
    ['coordinator lifts', canLiftSuspension(coordinator, active, null, { userId: 'm' }), true],
  ];
  it.each(cases)('%s', (_name, actual, expected) => {
    expect(actual).toBe(expected);
  });
});
