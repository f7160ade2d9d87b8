import { eq, sql } from 'drizzle-orm';
import { quoted } from '../../../common/plain-text.ts';
import { proposals } from '../../db/schema/index.ts';
import { AppError, authorize } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { excerpt } from '../../lib/excerpt.ts';
import { canReviewProposals, isProposalOpen } from '../../policies/communities.ts';
import { addProposalMessage } from '../../queries/proposals.ts';
import { createCommunity } from '../communities/create-community.ts';
import type { ServiceDeps } from '../context.ts';
import { dispatchEmails } from '../mail/outbox.ts';
import { notifyEach, phrase } from '../notifications/notify.ts';
import { type LockedProposal, lockProposal, proposalClosed } from './proposal-steps.ts';

const names = (people: { displayName: string }[]) => people.map((person) => person.displayName).join(', ');

/** 409 unless every named co-leader has accepted: the community starts with the team it names. */
function checkTeamAccepted(locked: LockedProposal): void {
  const pending = locked.leaders.filter((leader) => leader.status === 'pending');
  const declined = locked.leaders.filter((leader) => leader.status === 'declined');
  if (pending.length === 0 && declined.length === 0) return;
  const parts: string[] = [];
  if (pending.length > 0)
    parts.push(`${names(pending)} ha${pending.length > 1 ? 've' : 's'} not yet accepted to co-lead`);
  if (declined.length > 0)
    parts.push(`${names(declined)} declined to co-lead (the proposer can remove them from the team)`);
  throw new AppError(
    'conflict',
    `Not yet: ${parts.join('; ')}. Every named co-leader must accept before approval.`,
  );
}

/**
 * A coordinator approves an open proposal whose co-leaders have all accepted: in the same transaction
 * the community is created with the proposer as leader, the co-leaders, and a charter drawn from the
 * institution's template. The leadership team hears of it. Returns the community's slug.
 */
export async function approveProposal(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  message = '',
): Promise<{ slug: string }> {
  const result = await deps.database.db.transaction(async (tx) => {
    const locked = await lockProposal(tx, actor, id);
    const { proposal } = locked;
    authorize(canReviewProposals(actor), { message: 'Only coordinators review proposals.' });
    if (!isProposalOpen(proposal)) throw proposalClosed(proposal);
    checkTeamAccepted(locked);
    const coLeaderIds = locked.leaders.map((leader) => leader.userId);
    const community = await createCommunity(tx, {
      name: proposal.name,
      kind: proposal.kind,
      purpose: proposal.purpose,
      intendedMembers: proposal.intendedMembers,
      meetingPlan: proposal.meetingPlan,
      objectives: proposal.objectives,
      topics: proposal.topics,
      unitId: proposal.unitId,
      audience: proposal.audience,
      format: proposal.format,
      visibility: proposal.visibility,
      joinPolicy: proposal.joinPolicy,
      leaderIds: [proposal.proposerId, ...coLeaderIds],
      createdBy: actor.id,
    });
    await tx
      .update(proposals)
      .set({ status: 'approved', communityId: community.id, decidedAt: sql`now()`, updatedAt: sql`now()` })
      .where(eq(proposals.id, id));
    await addProposalMessage(tx, { proposalId: id, authorId: actor.id, event: 'approved', body: message });
    const messageIds = await notifyEach(
      tx,
      deps.env.publicUrl,
      [proposal.proposerId, ...coLeaderIds],
      {
        kind: 'community.proposal',
        title: phrase('notify.proposal.approved.title', { proposal: quoted(proposal.name) }),
        body: message
          ? phrase('notify.proposal.approvedWithMessage.body', {
              name: actor.displayName,
              message: excerpt(message),
            })
          : phrase('notify.proposal.approved.body', { name: actor.displayName }),
        url: `/communities/${community.slug}`,
      },
      { except: actor.id },
    );
    return { slug: community.slug, messageIds };
  });
  await dispatchEmails(deps.jobs, result.messageIds);
  return { slug: result.slug };
}
