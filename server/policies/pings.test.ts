import { describe, expect, it } from 'vitest';
import {
  active,
  allowed,
  archived,
  archivedRefusal,
  coLeader,
  coordinator,
  decisionCases,
  guest,
  leader,
  me,
  member,
  refused,
  suspendedLeader,
  suspendedMember,
  suspendedRefusal,
} from '../test/decisions.ts';
import type { Decision } from './decision.ts';
import { mayAnswerPing, mayCreatePing, mayExportPing, maySeePing, type PingSubject } from './pings.ts';

const onlyLeaders = refused('errors.pings.onlyLeaders');
const notAddressed = refused('errors.pings.notAddressed');
const hidden = refused('errors.notFound.ping', 'not_found');
const open: PingSubject = {
  open: true,
  anonymous: false,
  resultsVisibility: 'live',
  addressed: true,
  answered: false,
};
const answered = { ...open, answered: true };
const closed = { ...open, open: false };
const anonymousAnswered = { ...open, anonymous: true, answered: true };
const notMine = { ...open, addressed: false };

describe('who sends and manages Pings', () => {
  const cases: [string, Decision, Decision][] = [
    ['leader sends', mayCreatePing(me, active, leader), allowed],
    ['co-leader sends', mayCreatePing(me, active, coLeader), allowed],
    ['coordinator sends to any community', mayCreatePing(coordinator, active, null), allowed],
    ['member does not send', mayCreatePing(me, active, member), onlyLeaders],
    ['guest does not send', mayCreatePing(me, active, guest), onlyLeaders],
    ['suspended leader does not send', mayCreatePing(me, active, suspendedLeader), suspendedRefusal],
    ['nobody sends in an archived community', mayCreatePing(coordinator, archived, null), archivedRefusal],
    ['signed out', mayCreatePing(null, active, null), onlyLeaders],
    ['leader exports', mayExportPing(me, leader), allowed],
    ['coordinator exports', mayExportPing(coordinator, null), allowed],
    ['member does not export', mayExportPing(me, member), onlyLeaders],
    ['suspended leader does not export', mayExportPing(me, suspendedLeader), suspendedRefusal],
  ];
  it.each(decisionCases(cases))('%s', (_row, actual, expected) => expect(actual).toEqual(expected));
});

describe('who sees and answers a Ping', () => {
  const cases: [string, Decision, Decision][] = [
    ['recipient sees it', maySeePing(me, member, open), allowed],
    ['member it was not sent to does not', maySeePing(me, member, notMine), hidden],
    ['leader sees every Ping of the community', maySeePing(me, leader, notMine), allowed],
    ['coordinator sees it', maySeePing(coordinator, null, notMine), allowed],
    ['signed out does not', maySeePing(null, null, notMine), hidden],
    ['recipient answers while open', mayAnswerPing(me, active, member, open), allowed],
    ['recipient changes an answer', mayAnswerPing(me, active, member, answered), allowed],
    [
      'not after closing',
      mayAnswerPing(me, active, member, closed),
      refused('errors.pings.closed', 'conflict'),
    ],
    [
      'an anonymous answer is final',
      mayAnswerPing(me, active, member, anonymousAnswered),
      refused('errors.pings.anonymousFinal', 'conflict'),
    ],
    ['a member it was not sent to does not answer', mayAnswerPing(me, active, member, notMine), notAddressed],
    ['a leader it was not sent to does not answer', mayAnswerPing(me, active, leader, notMine), notAddressed],
    [
      'suspended recipient does not answer',
      mayAnswerPing(me, active, suspendedMember, open),
      suspendedRefusal,
    ],
    ['nobody answers in an archived community', mayAnswerPing(me, archived, member, open), archivedRefusal],
    ['signed out', mayAnswerPing(null, active, null, open), refused('errors.auth.signIn', 'unauthenticated')],
  ];
  it.each(decisionCases(cases))('%s', (_row, actual, expected) => expect(actual).toEqual(expected));
});
