import { eq, sql } from 'drizzle-orm';
import { proposals } from '../../db/schema/index.ts';
import { authorize } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { excerpt } from '../../lib/excerpt.ts';
import { canReviewProposals, isProposalOpen } from '../../policies/communities.ts';
import { addProposalMessage } from '../../queries/proposals.ts';
import type { ServiceDeps } from '../context.ts';
import { dispatchEmails } from '../mail/outbox.ts';
import { notifyEach } from '../notifications/notify.ts';
import { lockProposal, proposalClosed, proposalUrl, teamIds } from './proposal-steps.ts';

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
    title: (name: string) => string;
    summary: string;
  },
): Promise<void> {
  const messageIds = await deps.database.db.transaction(async (tx) => {
    const locked = await lockProposal(tx, actor, id);
    const { proposal } = locked;
    authorize(canReviewProposals(actor), { message: 'errors.proposals.onlyCoordinatorsReview' });
    if (!isProposalOpen(proposal)) throw proposalClosed(proposal);
    await tx
      .update(proposals)
      .set({
        status: step.status,
        updatedAt: sql`now()`,
        ...(step.status === 'declined' ? { decidedAt: sql`now()` } : {}),
      })
      .where(eq(proposals.id, id));
    await addProposalMessage(tx, {
      proposalId: id,
      authorId: actor.id,
      event: step.status,
      body: step.message,
    });
    return notifyEach(
      tx,
      deps.env.publicUrl,
      teamIds(locked),
      {
        kind: 'community.proposal',
        title: step.title(proposal.name),
        body: `${actor.displayName} ${step.summary}: ${excerpt(step.message)}`,
        url: proposalUrl(id),
      },
      { except: actor.id },
    );
  });
  await dispatchEmails(deps.jobs, messageIds);
}
