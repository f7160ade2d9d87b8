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
  sponsor,
  suspendedLeader,
  suspendedMember,
  suspendedRefusal,
} from '../test/decisions.ts';
import type { Decision } from './decision.ts';
import {
  mayChangeStory,
  mayCurateStories,
  mayDismissSuggestion,
  mayRecordStory,
  maySeeStories,
  maySeeStory,
  maySeeSuggestions,
  type StorySubject,
} from './stories.ts';

const membersOnly = refused('stories.errors.membersOnly');
const onlyAuthor = refused('stories.errors.onlyAuthor');
const onlyLeaders = refused('stories.errors.onlyLeaders');
const suggestionsForLeaders = refused('suggestions.errors.onlyLeaders');
const gone = refused('stories.errors.notFound', 'not_found');
const mine: StorySubject = { authorId: 'me', status: 'published' };
const theirs: StorySubject = { authorId: 'someone', status: 'published' };
const hiddenTheirs: StorySubject = { ...theirs, status: 'hidden' };
const hiddenMine: StorySubject = { ...mine, status: 'hidden' };

describe('who reads, records and curates value stories', () => {
  const cases: [string, Decision, Decision][] = [
    ['a member reads the stories', maySeeStories(me, member), allowed],
    ['a sponsor reads them', maySeeStories(me, sponsor), allowed],
    ['a member suspended from the community still reads', maySeeStories(me, suspendedMember), allowed],
    ['a coordinator reads any community’s', maySeeStories(coordinator, null), allowed],
    ['someone outside the community does not', maySeeStories(me, null), membersOnly],
    ['a member reads a published story', maySeeStory(me, member, theirs), allowed],
    ['a hidden story is gone for other members', maySeeStory(me, member, hiddenTheirs), gone],
    ['its author still reads it', maySeeStory(me, member, hiddenMine), allowed],
    ['a leader reads hidden ones', maySeeStory(me, leader, hiddenTheirs), allowed],
    ['so does a suspended leader', maySeeStory(me, suspendedLeader, hiddenTheirs), allowed],
    ['a story is gone for outsiders', maySeeStory(me, null, theirs), gone],
    ['a member records', mayRecordStory(me, active, member), allowed],
    ['a guest records', mayRecordStory(me, active, guest), allowed],
    ['a coordinator records', mayRecordStory(coordinator, active, null), allowed],
    ['an outsider does not', mayRecordStory(me, active, null), membersOnly],
    ['a suspended member does not', mayRecordStory(me, active, suspendedMember), suspendedRefusal],
    ['nobody records in an archived community', mayRecordStory(me, archived, member), archivedRefusal],
    ['the author edits', mayChangeStory(me, active, member, mine), allowed],
    ['a leader does not edit another’s words', mayChangeStory(me, active, leader, theirs), onlyAuthor],
    ['a suspended author does not', mayChangeStory(me, active, suspendedMember, mine), suspendedRefusal],
    ['nor in an archived community', mayChangeStory(me, archived, member, mine), archivedRefusal],
    ['a leader curates', mayCurateStories(me, active, leader), allowed],
    ['a co-leader curates', mayCurateStories(me, active, coLeader), allowed],
    ['a coordinator curates', mayCurateStories(coordinator, active, null), allowed],
    ['a member does not', mayCurateStories(me, active, member), onlyLeaders],
    ['a suspended leader does not', mayCurateStories(me, active, suspendedLeader), suspendedRefusal],
  ];
  it.each(decisionCases(cases))('%s', (_row, actual, expected) => expect(actual).toEqual(expected));
});

describe('who sees and dismisses suggestions', () => {
  const cases: [string, Decision, Decision][] = [
    ['a leader sees them', maySeeSuggestions(me, leader), allowed],
    ['a coordinator sees them', maySeeSuggestions(coordinator, null), allowed],
    ['a member does not', maySeeSuggestions(me, member), suggestionsForLeaders],
    ['a sponsor does not', maySeeSuggestions(me, sponsor), suggestionsForLeaders],
    ['a suspended leader does not', maySeeSuggestions(me, suspendedLeader), suspendedRefusal],
    ['a leader dismisses', mayDismissSuggestion(me, active, leader), allowed],
    ['not in an archived community', mayDismissSuggestion(me, archived, leader), archivedRefusal],
    ['a member does not dismiss', mayDismissSuggestion(me, active, member), suggestionsForLeaders],
  ];
  it.each(decisionCases(cases))('%s', (_row, actual, expected) => expect(actual).toEqual(expected));
});
