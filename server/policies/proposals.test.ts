import { describe, expect, it } from 'vitest';
import type { Actor } from '../lib/actor.ts';
import {
  administrator,
  allowed,
  coordinator,
  decisionCases,
  external,
  person,
  refused,
} from '../test/decisions.ts';
import type { Decision } from './decision.ts';
import {
  isEligibleCoLeader,
  mayAnswerLeadershipInvitation,
  mayCommentOnProposal,
  mayEditProposal,
  mayProposeCommunity,
  mayResubmitProposal,
  mayReviewProposal,
  maySeeProposal,
  mayWithdrawProposal,
} from './proposals.ts';

const proposer = person('member', 'p');
const coLeader = person('member', 'l');
const other = person('member', 'o');

const proposal = (status: string) => ({ proposerId: 'p', status });
const closed = {
  approved: refused('errors.proposals.closedApproved', 'conflict'),
  declined: refused('errors.proposals.closedDeclined', 'conflict'),
  withdrawn: refused('errors.proposals.closedWithdrawn', 'conflict'),
};

/** One row: who asks (and whether they are a named co-leader), the proposal's status, the answer. */
type ProposalRow = [
  name: string,
  actor: Actor | null,
  isNamedLeader: boolean,
  status: string,
  expected: Decision,
];

describe('mayProposeCommunity: people of the institution propose', () => {
  const rows: [string, Actor | null, Decision][] = [
    ['staff', proposer, allowed],
    ['external guest', external, refused('errors.proposals.guestsCannotPropose')],
    ['anonymous', null, refused('errors.proposals.guestsCannotPropose')],
  ];
  it.each(decisionCases(rows, mayProposeCommunity))('%s', (_row, actual, expected) =>
    expect(actual).toEqual(expected),
  );
});

describe('maySeeProposal and mayCommentOnProposal: proposer, named co-leaders, coordinators', () => {
  const rows: [...ProposalRow, Decision][] = [
    ['proposer', proposer, false, 'submitted', allowed, allowed],
    ['named co-leader', coLeader, true, 'approved', allowed, allowed],
    ['coordinator', coordinator, false, 'declined', allowed, allowed],
    [
      'someone else',
      other,
      false,
      'submitted',
      refused('errors.notFound.proposal', 'not_found'),
      refused('errors.forbidden.generic'),
    ],
  ];
  it.each(
    decisionCases(
      rows,
      (actor, isNamedLeader, status) => maySeeProposal(actor, proposal(status), isNamedLeader),
      (actor, isNamedLeader, status) => mayCommentOnProposal(actor, proposal(status), isNamedLeader),
    ),
  )('%s', (_row, actual, expected) => expect(actual).toEqual(expected));
});

describe("the proposer's steps: edit, resubmit, withdraw while open", () => {
  const rows: [
    name: string,
    actor: Actor,
    status: string,
    edit: Decision,
    resubmit: Decision,
    withdraw: Decision,
  ][] = [
    [
      'proposer, submitted',
      proposer,
      'submitted',
      allowed,
      refused('errors.proposals.alreadyWaiting', 'conflict'),
      allowed,
    ],
    ['proposer, changes requested', proposer, 'changes_requested', allowed, allowed, allowed],
    ['proposer, approved', proposer, 'approved', closed.approved, closed.approved, closed.approved],
    ['proposer, declined', proposer, 'declined', closed.declined, closed.declined, closed.declined],
    ['proposer, withdrawn', proposer, 'withdrawn', closed.withdrawn, closed.withdrawn, closed.withdrawn],
    [
      'coordinator, changes requested',
      coordinator,
      'changes_requested',
      refused('errors.proposals.onlyProposerEdits'),
      refused('errors.proposals.onlyProposerResubmits'),
      refused('errors.proposals.onlyProposerWithdraws'),
    ],
    [
      'named co-leader, approved',
      coLeader,
      'approved',
      refused('errors.proposals.onlyProposerEdits'),
      refused('errors.proposals.onlyProposerResubmits'),
      refused('errors.proposals.onlyProposerWithdraws'),
    ],
  ];
  it.each(
    decisionCases(
      rows,
      (actor, status) => mayEditProposal(actor, proposal(status)),
      (actor, status) => mayResubmitProposal(actor, proposal(status)),
      (actor, status) => mayWithdrawProposal(actor, proposal(status)),
    ),
  )('%s', (_row, actual, expected) => expect(actual).toEqual(expected));
});

describe('mayReviewProposal: coordinators review open proposals', () => {
  const onlyCoordinators = refused('errors.proposals.onlyCoordinatorsReview');
  const rows: ProposalRow[] = [
    ['coordinator, submitted', coordinator, false, 'submitted', allowed],
    ['administrator, changes requested', administrator, false, 'changes_requested', allowed],
    ['coordinator, approved', coordinator, false, 'approved', closed.approved],
    [
      'coordinator, an unknown closed status',
      coordinator,
      false,
      'archived',
      refused('errors.proposals.closed', 'conflict'),
    ],
    ['proposer, submitted', proposer, false, 'submitted', onlyCoordinators],
    ['proposer, declined', proposer, false, 'declined', onlyCoordinators],
  ];
  it.each(decisionCases(rows, (actor, _isNamedLeader, status) => mayReviewProposal(actor, proposal(status))))(
    '%s',
    (_row, actual, expected) => expect(actual).toEqual(expected),
  );
});

describe('mayAnswerLeadershipInvitation: named co-leaders answer while the proposal is open', () => {
  const onlyCoLeaders = refused('errors.proposals.onlyCoLeadersAnswer');
  const rows: ProposalRow[] = [
    ['named co-leader, submitted', coLeader, true, 'submitted', allowed],
    ['named co-leader, declined', coLeader, true, 'declined', closed.declined],
    ['someone else, submitted', other, false, 'submitted', onlyCoLeaders],
    ['someone else, withdrawn', other, false, 'withdrawn', onlyCoLeaders],
    ['coordinator, submitted', coordinator, false, 'submitted', onlyCoLeaders],
  ];
  it.each(
    decisionCases(rows, (actor, isNamedLeader, status) =>
      mayAnswerLeadershipInvitation(actor, proposal(status), isNamedLeader),
    ),
  )('%s', (_row, actual, expected) => expect(actual).toEqual(expected));
});

describe('isEligibleCoLeader: people of the institution with an active account', () => {
  it.each<[string, { kind: string; suspendedAt: Date | null }, boolean]>([
    ['staff', { kind: 'staff', suspendedAt: null }, true],
    ['student', { kind: 'student', suspendedAt: null }, true],
    ['external guest', { kind: 'external', suspendedAt: null }, false],
    ['suspended account', { kind: 'staff', suspendedAt: new Date() }, false],
  ])('%s', (_name, candidate, expected) => {
    expect(isEligibleCoLeader(candidate)).toBe(expected);
  });
});
