import type { Actor } from '../../lib/actor.ts';
import { mayManageCommunity } from '../../policies/communities.ts';
import { enforce } from '../../policies/decision.ts';
import { recordActivity } from '../../queries/activity.ts';
import { recordAudit } from '../../queries/audit.ts';
import { updateMemberCount } from '../../queries/communities.ts';
import { deleteMember } from '../../queries/community-members.ts';
import type { ServiceDeps } from '../context.ts';
import { withdrawUpcomingAnswers } from '../meetings/withdraw-answers.ts';
import { unitOfWork } from '../unit-of-work.ts';
import { getMemberRole, keepALeader, lastLeaderMessage, loadVisibleCommunity } from './load-community.ts';

/**
 * A leader removes a member (not the last leader; members leave on their own with leaveCommunity); their
 * answers to upcoming meetings are withdrawn.
 */
export async function removeMember(deps: ServiceDeps, actor: Actor, slug: string, userId: string) {
  await unitOfWork(deps, async (tx, outbox) => {
    const { community, membership } = await loadVisibleCommunity(tx, actor, slug, { lock: true });
    enforce(mayManageCommunity(actor, community, membership));
    const role = await getMemberRole(tx, community.id, userId);
    await keepALeader(tx, community.id, role, lastLeaderMessage);
    await deleteMember(tx, community.id, userId);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'community.member.remove',
      subjectType: 'user',
      subjectId: userId,
      data: { communityId: community.id, community: community.name, role },
    });
    await updateMemberCount(tx, community.id, -1);
    await recordActivity(tx, {
      communityId: community.id,
      actorId: userId,
      kind: 'member.left',
      subjectType: 'community',
      subjectId: community.id,
    });
    return withdrawUpcomingAnswers(tx, outbox, deps.env.publicUrl, community.id, userId);
  });
}
