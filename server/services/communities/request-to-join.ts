import { AppError } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { mayRequestToJoin } from '../../policies/communities.ts';
import { enforce } from '../../policies/decision.ts';
import { listLeaderIds } from '../../queries/community-members.ts';
import { findPendingJoinRequest, insertJoinRequest } from '../../queries/join-requests.ts';
import type { ServiceDeps } from '../context.ts';
import { notifyUser, phrase } from '../notifications/notify.ts';
import { unitOfWork } from '../unit-of-work.ts';
import { loadVisibleCommunity } from './load-community.ts';

/** Asks to join a moderated community; its leaders are told and decide. One pending request at a time. */
export async function requestToJoin(deps: ServiceDeps, actor: Actor, slug: string, message: string) {
  return unitOfWork(deps, async (tx, outbox) => {
    const { community, membership } = await loadVisibleCommunity(tx, actor, slug, { lock: true });
    if (membership) throw new AppError('conflict', 'errors.communities.alreadyMember');
    enforce(mayRequestToJoin(actor, community, membership));
    const pending = await findPendingJoinRequest(tx, community.id, actor.id);
    if (pending) throw new AppError('conflict', 'errors.communities.alreadyAsked');
    const request = await insertJoinRequest(tx, { communityId: community.id, userId: actor.id, message });
    if (!request) throw new Error('the join request was not stored');
    for (const leaderId of await listLeaderIds(tx, community.id)) {
      await notifyUser(tx, outbox, deps.env.publicUrl, {
        userId: leaderId,
        kind: 'community.membership',
        title: phrase('notify.membership.joinRequest.title', {
          name: actor.displayName,
          community: community.name,
        }),
        body: message ? `“${message.slice(0, 300)}”` : '',
        url: `/communities/${community.slug}/members?tab=requests`,
      });
    }
    return request;
  });
}
