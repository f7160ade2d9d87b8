import type { MembershipRole } from '../../../common/enums.ts';
import type { Db } from '../../db/client.ts';
import { AppError, type ErrorText, notFound } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { maySeeCommunity } from '../../policies/communities.ts';
import { enforce } from '../../policies/decision.ts';
import { type CommunityForActor, findCommunityForActor, lockCommunity } from '../../queries/communities.ts';
import { countLeaders, findMemberRole, listLeaderIds } from '../../queries/community-members.ts';

/**
 * Loads a community the actor may see (404 otherwise, so private communities do not reveal that they
 * exist). Inside a transaction, `lock` takes the community row's lock first: every change to
 * memberships and roles takes it, so two leaders acting at once are applied one after the other.
 */
export async function loadVisibleCommunity(
  db: Db,
  actor: Actor | null,
  slugOrId: string,
  options: { lock?: boolean } = {},
): Promise<CommunityForActor> {
  const found = await findCommunityForActor(db, slugOrId, actor?.id ?? null);
  if (!found) throw notFound('errors.notFound.community');
  enforce(maySeeCommunity(actor, found.community, found.membership));
  if (!options.lock) return found;
  await lockCommunity(db, found.community.id);
  // Re-read the membership after the lock: another transaction may have changed it while we waited.
  const again = await findCommunityForActor(db, found.community.id, actor?.id ?? null);
  if (!again) throw notFound('errors.notFound.community');
  return again;
}

export const lastLeaderMessage = 'errors.communities.lastLeader';

/** A member's role in a community (404 when they are not a member). */
export async function getMemberRole(db: Db, communityId: string, userId: string): Promise<MembershipRole> {
  const role = await findMemberRole(db, communityId, userId);
  if (!role) throw notFound('errors.notFound.member');
  return role;
}

/** Refuses (409) to take away the last leader's role; call under the community lock. */
export async function keepALeader(db: Db, communityId: string, role: MembershipRole, message: ErrorText) {
  if (role === 'leader' && (await countLeaders(db, communityId)) <= 1)
    throw new AppError('conflict', message);
}

/**
 * The leaders (and co-leaders) to tell about something: their ids. `listLeaderIds` in
 * queries/community-members.ts is the query; this name stays for the discussion services using it.
 */
export async function leaderIdsOf(db: Db, communityId: string): Promise<string[]> {
  return listLeaderIds(db, communityId);
}
