import { AppError, fieldError } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { mayJoinCommunity } from '../../policies/communities.ts';
import { enforce } from '../../policies/decision.ts';
import { recordActivity } from '../../queries/activity.ts';
import { updateMemberCount } from '../../queries/communities.ts';
import { insertMembers } from '../../queries/community-members.ts';
import type { ServiceDeps } from '../context.ts';
import { loadVisibleCommunity } from './load-community.ts';

/**
 * Joins an open community in one click. When the community asks members to accept its participation
 * guidelines, `acceptGuidelines` must be true. Joining twice is a 409.
 */
export async function joinCommunity(
  deps: ServiceDeps,
  actor: Actor,
  slug: string,
  options: { acceptGuidelines?: boolean | undefined },
): Promise<void> {
  await deps.database.db.transaction(async (tx) => {
    const { community, membership } = await loadVisibleCommunity(tx, actor, slug, { lock: true });
    if (membership) throw new AppError('conflict', 'errors.communities.alreadyMember');
    enforce(mayJoinCommunity(actor, community, membership));
    if (community.requireGuidelines && !options.acceptGuidelines) {
      throw fieldError('acceptGuidelines', 'errors.communities.acceptGuidelines');
    }
    await insertMembers(tx, [
      {
        communityId: community.id,
        userId: actor.id,
        role: 'member',
        acceptedGuidelinesAt: options.acceptGuidelines ? new Date() : null,
      },
    ]);
    await updateMemberCount(tx, community.id, 1);
    await recordActivity(tx, {
      communityId: community.id,
      actorId: actor.id,
      kind: 'member.joined',
      subjectType: 'community',
      subjectId: community.id,
    });
  });
}
