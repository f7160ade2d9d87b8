import type { Actor } from '../../lib/actor.ts';
import { excerpt } from '../../lib/excerpt.ts';
import { enforce } from '../../policies/decision.ts';
import { mayReviewProposal } from '../../policies/proposals.ts';
import { updateProposalStatus } from '../../queries/proposal-steps.ts';
import { addProposalMessage } from '../../queries/proposals.ts';
import type { ServiceDeps } from '../context.ts';
import { notifyEach, phrase } from '../notifications/notify.ts';
import { unitOfWork } from '../unit-of-work.ts';
import { lockProposal, proposalUrl, teamIds } from './proposal-steps.ts';

/** The notify messages of each review step (`notify.proposal.<name>.title` and `.body`). */
const reviewMessages = { declined: 'declined', changes_requested: 'changesRequested' } as const;

/**
 * A coordinator's review step that closes the round with a message (decline, ask for changes): the
 * open proposal moves to `status`, the message joins the conversation and the leadership team hears
 * of it by notification and email.
 */
export async function recordReviewStep(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  step: {
    status: 'declined' | 'changes_requested';
    message: string;
  },
): Promise<void> {
  await unitOfWork(deps, async (tx, outbox) => {
    const locked = await lockProposal(tx, actor, id);
    const { proposal } = locked;
    enforce(mayReviewProposal(actor, proposal));
    await updateProposalStatus(tx, id, step.status, { decided: step.status === 'declined' });
    await addProposalMessage(tx, {
      proposalId: id,
      authorId: actor.id,
      event: step.status,
      body: step.message,
    });
    return notifyEach(
      tx,
      outbox,
      deps.env.publicUrl,
      teamIds(locked),
      {
        kind: 'community.proposal',
        title: phrase(`notify.proposal.${reviewMessages[step.status]}.title`, { proposal: proposal.name }),
        body: phrase(`notify.proposal.${reviewMessages[step.status]}.body`, {
          name: actor.displayName,
          message: excerpt(step.message),
        }),
        url: proposalUrl(id),
      },
      { except: actor.id },
    );
  });
}
