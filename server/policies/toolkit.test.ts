import { describe, expect, it } from 'vitest';
import type { MessageId } from '../../common/i18n/message-id.ts';
import {
  active,
  allowed,
  archived,
  archivedRefusal,
  coLeader,
  coordinator,
  type Decide,
  decisionCases,
  guest,
  leader,
  me,
  member,
  privateOne,
  type Row,
  refused,
  suspendedLeader,
  suspendedMember,
} from '../test/decisions.ts';
import type { CommunitySubject } from './communities.ts';
import type { Decision } from './decision.ts';
import {
  mayAddResource,
  mayChangeResource,
  mayChangeResourceUse,
  mayCurateToolkit,
  mayDiscussResource,
  mayFeatureResource,
  mayReadCollection,
  mayReadResource,
  mayRecordResourceUse,
} from './toolkit.ts';

/** A suspension is said first in the Toolkit, in its own words (also in an archived community). */
const toolkitSuspended = refused('errors.toolkit.suspended');

describe('mayReadResource and mayReadCollection: whoever sees the community (404 otherwise)', () => {
  const rows: [...Row, Decision][] = [
    ['staff, institution-only', me, active, null, allowed, allowed],
    [
      'staff, private',
      me,
      privateOne,
      null,
      refused('errors.notFound.resource', 'not_found'),
      refused('errors.notFound.collection', 'not_found'),
    ],
    ['suspended member, private', me, privateOne, suspendedMember, allowed, allowed],
    [
      'coordinator, private and archived',
      coordinator,
      { ...privateOne, stage: 'archived' },
      null,
      allowed,
      allowed,
    ],
    [
      'anonymous, institution-only',
      null,
      active,
      null,
      refused('errors.notFound.resource', 'not_found'),
      refused('errors.notFound.collection', 'not_found'),
    ],
  ];
  it.each(decisionCases(rows, mayReadResource, mayReadCollection))('%s', (_row, actual, expected) =>
    expect(actual).toEqual(expected),
  );
});

/** The curating decisions share their rule and differ in what they say. */
const curating: [string, Decide, MessageId][] = [
  ['mayCurateToolkit', mayCurateToolkit, 'errors.toolkit.onlyManagersOrganise'],
  ['mayFeatureResource', mayFeatureResource, 'errors.toolkit.onlyManagersFeature'],
];

describe.each(curating)('%s: leaders, co-leaders and coordinators curate', (_name, decide, reason) => {
  const rows: Row[] = [
    ['leader', me, active, leader, allowed],
    ['co-leader', me, active, coLeader, allowed],
    ['member', me, active, member, refused(reason)],
    ['not a member', me, active, null, refused(reason)],
    ['suspended co-leader', me, active, suspendedLeader, toolkitSuspended],
    ['coordinator', coordinator, active, null, allowed],
    ['leader, archived', me, archived, leader, archivedRefusal],
    ['coordinator, archived', coordinator, archived, null, archivedRefusal],
    ['suspended co-leader, archived', me, archived, suspendedLeader, toolkitSuspended],
    ['anonymous', null, active, null, refused(reason)],
  ];
  it.each(decisionCases(rows, decide))('%s', (_row, actual, expected) => expect(actual).toEqual(expected));
});

/** The contributing decisions share their rule and differ in what they say. */
const contributing: [string, Decide, MessageId][] = [
  ['mayAddResource', mayAddResource, 'errors.toolkit.joinToAdd'],
  ['mayDiscussResource', mayDiscussResource, 'errors.toolkit.joinToDiscuss'],
  ['mayRecordResourceUse', mayRecordResourceUse, 'errors.toolkit.joinToRecordUse'],
];

describe.each(contributing)('%s: active members and coordinators contribute', (_name, decide, reason) => {
  const rows: Row[] = [
    ['member', me, active, member, allowed],
    ['guest', me, active, guest, allowed],
    ['leader', me, active, leader, allowed],
    ['not a member', me, active, null, refused(reason)],
    ['suspended member', me, active, suspendedMember, toolkitSuspended],
    ['coordinator, not a member', coordinator, active, null, allowed],
    ['member, archived', me, archived, member, archivedRefusal],
    ['suspended member, archived', me, archived, suspendedMember, toolkitSuspended],
    ['anonymous', null, active, null, refused(reason)],
  ];
  it.each(decisionCases(rows, decide))('%s', (_row, actual, expected) => expect(actual).toEqual(expected));
});

describe('mayChangeResource and mayChangeResourceUse: who wrote it while taking part, and curators', () => {
  const adder = refused('errors.toolkit.onlyAdderChanges');
  const writer = refused('errors.toolkit.onlyWriterChangesRecord');
  type ChangeRow = Row<
    CommunitySubject,
    [authorId: string | null],
    [expected: Decision, expectedForUse: Decision]
  >;
  const rows: ChangeRow[] = [
    ['member, their own', me, active, member, 'me', allowed, allowed],
    ["member, someone else's", me, active, member, 'x', adder, writer],
    ['member, a removed author', me, active, member, null, adder, writer],
    ['suspended member, their own', me, active, suspendedMember, 'me', toolkitSuspended, toolkitSuspended],
    ['author who left', me, active, null, 'me', adder, writer],
    ["leader, someone else's", me, active, leader, 'x', allowed, allowed],
    [
      "suspended co-leader, someone else's",
      me,
      active,
      suspendedLeader,
      'x',
      toolkitSuspended,
      toolkitSuspended,
    ],
    ["coordinator, someone else's", coordinator, active, null, 'x', allowed, allowed],
    ['member, their own, archived', me, archived, member, 'me', archivedRefusal, archivedRefusal],
    ['leader, archived', me, archived, leader, 'x', archivedRefusal, archivedRefusal],
  ];
  it.each(
    decisionCases(
      rows,
      (actor, community, membership, authorId) =>
        mayChangeResource(actor, community, membership, { authorId }),
      (actor, community, membership, authorId) =>
        mayChangeResourceUse(actor, community, membership, { userId: authorId }),
    ),
  )('%s', (_row, actual, expected) => expect(actual).toEqual(expected));
});
