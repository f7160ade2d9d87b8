import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { joinRequests } from '../db/schema/index.ts';

export type JoinRequestRow = typeof joinRequests.$inferSelect;

/** A join request to a community by its id (undefined: none there). */
export async function findJoinRequest(
  db: Db,
  communityId: string,
  requestId: string,
): Promise<JoinRequestRow | undefined> {
  const [row] = await db
    .select()
    .from(joinRequests)
    .where(and(eq(joinRequests.id, requestId), eq(joinRequests.communityId, communityId)))
    .limit(1);
  return row;
}

/** A person's pending request to join a community, if they have one (there is at most one). */
export async function findPendingJoinRequest(db: Db, communityId: string, userId: string) {
  const [row] = await db
    .select({ id: joinRequests.id })
    .from(joinRequests)
    .where(
      and(
        eq(joinRequests.communityId, communityId),
        eq(joinRequests.userId, userId),
        eq(joinRequests.status, 'pending'),
      ),
    )
    .limit(1);
  return row;
}

/** Records a request to join; answers the new row. */
export async function insertJoinRequest(
  db: Db,
  request: { communityId: string; userId: string; message: string },
): Promise<JoinRequestRow | undefined> {
  const [row] = await db.insert(joinRequests).values(request).returning();
  return row;
}

/** Records a leader's answer to a join request, now. */
export async function updateJoinRequestDecision(
  db: Db,
  requestId: string,
  decision: { status: 'approved' | 'declined'; response: string; decidedBy: string },
): Promise<void> {
  await db
    .update(joinRequests)
    .set({ ...decision, decidedAt: sql`now()` })
    .where(eq(joinRequests.id, requestId));
}
