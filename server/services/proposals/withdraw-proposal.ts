import type { Actor } from '../../lib/actor.ts';
import { excerpt } from '../../lib/excerpt.ts';
import { enforce } from '../../policies/decision.ts';
import { mayWithdrawProposal } from '../../policies/proposals.ts';
import { updateProposalStatus } from '../../queries/proposal-steps.ts';
import { addProposalMessage } from '../../queries/proposals.ts';
import type { ServiceDeps } from '../context.ts';
import { notifyEach, phrase } from '../notifications/notify.ts';
import { unitOfWork } from '../unit-of-work.ts';
import { concernedCoordinatorIds, lockProposal, proposalUrl, teamIds } from './proposal-steps.ts';

/** The proposer withdraws an open proposal; the co-leaders and the coordinators taking part hear of it. */
export async function withdrawProposal(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  message = '',
): Promise<void> {
  await unitOfWork(deps, async (tx, outbox) => {
    const locked = await lockProposal(tx, actor, id);
    const { proposal } = locked;
    enforce(mayWithdrawProposal(actor, proposal));
    await updateProposalStatus(tx, id, 'withdrawn', { decided: true });
    await addProposalMessage(tx, { proposalId: id, authorId: actor.id, event: 'withdrawn', body: message });
    return notifyEach(
      tx,
      outbox,
      deps.env.publicUrl,
      [...teamIds(locked), ...(await concernedCoordinatorIds(tx, id))],
      {
        kind: 'community.proposal',
        title: phrase('notify.proposal.withdrawn.title', { proposal: proposal.name }),
        body: message
          ? phrase('notify.proposal.withdrawnWithMessage.body', {
              name: actor.displayName,
              message: excerpt(message),
            })
          : phrase('notify.proposal.withdrawn.body', { name: actor.displayName }),
        url: proposalUrl(id),
      },
      { except: actor.id },
    );
  });
}
