import { quoted } from '../../../common/plain-text.ts';
import type { Actor } from '../../lib/actor.ts';
import { enforce } from '../../policies/decision.ts';
import { mayEditProposal } from '../../policies/proposals.ts';
import {
  deleteProposalLeaders,
  insertProposalLeaders,
  type ProposalInsert,
  updateProposalFields,
} from '../../queries/proposal-steps.ts';
import type { ServiceDeps } from '../context.ts';
import { notifyEach, phrase } from '../notifications/notify.ts';
import { unitOfWork } from '../unit-of-work.ts';
import { checkCoLeaders, checkUnit, lockProposal, proposalUrl } from './proposal-steps.ts';
import type { NewProposal } from './submit-proposal.ts';

export type ProposalChanges = { [K in keyof NewProposal]?: NewProposal[K] | undefined };

/**
 * The proposer edits an open proposal. A new list of co-leaders replaces the old one: people kept keep
 * their answer, people removed are dropped, people added are invited.
 */
export async function updateProposal(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  changes: ProposalChanges,
): Promise<void> {
  await unitOfWork(deps, async (tx, outbox) => {
    const locked = await lockProposal(tx, actor, id);
    const { proposal } = locked;
    enforce(mayEditProposal(actor, proposal));
    const { coLeaderIds, ...fields } = changes;
    await checkUnit(tx, fields.unitId);
    const set: Partial<ProposalInsert> = {};
    for (const [key, value] of Object.entries(fields))
      if (value !== undefined) Object.assign(set, { [key]: value });
    if (fields.topics) set.topics = [...new Set(fields.topics)];
    await updateProposalFields(tx, id, set);
    if (!coLeaderIds) return;

    const people = await checkCoLeaders(tx, actor.id, coLeaderIds);
    const wanted = new Set(people.map((person) => person.id));
    const current = new Set(locked.leaders.map((leader) => leader.userId));
    const removed = [...current].filter((userId) => !wanted.has(userId));
    const added = [...wanted].filter((userId) => !current.has(userId));
    await deleteProposalLeaders(tx, id, removed);
    await insertProposalLeaders(tx, id, added);
    const name = fields.name ?? proposal.name;
    return notifyEach(tx, outbox, deps.env.publicUrl, added, {
      kind: 'community.invitation',
      title: phrase('notify.proposal.coLeadInvite.title', {
        name: actor.displayName,
        proposal: quoted(name),
      }),
      body: phrase('notify.proposal.coLeadInvite.body'),
      url: proposalUrl(id),
    });
  });
}
