import type { Db } from '../../db/client.ts';
import { fieldError, message, notFound } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { enforce } from '../../policies/decision.ts';
import { isEligibleCoLeader, maySeeProposal } from '../../policies/proposals.ts';
import { listCoordinatorIds } from '../../queries/coordinators.ts';
import { findUnitName } from '../../queries/institution.ts';
import {
  findPeopleByIds,
  findProposalForUpdate,
  listParticipatingCoordinatorIds,
  listProposalLeaders,
  type ProposalRow,
} from '../../queries/proposals.ts';

/** What every step on a proposal starts from: the proposal, locked, and its named co-leaders. */
export interface LockedProposal {
  proposal: ProposalRow;
  leaders: Awaited<ReturnType<typeof listProposalLeaders>>;
  /** Whether the actor is one of the named co-leaders. */
  isNamedLeader: boolean;
}

/**
 * Locks a proposal for the rest of the transaction (two coordinators approving at once take turns) and
 * answers 404 when it does not exist or the actor may not read it.
 */
export async function lockProposal(tx: Db, actor: Actor, id: string): Promise<LockedProposal> {
  const proposal = await findProposalForUpdate(tx, id);
  if (!proposal) throw notFound('errors.notFound.proposal');
  const leaders = await listProposalLeaders(tx, id);
  const isNamedLeader = leaders.some((leader) => leader.userId === actor.id);
  enforce(maySeeProposal(actor, proposal, isNamedLeader));
  return { proposal, leaders, isNamedLeader };
}

/** A unit chosen for the proposal must exist. */
export async function checkUnit(tx: Db, unitId: string | null | undefined): Promise<void> {
  if (!unitId) return;
  if ((await findUnitName(tx, unitId)) === undefined)
    throw fieldError('unitId', 'errors.units.chooseFromList');
}

/**
 * The co-leaders named on a proposal: known people who may lead, not the proposer (who leads
 * already). Duplicates count once. Answers 400 on the coLeaderIds field otherwise.
 */
export async function checkCoLeaders(tx: Db, proposerId: string, coLeaderIds: string[]) {
  const ids = [...new Set(coLeaderIds)];
  if (ids.includes(proposerId)) throw fieldError('coLeaderIds', 'errors.proposals.selfAsCoLeader');
  const people = await findPeopleByIds(tx, ids);
  if (people.length !== ids.length) throw fieldError('coLeaderIds', 'errors.proposals.coLeadersNotFound');
  const refused = people.filter((person) => !isEligibleCoLeader(person));
  if (refused.length > 0)
    throw fieldError(
      'coLeaderIds',
      message('errors.proposals.cannotCoLead', {
        names: refused.map((person) => person.displayName).join(', '),
      }),
    );
  return people;
}

/** The leadership team who hear of each step: the proposer and the co-leaders who have not declined. */
export function teamIds(locked: LockedProposal): string[] {
  return [
    locked.proposal.proposerId,
    ...locked.leaders.filter((leader) => leader.status !== 'declined').map((leader) => leader.userId),
  ];
}

/**
 * The coordinators who should hear of a comment or a withdrawal: those who took part in the
 * conversation, or every coordinator when none has yet (so a question before review reaches someone).
 */
export async function concernedCoordinatorIds(tx: Db, proposalId: string): Promise<string[]> {
  const participating = await listParticipatingCoordinatorIds(tx, proposalId);
  return participating.length > 0 ? participating : listCoordinatorIds(tx);
}

export const proposalUrl = (id: string) => `/proposals/${id}`;
