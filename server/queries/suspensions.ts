import { and, eq, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { communityMembers, communitySuspensions, users } from '../db/schema/index.ts';

/** Writes of community suspensions and the reads the use cases check first (lists: moderation.ts). */

/** A member of the community with their account role and community role (undefined: not a member). */
export async function findSuspensionTarget(db: Db, communityId: string, userId: string) {
  const [row] = await db
    .select({
      id: users.id,
      displayName: users.displayName,
      role: users.role,
      timeZone: users.timeZone,
      memberRole: communityMembers.role,
    })
    .from(users)
    .innerJoin(
      communityMembers,
      and(eq(communityMembers.userId, users.id), eq(communityMembers.communityId, communityId)),
    )
    .where(eq(users.id, userId))
    .limit(1);
  return row;
}

/** Closes (as lifted now) a person's suspension from the community that has ended on its own. */
export async function updateEndedSuspensions(db: Db, communityId: string, userId: string): Promise<void> {
  await db
    .update(communitySuspensions)
    .set({ liftedAt: sql`now()` })
    .where(
      and(
        eq(communitySuspensions.communityId, communityId),
        eq(communitySuspensions.userId, userId),
        isNull(communitySuspensions.liftedAt),
        lte(communitySuspensions.endsAt, sql`now()`),
      ),
    );
}

/** Suspends a person; answers the suspension's id, or undefined when one is already the active row. */
export async function insertSuspension(
  db: Db,
  suspension: {
    communityId: string;
    userId: string;
    reason: string;
    endsAt: Date | null;
    suspendedBy: string;
  },
) {
  const [row] = await db
    .insert(communitySuspensions)
    .values(suspension)
    .onConflictDoNothing()
    .returning({ id: communitySuspensions.id });
  return row;
}

/** One suspension by id. */
export async function findSuspension(db: Db, suspensionId: string) {
  const [row] = await db
    .select()
    .from(communitySuspensions)
    .where(eq(communitySuspensions.id, suspensionId))
    .limit(1);
  return row;
}

/** Lifts a suspension if it is in force (not lifted, not ended); answers its id, else undefined. */
export async function updateSuspensionLifted(db: Db, suspensionId: string, liftedBy: string) {
  const [row] = await db
    .update(communitySuspensions)
    .set({ liftedAt: sql`now()`, liftedBy })
    .where(
      and(
        eq(communitySuspensions.id, suspensionId),
        isNull(communitySuspensions.liftedAt),
        sql`(${communitySuspensions.endsAt} is null or ${communitySuspensions.endsAt} > now())`,
      ),
    )
    .returning({ id: communitySuspensions.id });
  return row;
}
