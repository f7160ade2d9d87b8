import type { Actor } from '../../lib/actor.ts';
import { enforce } from '../../policies/decision.ts';
import { mayAnswerLeadershipInvitation } from '../../policies/proposals.ts';
import { touchProposal, updateProposalLeaderAnswer } from '../../queries/proposal-steps.ts';
import type { ServiceDeps } from '../context.ts';
import { notifyEach, phrase } from '../notifications/notify.ts';
import { unitOfWork } from '../unit-of-work.ts';
import { lockProposal, proposalUrl } from './proposal-steps.ts';

/**
 * A person named as co-leader accepts or declines (and may change their mind while the proposal is
 * open). The proposer hears of each change; answering the same twice changes nothing.
 */
export async function answerLeadershipInvitation(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  answer: 'accepted' | 'declined',
): Promise<void> {
  await unitOfWork(deps, async (tx, outbox) => {
    const locked = await lockProposal(tx, actor, id);
    const { proposal } = locked;
    enforce(mayAnswerLeadershipInvitation(actor, proposal, locked.isNamedLeader));
    const mine = locked.leaders.find((leader) => leader.userId === actor.id);
    if (mine?.status === answer) return;
    await updateProposalLeaderAnswer(tx, id, actor.id, answer);
    await touchProposal(tx, id);
    return notifyEach(tx, outbox, deps.env.publicUrl, [proposal.proposerId], {
      kind: 'community.proposal',
      title: phrase(
        answer === 'accepted'
          ? 'notify.proposal.coLeadAccepted.title'
          : 'notify.proposal.coLeadDeclined.title',
        { name: actor.displayName, proposal: proposal.name },
      ),
      body: phrase(
        answer === 'accepted' ? 'notify.proposal.coLeadAccepted.body' : 'notify.proposal.coLeadDeclined.body',
      ),
      url: proposalUrl(id),
    });
  });
}
