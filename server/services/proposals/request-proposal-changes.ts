import { eq, sql } from 'drizzle-orm';
import { proposals } from '../../db/schema/index.ts';
import { authorize } from '../../errors.ts';
import type { Actor } from '../../plugins/auth.ts';
import { canReviewProposals, isProposalOpen } from '../../policies/communities.ts';
import { addProposalMessage } from '../../queries/proposals.ts';
import type { ServiceDeps } from '../context.ts';
import { dispatchEmails } from '../mail/outbox.ts';
import { excerpt, notifyEach } from '../notifications/notify-many.ts';
import { lockProposal, proposalClosed, proposalUrl, teamIds } from './proposal-steps.ts';

/**
 * A coordinator asks for changes, saying which; the proposer edits and resubmits. The leadership team
 * hears of it.
 */
export async function requestProposalChanges(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  message: string,
): Promise<void> {
  const messageIds = await deps.database.db.transaction(async (tx) => {
    const locked = await lockProposal(tx, actor, id);
    const { proposal } = locked;
    authorize(canReviewProposals(actor), { message: 'Only coordinators review proposals.' });
    if (!isProposalOpen(proposal)) throw proposalClosed(proposal);
    await tx
      .update(proposals)
      .set({ status: 'changes_requested', updatedAt: sql`now()` })
      .where(eq(proposals.id, id));
    await addProposalMessage(tx, {
      proposalId: id,
      authorId: actor.id,
      event: 'changes_requested',
      body: message,
    });
    return notifyEach(
      tx,
      deps.env.publicUrl,
      teamIds(locked),
      {
        kind: 'community.proposal',
        title: `Changes requested: ${proposal.name}`,
        body: `${actor.displayName} asks for changes: ${excerpt(message)}`,
        url: proposalUrl(id),
      },
      { except: actor.id },
    );
  });
  await dispatchEmails(deps.jobs, messageIds);
}
