import type { MessageId } from '../../common/i18n/message-id.ts';
import type { ErrorText } from '../errors.ts';
import { type Actor, isCoordinator } from '../lib/actor.ts';
import { allowIf, conceal, type Decision, deny, firstRefusal, isAllowed } from './decision.ts';

/**
 * Who may do what with community proposals: proposing, reading, editing, withdrawing, reviewing and
 * answering an invitation to co-lead. Pure functions of the actor, the proposal and whether the actor
 * is one of its named co-leaders. A step on a proposal that is no longer open is a 409, whoever asks.
 */

/** Any signed-in member of the institution proposes a community; external guests do not. */
export function mayProposeCommunity(actor: Actor | null): Decision {
  return allowIf(actor !== null && actor.kind !== 'external', deny('errors.proposals.guestsCannotPropose'));
}

/** Coordinators see every proposal in the queue; others see the ones they take part in. */
export function seesAllProposals(actor: Actor | null): boolean {
  return isCoordinator(actor);
}

/** A proposal is open (it can still change) until it is approved, declined or withdrawn. */
export function isProposalOpen(proposal: { status: string }): boolean {
  return proposal.status === 'submitted' || proposal.status === 'changes_requested';
}

/** The proposer speaks for the proposal: edits, resubmits and withdraws it (while it is open). */
export function isProposer(actor: Actor | null, proposal: { proposerId: string }): boolean {
  return actor !== null && actor.id === proposal.proposerId;
}

const closedMessages: Record<string, MessageId> = {
  approved: 'errors.proposals.closedApproved',
  declined: 'errors.proposals.closedDeclined',
  withdrawn: 'errors.proposals.closedWithdrawn',
};

/** 409 for a step on a proposal that is no longer open, saying how it closed. */
function stillOpen(proposal: { status: string }): Decision {
  return allowIf(isProposalOpen(proposal), () =>
    deny(closedMessages[proposal.status] ?? 'errors.proposals.closed', 'conflict'),
  );
}

/**
 * A proposal is read by its proposer, its named co-leaders and the coordinators; anyone else is told
 * it does not exist (404).
 */
export function maySeeProposal(
  actor: Actor | null,
  proposal: { proposerId: string },
  isNamedLeader: boolean,
): Decision {
  const sees = actor !== null && (isProposer(actor, proposal) || isNamedLeader || isCoordinator(actor));
  return allowIf(sees, conceal('errors.notFound.proposal'));
}

/**
 * A step on a proposal: refused with `onlyWho` unless the actor `acts`, then 409 unless the proposal is
 * still open, then the step's own `conditions` (in that order).
 */
function stepWhileOpen(
  acts: boolean,
  onlyWho: ErrorText,
  proposal: { status: string },
  ...conditions: Decision[]
): Decision {
  return firstRefusal(allowIf(acts, deny(onlyWho)), stillOpen(proposal), ...conditions);
}

type ProposalSubject = { proposerId: string; status: string };

/** The proposer edits an open proposal. */
export function mayEditProposal(actor: Actor | null, proposal: ProposalSubject): Decision {
  return stepWhileOpen(isProposer(actor, proposal), 'errors.proposals.onlyProposerEdits', proposal);
}

/** The proposer resubmits an open proposal the coordinators sent back with changes requested. */
export function mayResubmitProposal(actor: Actor | null, proposal: ProposalSubject): Decision {
  return stepWhileOpen(
    isProposer(actor, proposal),
    'errors.proposals.onlyProposerResubmits',
    proposal,
    allowIf(proposal.status === 'changes_requested', deny('errors.proposals.alreadyWaiting', 'conflict')),
  );
}

/** The proposer withdraws an open proposal. */
export function mayWithdrawProposal(actor: Actor | null, proposal: ProposalSubject): Decision {
  return stepWhileOpen(isProposer(actor, proposal), 'errors.proposals.onlyProposerWithdraws', proposal);
}

/** Everyone who reads a proposal takes part in its conversation: proposer, named leaders, coordinators. */
export function mayCommentOnProposal(
  actor: Actor | null,
  proposal: { proposerId: string },
  isNamedLeader: boolean,
): Decision {
  return allowIf(isAllowed(maySeeProposal(actor, proposal, isNamedLeader)), deny('errors.forbidden.generic'));
}

/** Coordinators review open proposals: approve, ask for changes, decline. */
export function mayReviewProposal(actor: Actor | null, proposal: { status: string }): Decision {
  return stepWhileOpen(isCoordinator(actor), 'errors.proposals.onlyCoordinatorsReview', proposal);
}

/** A person named as co-leader answers the invitation (accept or decline) while the proposal is open. */
export function mayAnswerLeadershipInvitation(
  actor: Actor | null,
  proposal: { status: string },
  isNamedLeader: boolean,
): Decision {
  return stepWhileOpen(actor !== null && isNamedLeader, 'errors.proposals.onlyCoLeadersAnswer', proposal);
}

/**
 * Who may be invited to co-lead a proposed community: people of the institution with an active
 * account (external guests and suspended accounts may not lead).
 */
export function isEligibleCoLeader(person: { kind: string; suspendedAt: Date | null }): boolean {
  return person.kind !== 'external' && person.suspendedAt === null;
}
