import type { Db } from '../../db/client.ts';
import { notFound } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { enforce } from '../../policies/decision.ts';
import { mayReadThread } from '../../policies/discussions.ts';
import { findThreadForActor, type ThreadForActor } from '../../queries/discussions.ts';
import { lockThread } from '../../queries/thread-posts.ts';

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
  if (options.lock) await lockThread(db, threadId);
  const found = await findThreadForActor(db, threadId, actor?.id ?? null);
  if (!found) throw notFound('errors.notFound.thread');
  // A hidden thread is gone for everyone but its moderators.
  enforce(mayReadThread(actor, found.community, found.membership, found.thread));
  return found;
}
