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
import {
  mayAnswerSurvey,
  mayCreateSurvey,
  mayExportSurvey,
  mayManageActionItems,
  maySeeActionItems,
  maySeeSurvey,
  type SurveySubject,
  seesSurveyResults,
} from './surveys.ts';

const onlyLeaders = refused('errors.surveys.onlyLeaders');
const notInvited = refused('errors.surveys.notInvited');
const hidden = refused('errors.notFound.survey', 'not_found');
const open: SurveySubject = {
  open: true,
  anonymous: false,
  shareResults: true,
  invited: true,
  answered: false,
  invitedEver: true,
};
const answered = { ...open, answered: true };
const closed = { ...open, open: false };
const anonymousAnswered = { ...open, anonymous: true, answered: true };
const notMine = { ...open, invited: false, invitedEver: false };
const askedBefore = { ...open, invited: false };

describe('who runs check-ins and action items', () => {
  const cases: [string, Decision, Decision][] = [
    ['leader creates', mayCreateSurvey(me, active, leader), allowed],
    ['co-leader creates', mayCreateSurvey(me, active, coLeader), allowed],
    ['coordinator creates in any community', mayCreateSurvey(coordinator, active, null), allowed],
    ['member does not create', mayCreateSurvey(me, active, member), onlyLeaders],
    ['guest does not create', mayCreateSurvey(me, active, guest), onlyLeaders],
    ['suspended leader does not create', mayCreateSurvey(me, active, suspendedLeader), suspendedRefusal],
    [
      'nobody creates in an archived community',
      mayCreateSurvey(coordinator, archived, null),
      archivedRefusal,
    ],
    ['leader exports', mayExportSurvey(me, leader), allowed],
    ['member does not export', mayExportSurvey(me, member), onlyLeaders],
    ['suspended leader does not export', mayExportSurvey(me, suspendedLeader), suspendedRefusal],
    ['leader records an action item', mayManageActionItems(me, active, leader), allowed],
    [
      'member does not record one',
      mayManageActionItems(me, active, member),
      refused('errors.actionItems.onlyLeaders'),
    ],
    ['nobody records one when archived', mayManageActionItems(me, archived, leader), archivedRefusal],
    ['member reads action items', maySeeActionItems(me, member), allowed],
    ['suspended member reads them', maySeeActionItems(me, suspendedMember), allowed],
    ['coordinator reads them', maySeeActionItems(coordinator, null), allowed],
    ['non-member does not', maySeeActionItems(me, null), refused('errors.actionItems.membersOnly')],
  ];
  it.each(decisionCases(cases))('%s', (_row, actual, expected) => expect(actual).toEqual(expected));
});

describe('who sees and answers a check-in', () => {
  const cases: [string, Decision, Decision][] = [
    ['someone asked sees it', maySeeSurvey(me, member, open), allowed],
    ['someone asked in an earlier round sees it', maySeeSurvey(me, member, askedBefore), allowed],
    ['a member never asked does not', maySeeSurvey(me, member, notMine), hidden],
    ['a leader sees every check-in', maySeeSurvey(me, leader, notMine), allowed],
    ['a coordinator sees it', maySeeSurvey(coordinator, null, notMine), allowed],
    ['someone asked answers while open', mayAnswerSurvey(me, active, member, open), allowed],
    ['a named answer is changed', mayAnswerSurvey(me, active, member, answered), allowed],
    [
      'not after closing',
      mayAnswerSurvey(me, active, member, closed),
      refused('errors.surveys.closed', 'conflict'),
    ],
    [
      'an anonymous answer is final',
      mayAnswerSurvey(me, active, member, anonymousAnswered),
      refused('errors.surveys.anonymousFinal', 'conflict'),
    ],
    ['not asked in this round', mayAnswerSurvey(me, active, member, askedBefore), notInvited],
    [
      'suspended member does not answer',
      mayAnswerSurvey(me, active, suspendedMember, open),
      suspendedRefusal,
    ],
    ['nobody answers when archived', mayAnswerSurvey(me, archived, member, open), archivedRefusal],
    [
      'signed out',
      mayAnswerSurvey(null, active, null, open),
      refused('errors.auth.signIn', 'unauthenticated'),
    ],
  ];
  it.each(decisionCases(cases))('%s', (_row, actual, expected) => expect(actual).toEqual(expected));

  it('shows results to leaders always, to those asked once they answered or it closed, if shared', () => {
    expect(seesSurveyResults(me, leader, notMine)).toBe(true);
    expect(seesSurveyResults(coordinator, null, notMine)).toBe(true);
    expect(seesSurveyResults(me, member, open)).toBe(false);
    expect(seesSurveyResults(me, member, answered)).toBe(true);
    expect(seesSurveyResults(me, member, closed)).toBe(true);
    expect(seesSurveyResults(me, member, { ...answered, shareResults: false })).toBe(false);
    expect(seesSurveyResults(me, member, notMine)).toBe(false);
  });
});
