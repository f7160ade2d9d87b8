import { describe, expect, it } from 'vitest';
import {
  active,
  allowed,
  archived,
  archivedRefusal,
  coordinator,
  decisionCases,
  leader,
  me,
  member,
  person,
  refused,
  suspendedLeader,
  suspendedMember,
  suspendedRefusal,
} from '../test/decisions.ts';
import type { MembershipSubject } from './communities.ts';
import type { Decision } from './decision.ts';
import {
  mayChangePost,
  mayLiftSuspension,
  mayMarkHelpful,
  mayModerateDiscussions,
  mayReact,
  mayReply,
  mayReport,
  mayStartThread,
  maySuspend,
  mayTakeBackReaction,
  type SuspensionTarget,
} from './discussions.ts';

const thread = { authorId: 'me', kind: 'discussion' as const, lockedAt: null, deletedAt: null };
const question = { ...thread, kind: 'question' as const };
const target = (
  userId: string,
  accountRole: SuspensionTarget['accountRole'],
  membership: MembershipSubject,
): SuspensionTarget => ({
  userId,
  accountRole,
  membership,
});

describe('suspended members read but do not take part', () => {
  const cases: [string, Decision, Decision][] = [
    ['member starts a thread', mayStartThread(me, active, member, 'discussion'), allowed],
    [
      'suspended member starts a thread',
      mayStartThread(me, active, suspendedMember, 'discussion'),
      suspendedRefusal,
    ],
    [
      'suspended leader announces',
      mayStartThread(me, active, suspendedLeader, 'announcement'),
      suspendedRefusal,
    ],
    ['member replies', mayReply(me, active, member, thread), allowed],
    ['suspended member replies', mayReply(me, active, suspendedMember, thread), suspendedRefusal],
    ['suspended member reacts', mayReact(me, active, suspendedMember), suspendedRefusal],
    ['suspended member reports', mayReport(me, active, suspendedMember), suspendedRefusal],
    [
      'suspended member edits own post',
      mayChangePost(me, active, suspendedMember, { authorId: 'me' }),
      suspendedRefusal,
    ],
    ['member edits own post', mayChangePost(me, active, member, { authorId: 'me' }), allowed],
    [
      'suspended co-leader moderates',
      mayModerateDiscussions(me, active, suspendedLeader),
      refused('errors.moderation.onlyManagers'),
    ],
    ['coordinator (not a member) replies', mayReply(coordinator, active, null, thread), allowed],
    ['asker marks the helpful answer', mayMarkHelpful(me, active, member, question), allowed],
    [
      'suspended asker marks the helpful answer',
      mayMarkHelpful(me, active, suspendedMember, question),
      refused('errors.discussions.onlyAskerMarks'),
    ],
    ['member takes back a reaction', mayTakeBackReaction(me, active, member), allowed],
    [
      'suspended member takes back a reaction',
      mayTakeBackReaction(me, active, suspendedMember),
      suspendedRefusal,
    ],
    [
      'reaction taken back in an archived community',
      mayTakeBackReaction(me, archived, member),
      archivedRefusal,
    ],
  ];
  it.each(decisionCases(cases))('%s', (_row, actual, expected) => expect(actual).toEqual(expected));
});

describe('who suspends whom', () => {
  const lead = person('member', 'lead');
  const onlyManagers = refused('errors.suspensions.onlyManagers');
  const cases: [string, Decision, Decision][] = [
    ['leader suspends a member', maySuspend(lead, active, leader, target('m', 'member', member)), allowed],
    [
      'leader suspends themselves',
      maySuspend(lead, active, leader, target('lead', 'member', leader)),
      refused('errors.suspensions.notYourself'),
    ],
    [
      'leader suspends a co-leader',
      maySuspend(lead, active, leader, target('c', 'member', suspendedLeader)),
      refused('errors.suspensions.leadersByCoordinator'),
    ],
    [
      'leader suspends a coordinator',
      maySuspend(lead, active, leader, target('x', 'coordinator', member)),
      refused('errors.suspensions.notCoordinators'),
    ],
    [
      'leader in an archived community',
      maySuspend(lead, archived, leader, target('m', 'member', member)),
      archivedRefusal,
    ],
    [
      'member suspends a member',
      maySuspend(lead, active, member, target('m', 'member', member)),
      onlyManagers,
    ],
    [
      'suspended co-leader suspends',
      maySuspend(lead, active, suspendedLeader, target('m', 'member', member)),
      onlyManagers,
    ],
    [
      'coordinator suspends a leader',
      maySuspend(coordinator, active, null, target('l', 'member', leader)),
      allowed,
    ],
    [
      'coordinator suspends an administrator',
      maySuspend(coordinator, active, null, target('ad', 'administrator', member)),
      refused('errors.suspensions.notCoordinators'),
    ],
    ['anonymous', maySuspend(null, active, null, target('m', 'member', member)), onlyManagers],
    ['leader lifts', mayLiftSuspension(lead, active, leader, { userId: 'm' }), allowed],
    [
      'suspended person lifts their own',
      mayLiftSuspension(person('member', 'm'), active, member, { userId: 'm' }),
      refused('errors.suspensions.onlyManagersLift'),
    ],
    ['coordinator lifts', mayLiftSuspension(coordinator, active, null, { userId: 'm' }), allowed],
  ];
  it.each(decisionCases(cases))('%s', (_row, actual, expected) => expect(actual).toEqual(expected));
});
