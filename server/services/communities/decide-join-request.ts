import { AppError, notFound } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { mayManageCommunity } from '../../policies/communities.ts';
import { enforce } from '../../policies/decision.ts';
import { recordActivity } from '../../queries/activity.ts';
import { updateMemberCount } from '../../queries/communities.ts';
import { insertMemberIfAbsent } from '../../queries/community-members.ts';
import { findJoinRequest, updateJoinRequestDecision } from '../../queries/join-requests.ts';
import type { ServiceDeps } from '../context.ts';
import { notifyUser, phrase } from '../notifications/notify.ts';
import { unitOfWork } from '../unit-of-work.ts';
import { loadVisibleCommunity } from './load-community.ts';

/** A leader approves (the person becomes a member) or declines a join request, with a message. */
export async function decideJoinRequest(
  deps: ServiceDeps,
  actor: Actor,
  slug: string,
  requestId: string,
  decision: { approve: boolean; message: string },
): Promise<void> {
  await unitOfWork(deps, async (tx, outbox) => {
    const { community, membership } = await loadVisibleCommunity(tx, actor, slug, { lock: true });
    enforce(mayManageCommunity(actor, community, membership));
    const request = await findJoinRequest(tx, community.id, requestId);
    if (!request) throw notFound('errors.notFound.request');
    if (request.status !== 'pending') throw new AppError('conflict', 'errors.communities.requestAnswered');
    await updateJoinRequestDecision(tx, request.id, {
      status: decision.approve ? 'approved' : 'declined',
      response: decision.message,
      decidedBy: actor.id,
    });
    if (decision.approve) {
      const member = { communityId: community.id, userId: request.userId, role: 'member' as const };
      if (await insertMemberIfAbsent(tx, member)) {
        await updateMemberCount(tx, community.id, 1);
        await recordActivity(tx, {
          communityId: community.id,
          actorId: request.userId,
          kind: 'member.joined',
          subjectType: 'community',
          subjectId: community.id,
        });
      }
    }
    await notifyUser(tx, outbox, deps.env.publicUrl, {
      userId: request.userId,
      kind: 'community.membership',
      title: phrase(
        decision.approve ? 'notify.membership.approved.title' : 'notify.membership.declined.title',
        { community: community.name },
      ),
      body: decision.message,
      url: `/communities/${community.slug}`,
    });
  });
}
