import { and, eq, sql } from 'drizzle-orm';
import type { MembershipRole } from '../../../common/enums.ts';
import type { Db } from '../../db/client.ts';
import { communities, communityMembers, users } from '../../db/schema/index.ts';
import { AppError, type ErrorText, notFound } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { maySeeCommunity } from '../../policies/communities.ts';
import { enforce } from '../../policies/decision.ts';
import { type CommunityForActor, findCommunityForActor } from '../../queries/communities.ts';

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
  await db.execute(
    sql`select 1 from ${communities} where ${communities.id} = ${found.community.id} for update`,
  );
  // Re-read the membership after the lock: another transaction may have changed it while we waited.
  const again = await findCommunityForActor(db, found.community.id, actor?.id ?? null);
  if (!again) throw notFound('errors.notFound.community');
  return again;
}

export const lastLeaderMessage = 'errors.communities.lastLeader';

/** A member's role in a community (404 when they are not a member). */
export async function getMemberRole(db: Db, communityId: string, userId: string): Promise<MembershipRole> {
  const [row] = await db
    .select({ role: communityMembers.role })
    .from(communityMembers)
    .where(and(eq(communityMembers.communityId, communityId), eq(communityMembers.userId, userId)))
    .limit(1);
  if (!row) throw notFound('errors.notFound.member');
  return row.role;
}

/** Refuses (409) to take away the last leader's role; call under the community lock. */
export async function keepALeader(db: Db, communityId: string, role: MembershipRole, message: ErrorText) {
  if (role === 'leader' && (await countLeaders(db, communityId)) <= 1)
    throw new AppError('conflict', message);
}

/** How many people hold the role `leader` in a community (read under the community lock). */
export async function countLeaders(db: Db, communityId: string): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(communityMembers)
    .where(and(eq(communityMembers.communityId, communityId), eq(communityMembers.role, 'leader')));
  return row?.count ?? 0;
}

/** Adjusts the stored member count by `delta` (kept in step with community_members). */
export async function adjustMemberCount(db: Db, communityId: string, delta: number): Promise<void> {
  await db
    .update(communities)
    .set({ memberCount: sql`${communities.memberCount} + ${delta}`, lastActivityAt: sql`now()` })
    .where(eq(communities.id, communityId));
}

/** The leaders (and co-leaders) to tell about something: their ids. */
export async function leaderIdsOf(db: Db, communityId: string): Promise<string[]> {
  const rows = await db
    .select({ id: users.id })
    .from(communityMembers)
    .innerJoin(users, eq(users.id, communityMembers.userId))
    .where(
      and(
        eq(communityMembers.communityId, communityId),
        sql`${communityMembers.role} in ('leader', 'co_leader')`,
        sql`${users.suspendedAt} is null`,
      ),
    );
  return rows.map((row) => row.id);
}
