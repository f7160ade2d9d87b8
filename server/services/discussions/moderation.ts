import { quoted } from '../../../common/plain-text.ts';
import type { Db } from '../../db/client.ts';
import { AppError, fieldError, notFound } from '../../errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { excerpt } from '../../lib/excerpt.ts';
import { enforce } from '../../policies/decision.ts';
import { mayModerateDiscussions, mayReport } from '../../policies/discussions.ts';
import { recordAudit } from '../../queries/audit.ts';
import {
  findReport,
  insertModerationAction,
  insertReport,
  updateOpenReports,
} from '../../queries/moderation.ts';
import { findLiveReply, updateReplyHidden, updateThreadHidden } from '../../queries/thread-posts.ts';
import { leaderIdsOf } from '../communities/load-community.ts';
import type { ServiceDeps } from '../context.ts';
import { notifyEach, phrase } from '../notifications/notify.ts';
import { unitOfWork } from '../unit-of-work.ts';
import { loadVisibleThread } from './load-thread.ts';

/** A member reports the opening post (`postId` null) or a reply; the community's leaders are told. */
export async function reportPost(
  deps: ServiceDeps,
  actor: Actor,
  threadId: string,
  input: { postId: string | null; reason: string },
): Promise<string> {
  return unitOfWork(deps, async (tx, outbox) => {
    const { thread, community, membership } = await loadVisibleThread(tx, actor, threadId);
    enforce(mayReport(actor, community, membership));
    if (input.postId) {
      const post = await findLiveReply(tx, threadId, input.postId);
      if (!post) throw fieldError('postId', 'errors.discussions.replyNotInThread');
    }
    const report = await insertReport(tx, {
      communityId: community.id,
      threadId,
      postId: input.postId,
      reporterId: actor.id,
      reason: input.reason,
    });
    if (!report) throw new AppError('conflict', 'errors.moderation.alreadyReported');
    await notifyEach(
      tx,
      outbox,
      deps.env.publicUrl,
      await leaderIdsOf(tx, community.id),
      {
        kind: 'discussion.report',
        title: phrase('notify.discussion.reported.title', { thread: quoted(thread.title) }),
        body: excerpt(input.reason),
        // The community's moderation queue, where the report can be decided.
        url: `/communities/${community.slug}/moderation`,
      },
      { except: actor.id },
    );
    return report.id;
  });
}

/** Hides or restores the opening post (`postId` null: the whole thread) or a reply, with a note. */
export async function setPostHidden(
  deps: ServiceDeps,
  actor: Actor,
  threadId: string,
  input: { postId: string | null; hidden: boolean; note: string },
): Promise<void> {
  await deps.database.db.transaction(async (tx) => {
    const { community, membership } = await loadVisibleThread(tx, actor, threadId, { lock: true });
    enforce(mayModerateDiscussions(actor, community, membership));
    await hideTarget(tx, threadId, input.postId, input.hidden);
    await insertModerationAction(tx, {
      communityId: community.id,
      actorId: actor.id,
      action: input.hidden ? 'hide' : 'restore',
      threadId,
      postId: input.postId,
      note: input.note,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: input.hidden ? 'moderation.post.hide' : 'moderation.post.restore',
      subjectType: input.postId ? 'reply' : 'thread',
      subjectId: input.postId ?? threadId,
      data: { communityId: community.id, community: community.name, threadId, note: input.note },
    });
  });
}

async function hideTarget(db: Db, threadId: string, postId: string | null, hidden: boolean) {
  if (postId === null) {
    await updateThreadHidden(db, threadId, hidden);
    return;
  }
  if (!(await updateReplyHidden(db, threadId, postId, hidden)))
    throw fieldError('postId', 'errors.discussions.replyNotInThread');
}

/**
 * A moderator decides a report: `hide` hides what was reported, `dismiss` leaves it. Every open report
 * of the same post is decided with it, and the action is logged.
 */
export async function decideReport(
  deps: ServiceDeps,
  actor: Actor,
  reportId: string,
  input: { decision: 'hide' | 'dismiss'; note: string },
): Promise<void> {
  await deps.database.db.transaction(async (tx) => {
    const report = await findReport(tx, reportId);
    if (!report) throw notFound('errors.notFound.report');
    const { community, membership } = await loadVisibleThread(tx, actor, report.threadId, { lock: true });
    enforce(mayModerateDiscussions(actor, community, membership));
    if (report.status !== 'open') throw new AppError('conflict', 'errors.moderation.reportDecided');
    if (input.decision === 'hide') await hideTarget(tx, report.threadId, report.postId, true);
    await updateOpenReports(tx, report, {
      status: input.decision === 'hide' ? 'hidden' : 'dismissed',
      decidedBy: actor.id,
    });
    await insertModerationAction(tx, {
      communityId: community.id,
      actorId: actor.id,
      action: input.decision === 'hide' ? 'hide' : 'dismiss report',
      threadId: report.threadId,
      postId: report.postId,
      note: input.note,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'moderation.report.resolve',
      subjectType: 'report',
      subjectId: reportId,
      data: {
        communityId: community.id,
        community: community.name,
        decision: input.decision,
        threadId: report.threadId,
        postId: report.postId,
        note: input.note,
      },
    });
  });
}
