import { and, eq, isNull, sql } from 'drizzle-orm';
import type { ThreadKind } from '../../../common/enums.ts';
import { communities, communityMembers, threads, users } from '../../db/schema/index.ts';
import type { Actor } from '../../lib/actor.ts';
import { excerpt } from '../../lib/excerpt.ts';
import { enforce } from '../../policies/decision.ts';
import { mayStartThread } from '../../policies/discussions.ts';
import { loadVisibleCommunity } from '../communities/load-community.ts';
import type { ServiceDeps } from '../context.ts';
import { notifyEach } from '../notifications/notify.ts';
import { unitOfWork } from '../unit-of-work.ts';
import { follow } from './load-thread.ts';
import { checkMentions, notifyMentioned } from './mentions.ts';
import { markThreadRead } from './react-and-follow.ts';

/**
 * Starts a discussion, a question or (leaders, sponsors, coordinators) an announcement, which every
 * member of the community is told of. The author follows the thread.
 */
export async function startThread(
  deps: ServiceDeps,
  actor: Actor,
  slug: string,
  input: {
    kind: ThreadKind;
    title: string;
    body: string;
    mentions: string[];
    meetingId?: string | undefined;
  },
): Promise<string> {
  return unitOfWork(deps, async (tx, outbox) => {
    const { community, membership } = await loadVisibleCommunity(tx, actor, slug);
    enforce(mayStartThread(actor, community, membership, input.kind));
    await checkMentions(tx, community.id, input.mentions);
    const { mentions, ...fields } = input;
    const [thread] = await tx
      .insert(threads)
      .values({ communityId: community.id, authorId: actor.id, ...fields })
      .returning({ id: threads.id });
    const threadId = thread?.id ?? '';
    await follow(tx, threadId, actor.id);
    await markThreadRead(tx, threadId, actor.id);
    await tx.update(communities).set({ lastActivityAt: sql`now()` }).where(eq(communities.id, community.id));
    await notifyMentioned(tx, outbox, deps.env.publicUrl, mentions, {
      authorId: actor.id,
      authorName: actor.displayName,
      threadTitle: input.title,
      body: input.body,
      url: `/discussions/${threadId}`,
    });
    if (input.kind !== 'announcement') return threadId;
    const members = await tx
      .select({ id: communityMembers.userId })
      .from(communityMembers)
      .innerJoin(users, eq(users.id, communityMembers.userId))
      .where(and(eq(communityMembers.communityId, community.id), isNull(users.suspendedAt)));
    await notifyEach(
      tx,
      outbox,
      deps.env.publicUrl,
      members.map((m) => m.id),
      {
        kind: 'community.announcement',
        title: `${community.name}: ${input.title}`,
        body: excerpt(input.body),
        url: `/discussions/${threadId}`,
      },
      { except: actor.id },
    );
    return threadId;
  });
}
