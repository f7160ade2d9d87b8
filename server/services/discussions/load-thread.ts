import type { Db } from '../../db/client.ts';
import { type ErrorText, notFound } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import type { CommunitySubject, MembershipSubject } from '../../policies/communities.ts';
import { canReadDiscussions, canSeeHiddenPosts } from '../../policies/discussions.ts';
import { findThreadForActor, type ThreadForActor } from '../../queries/discussions.ts';
import { lockThread } from '../../queries/thread-posts.ts';
import { authorizeWrite } from '../communities/load-community.ts';

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
  if (!found || !canReadDiscussions(actor, found.community, found.membership))
    throw notFound('errors.notFound.thread');
  // A hidden thread is gone for everyone but its moderators.
  if (found.thread.hiddenAt && !canSeeHiddenPosts(actor, found.membership))
    throw notFound('errors.notFound.thread');
  return found;
}

/**
 * Refuses a contribution (403) unless the policy allowed it, saying why: the community is archived,
 * the member is suspended from it, or `message`.
 */
export function authorizeContribution(
  allowed: boolean,
  community: CommunitySubject,
  membership: MembershipSubject,
  message: ErrorText,
): void {
  authorizeWrite(allowed, community, message, membership);
}
