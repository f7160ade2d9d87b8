import { and, eq } from 'drizzle-orm';
import { communityMembers } from '../../db/schema/index.ts';
import { AppError, notFound } from '../../errors.ts';
import type { Actor } from '../../plugins/auth.ts';
import { canManageCommunity } from '../../policies/communities.ts';
import type { ServiceDeps } from '../context.ts';
import { adjustMemberCount, authorizeWrite, countLeaders, loadVisibleCommunity } from './load-community.ts';

/** A leader removes a member (not the last leader; members leave on their own with leaveCommunity). */
export async function removeMember(deps: ServiceDeps, actor: Actor, slug: string, userId: string) {
  await deps.database.db.transaction(async (tx) => {
    const { community, membership } = await loadVisibleCommunity(tx, actor, slug, { lock: true });
    authorizeWrite(canManageCommunity(actor, community, membership), community);
    const [target] = await tx
      .select({ role: communityMembers.role })
      .from(communityMembers)
      .where(and(eq(communityMembers.communityId, community.id), eq(communityMembers.userId, userId)))
      .limit(1);
    if (!target) throw notFound('That member');
    if (target.role === 'leader' && (await countLeaders(tx, community.id)) <= 1) {
      throw new AppError('conflict', 'This is the community’s last leader: make someone else leader first.');
    }
    await tx
      .delete(communityMembers)
      .where(and(eq(communityMembers.communityId, community.id), eq(communityMembers.userId, userId)));
    await adjustMemberCount(tx, community.id, -1);
  });
}
