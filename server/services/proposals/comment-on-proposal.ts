import { quoted } from '../../../common/plain-text.ts';
import type { Actor } from '../../lib/actor.ts';
import { excerpt } from '../../lib/excerpt.ts';
import { enforce } from '../../policies/decision.ts';
import { mayCommentOnProposal } from '../../policies/proposals.ts';
import { touchProposal } from '../../queries/proposal-steps.ts';
import { addProposalMessage } from '../../queries/proposals.ts';
import type { ServiceDeps } from '../context.ts';
import { notifyEach, phrase } from '../notifications/notify.ts';
import { unitOfWork } from '../unit-of-work.ts';
import { concernedCoordinatorIds, lockProposal, proposalUrl, teamIds } from './proposal-steps.ts';

/**
 * Adds a comment to a proposal's conversation. The leadership team and the coordinators taking part
 * hear of it (everyone but the author).
 */
export async function commentOnProposal(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  body: string,
): Promise<void> {
  await unitOfWork(deps, async (tx, outbox) => {
    const locked = await lockProposal(tx, actor, id);
    enforce(mayCommentOnProposal(actor, locked.proposal, locked.isNamedLeader));
    await addProposalMessage(tx, { proposalId: id, authorId: actor.id, event: 'comment', body });
    await touchProposal(tx, id);
    return notifyEach(
      tx,
      outbox,
      deps.env.publicUrl,
      [...teamIds(locked), ...(await concernedCoordinatorIds(tx, id))],
      {
        kind: 'community.proposal',
        title: phrase('notify.proposal.comment.title', {
          name: actor.displayName,
          proposal: quoted(locked.proposal.name),
        }),
        body: excerpt(body),
        url: proposalUrl(id),
      },
      { except: actor.id },
    );
  });
}
