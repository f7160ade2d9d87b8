import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { threadFollows, threads } from '../../db/schema/index.ts';
import { notFound } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { enforce } from '../../policies/decision.ts';
import { mayReadThread } from '../../policies/discussions.ts';
import { findThreadForActor, type ThreadForActor } from '../../queries/discussions.ts';

/**
 * Loads a thread the actor may read (404 otherwise, as for its community). `lock` takes the thread
 * row's lock first, so replies, counts and the helpful answer change one at a time.
 */
export async function loadVisibleThread(
  db: Db,
  actor: Actor | null,
  threadId: string,
  options: { lock?: boolean } = {},
): Promise<ThreadForActor> {
  if (options.lock)
    await db.execute(sql`select 1 from ${threads} where ${threads.id} = ${threadId} for update`);
  const found = await findThreadForActor(db, threadId, actor?.id ?? null);
  if (!found) throw notFound('errors.notFound.thread');
  // A hidden thread is gone for everyone but its moderators.
  enforce(mayReadThread(actor, found.community, found.membership, found.thread));
  return found;
}

/** Follows a thread (authors and repliers follow what they write in). */
export async function follow(db: Db, threadId: string, userId: string): Promise<void> {
  await db.insert(threadFollows).values({ threadId, userId }).onConflictDoNothing();
}
