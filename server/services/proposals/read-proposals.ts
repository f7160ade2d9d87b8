import type { ProposalStatus } from '../../../common/enums.ts';
import type { Db } from '../../db/client.ts';
import { notFound } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { enforce } from '../../policies/decision.ts';
import { maySeeProposal, seesAllProposals } from '../../policies/proposals.ts';
import { findProposalDetail, listProposals } from '../../queries/proposals.ts';

/** One proposal with its team and conversation; 404 when missing or not the actor's to read. */
export async function getProposal(db: Db, actor: Actor, id: string) {
  const row = await findProposalDetail(db, id);
  if (!row) throw notFound('errors.notFound.proposal');
  const isNamedLeader = row.leaders.some((leader) => leader.id === actor.id);
  enforce(maySeeProposal(actor, row.proposal, isNamedLeader));
  return row;
}

/**
 * Proposals the actor may read: for coordinators the whole queue (or only theirs with `mine`), for
 * everyone else those they proposed or are named in. Filter by status; most recently active first.
 */
export async function listProposalsFor(
  db: Db,
  actor: Actor,
  options: {
    status?: ProposalStatus | undefined;
    mine?: boolean | undefined;
    cursor?: string | undefined;
    limit: number;
  },
) {
  return listProposals(db, actor.id, {
    everyone: seesAllProposals(actor) && !options.mine,
    status: options.status,
    cursor: options.cursor,
    limit: options.limit,
  });
}
