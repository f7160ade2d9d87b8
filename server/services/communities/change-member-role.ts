import type { MembershipRole } from '../../../common/enums.ts';
import type { Actor } from '../../lib/actor.ts';
import { mayManageCommunity } from '../../policies/communities.ts';
import { enforce } from '../../policies/decision.ts';
import { recordAudit } from '../../queries/audit.ts';
import { updateMemberRole } from '../../queries/community-members.ts';
import type { ServiceDeps } from '../context.ts';
import { notifyUser, phrase } from '../notifications/notify.ts';
import { unitOfWork } from '../unit-of-work.ts';
import { getMemberRole, keepALeader, lastLeaderMessage, loadVisibleCommunity } from './load-community.ts';

/**
 * A leader changes a member's role. Under the community lock the last leader cannot be demoted, so a
 * community keeps a leader even when two leaders demote each other at the same moment.
 */
export async function changeMemberRole(
  deps: ServiceDeps,
  actor: Actor,
  slug: string,
  userId: string,
  role: MembershipRole,
): Promise<void> {
  await unitOfWork(deps, async (tx, outbox) => {
    const { community, membership } = await loadVisibleCommunity(tx, actor, slug, { lock: true });
    enforce(mayManageCommunity(actor, community, membership));
    const current = await getMemberRole(tx, community.id, userId);
    if (current === role) return;
    await keepALeader(tx, community.id, current, lastLeaderMessage);
    await updateMemberRole(tx, community.id, userId, role);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'community.member.role',
      subjectType: 'user',
      subjectId: userId,
      data: { communityId: community.id, community: community.name, from: current, to: role },
    });
    if (userId === actor.id) return;
    await notifyUser(tx, outbox, deps.env.publicUrl, {
      userId,
      kind: 'community.membership',
      title: phrase('notify.membership.roleChanged.title', { role, community: community.name }),
      body: phrase('notify.membership.roleChanged.body', { name: actor.displayName }),
      url: `/communities/${community.slug}`,
    });
  });
}
