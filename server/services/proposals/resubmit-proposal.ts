import type { Actor } from '../../lib/actor.ts';
import { excerpt } from '../../lib/excerpt.ts';
import { enforce } from '../../policies/decision.ts';
import { mayResubmitProposal } from '../../policies/proposals.ts';
import { listCoordinatorIds } from '../../queries/coordinators.ts';
import { updateProposalStatus } from '../../queries/proposal-steps.ts';
import { addProposalMessage } from '../../queries/proposals.ts';
import type { ServiceDeps } from '../context.ts';
import { notifyEach, phrase } from '../notifications/notify.ts';
import { unitOfWork } from '../unit-of-work.ts';
import { lockProposal, proposalUrl } from './proposal-steps.ts';

/**
 * After the coordinators asked for changes, the proposer sends the edited proposal back to the queue
 * (with an optional note); the coordinators hear of it.
 */
export async function resubmitProposal(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  message = '',
): Promise<void> {
  await unitOfWork(deps, async (tx, outbox) => {
    const { proposal } = await lockProposal(tx, actor, id);
    enforce(mayResubmitProposal(actor, proposal));
    await updateProposalStatus(tx, id, 'submitted');
    await addProposalMessage(tx, { proposalId: id, authorId: actor.id, event: 'resubmitted', body: message });
    return notifyEach(
      tx,
      outbox,
      deps.env.publicUrl,
      await listCoordinatorIds(tx),
      {
        kind: 'community.proposal',
        title: phrase('notify.proposal.resubmitted.title', { proposal: proposal.name }),
        body: message
          ? phrase('notify.proposal.resubmittedWithMessage.body', {
              name: actor.displayName,
              message: excerpt(message),
            })
          : phrase('notify.proposal.resubmitted.body', { name: actor.displayName }),
        url: proposalUrl(id),
      },
      { except: actor.id },
    );
  });
}
