import { AppError } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { mayLeaveCommunity } from '../../policies/communities.ts';
import { enforce } from '../../policies/decision.ts';
import { recordActivity } from '../../queries/activity.ts';
import { updateMemberCount } from '../../queries/communities.ts';
import { countLeaders, deleteMember } from '../../queries/community-members.ts';
import type { ServiceDeps } from '../context.ts';
import { withdrawUpcomingAnswers } from '../meetings/withdraw-answers.ts';
import { unitOfWork } from '../unit-of-work.ts';
import { loadVisibleCommunity } from './load-community.ts';

/**
 * Leaves a community. The last leader cannot: they hand the role on first. Answers to its upcoming
 * meetings are withdrawn, so places go to the wait list.
 */
export async function leaveCommunity(deps: ServiceDeps, actor: Actor, slug: string): Promise<void> {
  await unitOfWork(deps, async (tx, outbox) => {
    const { community, membership } = await loadVisibleCommunity(tx, actor, slug, { lock: true });
    if (!membership) throw new AppError('conflict', 'errors.communities.notMember');
    enforce(mayLeaveCommunity(community, membership));
    if (membership.role === 'leader' && (await countLeaders(tx, community.id)) <= 1) {
      throw new AppError('conflict', 'errors.communities.lastLeaderLeaving');
    }
    await deleteMember(tx, community.id, actor.id);
    await updateMemberCount(tx, community.id, -1);
    await recordActivity(tx, {
      communityId: community.id,
      actorId: actor.id,
      kind: 'member.left',
      subjectType: 'community',
      subjectId: community.id,
    });
    return withdrawUpcomingAnswers(tx, outbox, deps.env.publicUrl, community.id, actor.id);
  });
}
