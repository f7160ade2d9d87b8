import { quoted } from '../../../common/plain-text.ts';
import { AppError, message } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { excerpt } from '../../lib/excerpt.ts';
import { enforce } from '../../policies/decision.ts';
import { mayReviewProposal } from '../../policies/proposals.ts';
import { updateProposalStatus } from '../../queries/proposal-steps.ts';
import { addProposalMessage } from '../../queries/proposals.ts';
import { createCommunity } from '../communities/create-community.ts';
import type { ServiceDeps } from '../context.ts';
import { notifyEach, phrase } from '../notifications/notify.ts';
import { unitOfWork } from '../unit-of-work.ts';
import { type LockedProposal, lockProposal } from './proposal-steps.ts';

const names = (people: { displayName: string }[]) => people.map((person) => person.displayName).join(', ');

/** 409 unless every named co-leader has accepted: the community starts with the team it names. */
function checkTeamAccepted(locked: LockedProposal): void {
  const pending = locked.leaders.filter((leader) => leader.status === 'pending');
  const declined = locked.leaders.filter((leader) => leader.status === 'declined');
  if (pending.length === 0 && declined.length === 0) return;
  const values = {
    pending: names(pending),
    pendingCount: pending.length,
    declined: names(declined),
    declinedCount: declined.length,
  };
  const id =
    declined.length === 0
      ? 'errors.proposals.notYetPending'
      : pending.length === 0
        ? 'errors.proposals.notYetDeclined'
        : 'errors.proposals.notYetBoth';
  throw new AppError('conflict', message(id, values));
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
  return unitOfWork(deps, async (tx, outbox) => {
    const locked = await lockProposal(tx, actor, id);
    const { proposal } = locked;
    enforce(mayReviewProposal(actor, proposal));
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
    await updateProposalStatus(tx, id, 'approved', { decided: true, communityId: community.id });
    await addProposalMessage(tx, { proposalId: id, authorId: actor.id, event: 'approved', body: message });
    await notifyEach(
      tx,
      outbox,
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
    return { slug: community.slug };
  });
}
