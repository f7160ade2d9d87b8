import type { ThreadKind } from '../../../common/enums.ts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../lib/actor.ts';
import { excerpt } from '../../lib/excerpt.ts';
import { enforce } from '../../policies/decision.ts';
import { mayStartThread } from '../../policies/discussions.ts';
import { recordActivity } from '../../queries/activity.ts';
import { updateCommunityActivity } from '../../queries/communities.ts';
import { listActiveMemberIds } from '../../queries/community-members.ts';
import { insertThreadFollow, upsertThreadRead } from '../../queries/thread-follows.ts';
import { insertThread } from '../../queries/thread-posts.ts';
import { awardBadges } from '../badges/badges.ts';
import { loadVisibleCommunity } from '../communities/load-community.ts';
import type { ServiceDeps } from '../context.ts';
import { notifyEach } from '../notifications/notify.ts';
import { unitOfWork } from '../unit-of-work.ts';
import { checkMentions, notifyMentioned } from './mentions.ts';

/**
 * Writes a new thread and what comes with it, inside the caller's transaction: the author follows it and
 * has read it, the community is active, and the event log has it. The caller has checked the policy.
 */
export async function openThread(
  tx: Db,
  actor: Actor,
  communityId: string,
  fields: { kind: ThreadKind; title: string; body: string; meetingId?: string | undefined },
): Promise<string> {
  const thread = await insertThread(tx, { communityId, authorId: actor.id, ...fields });
  const threadId = thread?.id ?? '';
  await insertThreadFollow(tx, threadId, actor.id);
  await upsertThreadRead(tx, threadId, actor.id);
  await updateCommunityActivity(tx, communityId);
  await recordActivity(tx, {
    communityId,
    actorId: actor.id,
    kind: 'thread.posted',
    subjectType: 'thread',
    subjectId: threadId,
  });
  return threadId;
}

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
    const threadId = await openThread(tx, actor, community.id, fields);
    await awardBadges(tx, outbox, deps.env.publicUrl, community, [{ userId: actor.id, kind: 'first_post' }]);
    await notifyMentioned(tx, outbox, deps.env.publicUrl, mentions, {
      authorId: actor.id,
      authorName: actor.displayName,
      threadTitle: input.title,
      body: input.body,
      url: `/discussions/${threadId}`,
      communityId: community.id,
    });
    if (input.kind !== 'announcement') return threadId;
    await notifyEach(
      tx,
      outbox,
      deps.env.publicUrl,
      await listActiveMemberIds(tx, community.id),
      {
        kind: 'community.announcement',
        title: `${community.name}: ${input.title}`,
        body: excerpt(input.body),
        url: `/discussions/${threadId}`,
        communityId: community.id,
      },
      { except: actor.id },
    );
    return threadId;
  });
}
