import { and, desc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client.ts';
import {
  communities,
  communitySuspensions,
  moderationActions,
  posts,
  reports,
  threads,
  users,
} from '../db/schema/index.ts';
import { exactTimestamp, pageOf, rowsAfter } from './keyset.ts';

/**
 * The moderation queue: reports newest first, of one community or (coordinators) of all, with what was
 * reported and by whom, one keyset page at a time.
 */
export async function listReports(
  db: Db,
  scope: { communityId: string } | 'all',
  filter: { status: 'open' | 'hidden' | 'dismissed'; cursor?: string | undefined; limit: number },
) {
  const reporter = alias(users, 'reporter');
  const author = alias(users, 'author');
  const rows = await db
    .select({
      id: reports.id,
      reason: reports.reason,
      status: reports.status,
      createdAt: reports.createdAt,
      createdExact: exactTimestamp(reports.createdAt),
      threadId: reports.threadId,
      threadTitle: threads.title,
      postId: reports.postId,
      text: posts.body,
      threadBody: threads.body,
      communitySlug: communities.slug,
      communityName: communities.name,
      reporterId: reporter.id,
      reporterName: reporter.displayName,
      authorId: author.id,
      authorName: author.displayName,
      hidden: sql<boolean>`case when ${reports.postId} is null then ${threads.hiddenAt} is not null
        else ${posts.hiddenAt} is not null end`,
      threadLocked: sql<boolean>`${threads.lockedAt} is not null`,
    })
    .from(reports)
    .innerJoin(threads, eq(threads.id, reports.threadId))
    .innerJoin(communities, eq(communities.id, reports.communityId))
    .leftJoin(posts, eq(posts.id, reports.postId))
    .leftJoin(reporter, eq(reporter.id, reports.reporterId))
    .leftJoin(
      author,
      sql`${author.id} = case when ${reports.postId} is null then ${threads.authorId} else ${posts.authorId} end`,
    )
    .where(
      and(
        scope === 'all' ? undefined : eq(reports.communityId, scope.communityId),
        eq(reports.status, filter.status),
        rowsAfter(reports.createdAt, reports.id, filter.cursor),
      ) as SQL,
    )
    .orderBy(desc(reports.createdAt), desc(reports.id))
    .limit(filter.limit + 1);
  return pageOf(rows, filter.limit, (row) => ({ at: row.createdExact, id: row.id }));
}

/** A community's moderation log, newest first, with the moderator and the person acted on. */
export async function listModerationLog(
  db: Db,
  communityId: string,
  page: { cursor?: string | undefined; limit: number },
) {
  const moderator = alias(users, 'moderator');
  const subject = alias(users, 'subject');
  const rows = await db
    .select({
      id: moderationActions.id,
      action: moderationActions.action,
      note: moderationActions.note,
      threadId: moderationActions.threadId,
      threadTitle: threads.title,
      postId: moderationActions.postId,
      subjectId: subject.id,
      subjectName: subject.displayName,
      createdAt: moderationActions.createdAt,
      createdExact: exactTimestamp(moderationActions.createdAt),
      actorId: moderator.id,
      actorName: moderator.displayName,
    })
    .from(moderationActions)
    .leftJoin(moderator, eq(moderator.id, moderationActions.actorId))
    .leftJoin(subject, eq(subject.id, moderationActions.subjectUserId))
    .leftJoin(threads, eq(threads.id, moderationActions.threadId))
    .where(
      and(
        eq(moderationActions.communityId, communityId),
        rowsAfter(moderationActions.createdAt, moderationActions.id, page.cursor),
      ),
    )
    .orderBy(desc(moderationActions.createdAt), desc(moderationActions.id))
    .limit(page.limit + 1);
  return pageOf(rows, page.limit, (row) => ({ at: row.createdExact, id: row.id }));
}

/**
 * The suspensions in force in a community (not lifted, not ended), newest first, with the person, who
 * suspended them, when and until when; one keyset page at a time (community_suspensions_community_idx).
 */
export async function listActiveSuspensions(
  db: Db,
  communityId: string,
  page: { cursor?: string | undefined; limit: number },
) {
  const person = alias(users, 'person');
  const moderator = alias(users, 'moderator');
  const rows = await db
    .select({
      id: communitySuspensions.id,
      reason: communitySuspensions.reason,
      createdAt: communitySuspensions.createdAt,
      createdExact: exactTimestamp(communitySuspensions.createdAt),
      endsAt: communitySuspensions.endsAt,
      person: {
        id: person.id,
        displayName: person.displayName,
        photoPath: person.photoPath,
        updatedAt: person.updatedAt,
      },
      moderatorId: moderator.id,
      moderatorName: moderator.displayName,
    })
    .from(communitySuspensions)
    .innerJoin(person, eq(person.id, communitySuspensions.userId))
    .leftJoin(moderator, eq(moderator.id, communitySuspensions.suspendedBy))
    .where(
      and(
        eq(communitySuspensions.communityId, communityId),
        isNull(communitySuspensions.liftedAt),
        sql`(${communitySuspensions.endsAt} is null or ${communitySuspensions.endsAt} > now())`,
        rowsAfter(communitySuspensions.createdAt, communitySuspensions.id, page.cursor),
      ),
    )
    .orderBy(desc(communitySuspensions.createdAt), desc(communitySuspensions.id))
    .limit(page.limit + 1);
  return pageOf(rows, page.limit, (row) => ({ at: row.createdExact, id: row.id }));
}

/** A moderation action to record; the thread, reply, person or resource it names, when it names one. */
export interface ModerationEntry {
  communityId: string;
  actorId: string;
  action: string;
  threadId?: string | null;
  postId?: string | null;
  /** The person acted on (a suspension and its lifting, a resource of theirs deleted). */
  subjectUserId?: string | null;
  resourceId?: string | null;
  note?: string;
}

/** Records a moderation action (the community's moderation log). */
export async function insertModerationAction(db: Db, entry: ModerationEntry): Promise<void> {
  await db.insert(moderationActions).values({
    ...entry,
    threadId: entry.threadId ?? null,
    postId: entry.postId ?? null,
    subjectUserId: entry.subjectUserId ?? null,
    note: entry.note ?? '',
  });
}

/** Files a report; answers its id, or undefined when the reporter already has it open. */
export async function insertReport(
  db: Db,
  report: {
    communityId: string;
    threadId: string;
    postId: string | null;
    reporterId: string;
    reason: string;
  },
) {
  const [row] = await db.insert(reports).values(report).onConflictDoNothing().returning({ id: reports.id });
  return row;
}

/** One report by id. */
export async function findReport(db: Db, reportId: string) {
  const [row] = await db.select().from(reports).where(eq(reports.id, reportId)).limit(1);
  return row;
}

/** Decides every open report of the opening post (`postId` null) or of a reply at once. */
export async function updateOpenReports(
  db: Db,
  target: { threadId: string; postId: string | null },
  decision: { status: 'hidden' | 'dismissed'; decidedBy: string },
): Promise<void> {
  const samePost = target.postId ? eq(reports.postId, target.postId) : isNull(reports.postId);
  await db
    .update(reports)
    .set({ status: decision.status, decidedBy: decision.decidedBy, decidedAt: sql`now()` })
    .where(and(eq(reports.threadId, target.threadId), samePost, eq(reports.status, 'open')));
}
